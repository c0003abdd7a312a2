import { useEffect, useMemo, useState } from 'react';
import type { GroupView, RebalanceView, TopicPartition } from '@lanes/events';
import { dashboardStore } from '../state/dashboard-store';
import { useView } from '../state/view-store';
import { diagramLayout, diagramLinks, partitionId, type DiagramMember } from './assignment-layout';
import { memberColor } from './member-colors';
import { departedMembers, isFreshRebalance, isRebalancing, memberKey, nextAssignments, partitionLabel, previousAssignments, rebalanceStageMs } from './rebalance-summary';
import { useReducedMotion } from './use-reduced-motion';
import './assignment-diagram.css';

const WIDTH = 300;

interface Animation {
  key: string;
  stage: 'revoking' | 'drawing';
  before: Map<string, TopicPartition[]>;
  after: Map<string, TopicPartition[]>;
  departed: string[];
}

/**
 * Plays an eager rebalance when one arrives: every old line fades out (all partitions revoked,
 * KIP-429 explains why eager does this), then the new lines draw in. With reduced motion the new
 * lines simply replace the old.
 */
function useRebalanceAnimation(group: GroupView, rebalance: RebalanceView | undefined): Animation | null {
  const reduced = useReducedMotion();
  const speed = useView((v) => v.speed);
  const [animation, setAnimation] = useState<Animation | null>(null);
  const key = rebalance ? `${rebalance.generation}:${rebalance.startedAt}` : null;

  useEffect(() => {
    if (!rebalance || reduced || !isFreshRebalance(rebalance, Date.now(), dashboardStore.getState().clockSkewMs)) return;
    const before = previousAssignments(group.members, rebalance);
    const after = nextAssignments(before, rebalance);
    const departed = departedMembers(group.members, rebalance);
    const { revokeMs, drawMs } = rebalanceStageMs(speed);
    setAnimation({ key: `${key}`, stage: 'revoking', before, after, departed });
    const toDraw = setTimeout(() => setAnimation((current) => current && { ...current, stage: 'drawing' }), revokeMs);
    const done = setTimeout(() => setAnimation(null), revokeMs + drawMs);
    return () => {
      clearTimeout(toDraw);
      clearTimeout(done);
    };
    // Only a new rebalance starts an animation (hence `key`, not `rebalance` or the members):
    // member updates that arrive while it plays must not restart it.
  }, [key, reduced]);

  return animation;
}

/** Lines from each member to the partitions it owns, coloured per member. */
export function AssignmentDiagram({ group, partitions, rebalance }: { group: GroupView; partitions: TopicPartition[]; rebalance: RebalanceView | undefined }) {
  const animation = useRebalanceAnimation(group, rebalance);
  const speed = useView((v) => v.speed);
  const multiTopic = group.topics.length > 1;
  const revokedNow = isRebalancing(group.state);

  const statusOf = useMemo(() => new Map(group.members.map((member) => [memberKey(member), member.status])), [group.members]);
  const rows: DiagramMember[] = useMemo(() => {
    const present = group.members.map((member) => ({ key: memberKey(member), departed: false }));
    const departed = animation?.stage === 'revoking' ? animation.departed.map((key) => ({ key, departed: true })) : [];
    return [...present, ...departed];
  }, [group.members, animation]);

  const current = useMemo(() => new Map(group.members.map((member) => [memberKey(member), member.assignment])), [group.members]);
  const layout = diagramLayout(rows, partitions, WIDTH);
  const assignments = animation ? (animation.stage === 'revoking' ? animation.before : animation.after) : current;
  const links = diagramLinks(layout, assignments);
  const owner = new Map<string, string>();
  for (const link of diagramLinks(layout, animation ? animation.after : current)) owner.set(partitionId(link.partition), link.member);

  if (partitions.length === 0 && rows.length === 0) return null;
  const { revokeMs, drawMs } = rebalanceStageMs(speed);
  const linesClass = animation ? (animation.stage === 'revoking' ? 'lines lines-revoking' : 'lines lines-drawing') : revokedNow ? 'lines lines-revoked' : 'lines';
  const caption = animation?.stage === 'revoking' ? 'Revoking every partition (eager protocol)…' : animation?.stage === 'drawing' ? 'Drawing the new assignment…' : revokedNow ? 'All partitions revoked while the group rebalances.' : null;

  return (
    <figure className="assignment-diagram">
      <svg
        viewBox={`0 0 ${WIDTH} ${layout.height}`}
        width="100%"
        role="img"
        aria-label={`Assignment of ${partitions.length} partitions to ${group.members.length} members`}
        style={{ ['--revoke-ms' as string]: `${revokeMs}ms`, ['--draw-ms' as string]: `${drawMs}ms` }}
      >
        <g className={linesClass} key={animation ? `${animation.key}:${animation.stage}` : 'steady'}>
          {links.map((link) => {
            const status = statusOf.get(link.member);
            const stalled = !animation && (status === 'crashed' || status === 'paused');
            return <path key={link.id} d={link.path} pathLength={1} stroke={memberColor(link.member)} className={stalled ? 'stalled' : undefined} />;
          })}
        </g>
        {rows.map((row) => {
          const y = layout.memberY.get(row.key)!;
          const status = statusOf.get(row.key);
          const suffix = row.departed ? ' (gone)' : status && status !== 'active' ? ` (${status})` : '';
          return (
            <g key={row.key} className={`member-node status-${row.departed ? 'gone' : status}`}>
              <circle cx={layout.memberX} cy={y} r={4} fill={memberColor(row.key)} />
              <text x={layout.memberX - 8} y={y} textAnchor="end" dominantBaseline="middle">
                {shorten(row.key)}
                {suffix}
              </text>
            </g>
          );
        })}
        {partitions.map((tp) => {
          const y = layout.partitionY.get(partitionId(tp))!;
          const ownedBy = owner.get(partitionId(tp));
          return (
            <g key={partitionId(tp)} className={ownedBy ? 'partition-node' : 'partition-node unowned'}>
              <circle cx={layout.partitionX} cy={y} r={4} fill={ownedBy ? memberColor(ownedBy) : 'none'} />
              <text x={layout.partitionX + 8} y={y} dominantBaseline="middle" fontSize={layout.rowHeight < 14 ? 9 : undefined}>
                {partitionLabel(tp, multiTopic)}
              </text>
            </g>
          );
        })}
      </svg>
      {caption && <figcaption className="muted">{caption}</figcaption>}
    </figure>
  );
}

/** Kafka member ids are long ("kafkajs-1f3c…"); the diagram has room for about a dozen characters. */
function shorten(key: string): string {
  return key.length > 14 ? `${key.slice(0, 12)}…` : key;
}
