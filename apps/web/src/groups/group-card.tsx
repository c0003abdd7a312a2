import { useMemo } from 'react';
import type { TopicPartition } from '@lanes/events';
import { useDashboard } from '../state/dashboard-store';
import { AssignmentDiagram } from './assignment-diagram';
import { DeliveryLessons } from './delivery-lessons-list';
import { GroupActions } from './group-actions';
import { commitModeLabel } from './group-options';
import { LagTable } from './lag-table';
import { MemberRow } from './member-row';
import { idleCount } from './member-status';
import { RebalanceStrip } from './rebalance-strip';
import { newestRebalanceFor, partitionLabel, phaseOf, unassignedPartitions } from './rebalance-summary';
import { formatCountdown } from './crash-countdown';

/**
 * The partitions a group reads, from the topics it subscribes to. Selected as one string so the card
 * re-renders when a partition count changes, not each time a log end offset moves.
 */
function useGroupPartitions(topics: readonly string[]): TopicPartition[] {
  const shape = useDashboard((s) => topics.map((name) => `${name}\u0000${s.topics.find((t) => t.name === name)?.partitions.length ?? 0}`).join('\u0001'));
  return useMemo(
    () =>
      shape
        .split('\u0001')
        .filter(Boolean)
        .flatMap((entry) => {
          const [topic, count] = entry.split('\u0000') as [string, string];
          return Array.from({ length: Number(count) }, (_, partition) => ({ topic, partition }));
        }),
    [shape],
  );
}

/** One consumer group: its settings, members, the lines to their partitions, lag and delivery lessons. */
export function GroupCard({ groupId, canControl }: { groupId: string; canControl: boolean }) {
  const group = useDashboard((s) => s.groups[groupId]);
  const rebalance = useDashboard((s) => newestRebalanceFor(s.rebalances, groupId));
  const partitions = useGroupPartitions(group?.topics ?? []);
  if (!group) return null;

  const titleId = `group-${groupId}-title`;
  const multiTopic = group.topics.length > 1;
  const controls = group.managed && canControl;
  const idle = idleCount(group.members);
  const unread = phaseOf(group.state) === 'stable' && group.members.length > 0 ? unassignedPartitions(partitions, group.members) : [];
  const settings = [
    `assignor ${group.assignor}`,
    'eager',
    group.commitMode && `commit ${commitModeLabel(group.commitMode)}`,
    group.autoOffsetReset && `reset ${group.autoOffsetReset}`,
    group.sessionTimeoutMs && `session ${formatCountdown(group.sessionTimeoutMs)}`,
  ].filter(Boolean);

  return (
    <article className="panel group-card" aria-labelledby={titleId}>
      <header className="group-head">
        <h3 id={titleId}>{groupId}</h3>
        <span className="muted">{group.topics.join(', ')}</span>
      </header>
      <p className="group-settings muted">{settings.join(' · ')}</p>
      {!group.managed && <p className="note">Run by an outside client: Lanes watches it but cannot change it.</p>}

      <RebalanceStrip group={group} rebalance={rebalance} multiTopic={multiTopic} />
      <AssignmentDiagram group={group} partitions={partitions} rebalance={rebalance} />

      {unread.length > 0 && (
        <p className="note">
          {unread.map((tp) => partitionLabel(tp, multiTopic)).join(' ')} {unread.length === 1 ? 'has' : 'have'} no reader yet: the group notices new partitions on
          its next metadata refresh, then rebalances.
        </p>
      )}
      <p className="members-summary muted">
        {group.members.length} member{group.members.length === 1 ? '' : 's'} · {partitions.length} partition{partitions.length === 1 ? '' : 's'}
        {idle > 0 && <strong className="idle-note"> · {idle} idle</strong>}
      </p>
      {group.members.length === 0 && <p className="muted">No members. {controls ? 'Add a consumer to start reading.' : ''}</p>}
      {controls && group.members.length > 0 && (
        <p className="action-help muted">Remove sends LeaveGroup: the group rebalances now. Crash vanishes without a word: the group waits for the session timeout.</p>
      )}
      <ul className="members" aria-label={`Members of ${groupId}`}>
        {group.members.map((member) => (
          <MemberRow key={member.consumerId ?? member.memberId ?? member.clientId} groupId={groupId} member={member} memberCount={group.members.length} partitionCount={partitions.length} multiTopic={multiTopic} controls={controls} />
        ))}
      </ul>

      {controls && <GroupActions groupId={groupId} partitions={partitions} />}
      <LagTable lag={group.lag} multiTopic={multiTopic} />
      <DeliveryLessons groupId={groupId} commitMode={group.commitMode} />
    </article>
  );
}
