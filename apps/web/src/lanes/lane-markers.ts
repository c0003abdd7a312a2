import type { GroupView } from '@lanes/events';
import type { ConsumerPosition } from './group-activity';
import { MAX_MARKER_ROWS } from './layout';

/** What one group shows in one lane: its committed offset, the member reading it and where it is. */
export interface GroupLaneMarker {
  groupId: string;
  /** Marker row under the cells (0..MAX_MARKER_ROWS-1); also picks the group's colour. */
  row: number;
  /** The group's committed offset for this partition (the next record it will read after a restart), or null before the first commit. */
  committed: number | null;
  /** Who reads this partition now (the gateway's consumer id, else Kafka's client id), or null when unassigned. */
  reader: string | null;
  /** The next offset the reading consumer will process, from its live consumed batches, or null. */
  position: number | null;
}

export interface TopicMarkers {
  /** Groups drawn, in row order. */
  groups: string[];
  /** Groups reading the topic that have no row left (shown as "+N groups"). */
  hiddenGroups: number;
  /** Markers per partition, one per drawn group. */
  byPartition: GroupLaneMarker[][];
}

/**
 * Groups reading `topic`, their committed offsets (GroupView.lag, from OffsetFetch) and live
 * positions (group-activity, from consumed batches). Lag itself is computed when drawing, from
 * the lane's current log end offset, so it never trails the records on screen.
 */
export function computeTopicMarkers(topic: string, partitionCount: number, groups: readonly GroupView[], positions: readonly ConsumerPosition[]): TopicMarkers {
  const reading = groups
    .filter((g) => g.topics.includes(topic) || g.lag.some((l) => l.topic === topic) || g.members.some((m) => m.assignment.some((a) => a.topic === topic)))
    .map((g) => g.groupId)
    .sort((a, b) => a.localeCompare(b));
  const shown = reading.slice(0, MAX_MARKER_ROWS);
  const byId = new Map(groups.map((g) => [g.groupId, g]));
  const byPartition: GroupLaneMarker[][] = [];
  for (let partition = 0; partition < partitionCount; partition++) {
    byPartition.push(
      shown.map((groupId, row) => {
        const group = byId.get(groupId)!;
        const lag = group.lag.find((l) => l.topic === topic && l.partition === partition);
        const member = group.members.find((m) => m.status !== 'crashed' && m.assignment.some((a) => a.topic === topic && a.partition === partition));
        const live = positions.find((p) => p.groupId === groupId && p.partition === partition);
        return {
          groupId,
          row,
          committed: lag && lag.committed >= 0 ? lag.committed : null,
          reader: member ? (member.consumerId ?? member.clientId) : null,
          position: member && live ? live.position : null,
        };
      }),
    );
  }
  return { groups: shown, hiddenGroups: reading.length - shown.length, byPartition };
}

/** Lag as Kafka defines it: log end offset minus committed offset (never negative). */
export function lagOf(committed: number | null, endOffset: number): number | null {
  return committed === null ? null : Math.max(0, endOffset - committed);
}
