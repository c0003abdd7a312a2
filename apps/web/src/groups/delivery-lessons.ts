import type { DeliveryAnomaly } from '@lanes/events';
import { commitModeLabel, guaranteeOf } from './group-options';

/**
 * The sentence that ties a duplicate or a gap to the group's commit mode
 * (partitioning-facts.md, "Consumer offsets and delivery").
 */
export function anomalyLesson(kind: DeliveryAnomaly['kind'], commitMode: string | undefined): string {
  const mode = commitModeLabel(commitMode);
  const guarantee = guaranteeOf(commitMode);
  if (kind === 'duplicate') {
    if (guarantee === 'at-least-once') return `Re-delivered: committing ${mode} is at-least-once, so records processed after the last commit are read again after a crash or rebalance.`;
    if (guarantee === 'at-most-once') return 'Re-delivered even though commits come before processing: a seek or a reset moved the position back.';
    return 'Re-delivered: records processed after the last commit were read again.';
  }
  if (guarantee === 'at-most-once') return 'Lost: committing before processing is at-most-once, so a record committed but not yet processed when its consumer died is never read.';
  return 'Skipped: records were never processed here, usually because retention deleted them before they were read (the reset policy took over).';
}

/** "P2 offset 14" or "P2 offsets 14-19". */
export function anomalyRange(anomaly: Pick<DeliveryAnomaly, 'partition' | 'fromOffset' | 'toOffset'>): string {
  return anomaly.fromOffset === anomaly.toOffset ? `P${anomaly.partition} offset ${anomaly.fromOffset}` : `P${anomaly.partition} offsets ${anomaly.fromOffset}-${anomaly.toOffset}`;
}

/** The group's latest anomalies, newest first. */
export function recentAnomalies(anomalies: readonly DeliveryAnomaly[], groupId: string, limit = 5): DeliveryAnomaly[] {
  const mine: DeliveryAnomaly[] = [];
  for (let i = anomalies.length - 1; i >= 0 && mine.length < limit; i--) if (anomalies[i]!.groupId === groupId) mine.push(anomalies[i]!);
  return mine;
}
