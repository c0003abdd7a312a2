import type { MemberView } from '@lanes/events';
import { useCommand } from '../connection/gateway-context';
import { groupActivity } from '../lanes/group-activity';
import { useDashboard } from '../state/dashboard-store';
import { useNow } from '../insights/use-now';
import { crashCountdownText } from './crash-countdown';
import { DelaySlider } from './delay-slider';
import { memberColor } from './member-colors';
import { STATUS_LABELS, idleReason, isIdle } from './member-status';
import { memberKey, partitionLabel, sortPartitions } from './rebalance-summary';
import './member-row.css';

interface MemberRowProps {
  groupId: string;
  member: MemberView;
  memberCount: number;
  partitionCount: number;
  multiTopic: boolean;
  controls: boolean;
}

/** One member: who it is, what it owns, what it is doing, and the buttons that break it on purpose. */
export function MemberRow({ groupId, member, memberCount, partitionCount, multiTopic, controls }: MemberRowProps) {
  const key = memberKey(member);
  const crashed = member.status === 'crashed';
  const idle = isIdle(member);
  // A countdown needs tenths of a second; everything else here is fine at one refresh a second.
  const now = useNow(crashed ? 100 : 1000);
  const skew = useDashboard((s) => s.clockSkewMs);
  const processed = member.consumerId ? groupActivity.processedBy(groupId, member.consumerId) : null;

  const remove = useCommand('consumer:remove');
  const crash = useCommand('consumer:crash');
  const pause = useCommand('consumer:pause');
  const resume = useCommand('consumer:resume');
  const error = remove.error ?? crash.error ?? pause.error ?? resume.error;
  const target = member.consumerId ? { groupId, consumerId: member.consumerId } : null;
  const busy = remove.pending || crash.pending || pause.pending || resume.pending;
  const live = member.status !== 'crashed' && member.status !== 'leaving';

  return (
    <li className={`member status-${member.status}${idle ? ' is-idle' : ''}`} style={{ ['--member-color' as string]: memberColor(key) }}>
      <div className="member-head">
        <span className="member-swatch" aria-hidden="true" />
        <strong className="member-name" title={member.memberId ?? undefined}>{member.consumerId ?? member.clientId}</strong>
        {member.consumerId && <span className="muted member-client">{member.clientId}</span>}
        <span className={`status-badge status-${idle ? 'idle' : member.status}`}>{idle ? 'idle' : STATUS_LABELS[member.status]}</span>
      </div>

      <div className="chips" aria-label="Assigned partitions">
        {member.assignment.length === 0 ? <span className="muted">no partitions</span> : sortPartitions(member.assignment).map((tp) => (
          <span key={`${tp.topic}-${tp.partition}`} className="chip">{partitionLabel(tp, multiTopic)}</span>
        ))}
        {processed !== null && <span className="processed muted">{processed.toLocaleString()} processed</span>}
      </div>

      {crashed && <p className="crash-countdown" role="timer" aria-live="off">{crashCountdownText(member.expiresAt, now, skew, member.sessionTimeoutMs)}</p>}
      {idle && <p className="idle-reason">{idleReason(memberCount, partitionCount)}</p>}

      {controls && target && live && (
        <>
          <DelaySlider groupId={groupId} consumerId={target.consumerId} delayMs={member.processingDelayMs ?? 0} disabled={busy} />
          <div className="member-actions">
            {member.status === 'paused' ? (
              <button type="button" disabled={busy} onClick={() => void resume.run(target)} title="Fetch again from where it stopped">Resume</button>
            ) : (
              <button type="button" disabled={busy} onClick={() => void pause.run(target)} title="Stops fetching but keeps heartbeating: the group does not rebalance, lag grows">Pause</button>
            )}
            <button type="button" disabled={busy} onClick={() => void remove.run(target)} title="Sends LeaveGroup: the group rebalances now">Remove</button>
            <button type="button" className="danger" disabled={busy} onClick={() => void crash.run(target)} title="Vanishes without a word: the group waits for the session timeout">Crash</button>
          </div>
        </>
      )}
      {error && <p className="field-error" role="alert">{error.message}</p>}
    </li>
  );
}
