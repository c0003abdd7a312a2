import type { LaneHover } from './lanes-ui-store';
import type { LanesLayout, LaneWindow } from './layout';
import { hitInLane, laneAt } from './layout';
import type { LandedRecord } from './record-stream';

/**
 * What sits under a point of the lanes canvas (CSS pixels, canvas coordinates): a record, an
 * offset this browser never received, a deleted offset, or the compressed bar. Offsets still in
 * flight are not under the pointer yet.
 */
export function hoverAt(
  layout: LanesLayout,
  windows: readonly LaneWindow[],
  recentOf: (partition: number) => readonly LandedRecord[],
  hiddenFrom: (partition: number) => number,
  x: number,
  y: number,
): LaneHover | null {
  const index = laneAt(layout, y);
  const rect = layout.lanes[index];
  const window = windows[index];
  if (!rect || !window) return null;
  const hit = hitInLane(layout, window, x, y - rect.y);
  if (!hit) return null;
  const partition = rect.partition;
  if (hit.kind === 'compressed') return { kind: 'compressed', partition, fromOffset: hit.fromOffset, toOffset: hit.toOffset, logStartOffset: window.logStartOffset };
  if (hit.offset >= hiddenFrom(partition)) return null;
  if (hit.offset < window.logStartOffset) return { kind: 'deleted', partition, offset: hit.offset, logStartOffset: window.logStartOffset };
  const record = findByOffset(recentOf(partition), hit.offset);
  return record ? { kind: 'record', record } : { kind: 'unknown', partition, offset: hit.offset };
}

/** Binary search over records sorted by offset (a partition's records arrive in offset order). */
export function findByOffset(records: readonly LandedRecord[], offset: number): LandedRecord | null {
  let low = 0;
  let high = records.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = records[middle]!.offset;
    if (candidate === offset) return records[middle]!;
    if (candidate < offset) low = middle + 1;
    else high = middle - 1;
  }
  return null;
}

/** Whether two hovers show the same thing (so the tooltip does not re-render on every pointer move). */
export function sameHover(a: LaneHover | null, b: LaneHover | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'record' && b.kind === 'record') return a.record.partition === b.record.partition && a.record.offset === b.record.offset;
  if (a.kind === 'compressed' && b.kind === 'compressed') return a.partition === b.partition && a.toOffset === b.toOffset;
  return a.kind !== 'record' && b.kind !== 'record' && a.kind !== 'compressed' && b.kind !== 'compressed' && a.partition === b.partition && a.offset === b.offset;
}
