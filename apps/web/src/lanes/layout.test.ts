import { describe, expect, it } from 'vitest';
import { computeLanesLayout, computeLaneWindow, hitInLane, laneAt, offsetToX } from './layout';

const base = { width: 900, viewportHeight: 500, groupCount: 1, presenter: false };

describe('computeLanesLayout', () => {
  it('gives one lane a comfortable height instead of stretching it over the whole viewport', () => {
    const layout = computeLanesLayout({ ...base, partitionCount: 1 });
    expect(layout.lanes).toHaveLength(1);
    expect(layout.laneHeight).toBeLessThanOrEqual(96);
    expect(layout.cellHeight).toBeGreaterThanOrEqual(20);
    expect(layout.markerLabels).toBe(true);
  });

  it('fits a few partitions into the viewport, stacked without overlap', () => {
    const layout = computeLanesLayout({ ...base, partitionCount: 6 });
    expect(layout.height).toBeLessThanOrEqual(500);
    for (let i = 1; i < layout.lanes.length; i++) expect(layout.lanes[i]!.y).toBe(layout.lanes[i - 1]!.y + layout.laneHeight);
  });

  it('keeps 64 partitions readable by scrolling rather than shrinking lanes to slivers', () => {
    const layout = computeLanesLayout({ ...base, partitionCount: 64 });
    expect(layout.lanes).toHaveLength(64);
    expect(layout.cellHeight).toBeGreaterThanOrEqual(10);
    expect(layout.height).toBeGreaterThan(500);
    expect(layout.lanes[63]!.partition).toBe(63);
  });

  it('drops marker labels but keeps a thin marker strip when lanes are cramped', () => {
    const layout = computeLanesLayout({ ...base, partitionCount: 64, groupCount: 3 });
    expect(layout.markerRows).toBe(3);
    expect(layout.markerRowHeight).toBeGreaterThanOrEqual(3);
    expect(layout.markerLabels).toBe(false);
    expect(layout.markerTop + layout.markerRows * layout.markerRowHeight).toBeLessThanOrEqual(layout.laneHeight);
  });

  it('draws bigger cells and type in presenter mode', () => {
    const normal = computeLanesLayout({ ...base, partitionCount: 3 });
    const presenter = computeLanesLayout({ ...base, partitionCount: 3, presenter: true });
    expect(presenter.cellWidth).toBeGreaterThan(normal.cellWidth);
    expect(presenter.fontSize).toBeGreaterThan(normal.fontSize);
    expect(presenter.capacity).toBeLessThan(normal.capacity);
  });

  it('caps marker rows at three groups', () => {
    expect(computeLanesLayout({ ...base, partitionCount: 2, groupCount: 9 }).markerRows).toBe(3);
  });

  it('lays out nothing for a topic without partitions', () => {
    const layout = computeLanesLayout({ ...base, partitionCount: 0 });
    expect(layout.lanes).toEqual([]);
    expect(layout.height).toBe(0);
  });
});

describe('computeLaneWindow', () => {
  const layout = computeLanesLayout({ ...base, partitionCount: 3 });

  it('puts offset o at the same x in every uncompressed lane', () => {
    const a = computeLaneWindow(layout, 0, 5);
    const b = computeLaneWindow(layout, 0, 12);
    expect(offsetToX(layout, a, 3)).toBe(offsetToX(layout, b, 3));
    expect(offsetToX(layout, a, 0)).toBe(layout.cellsLeft);
    expect(a.compressed).toBe(false);
  });

  it('compresses older offsets once a lane holds more records than fit, keeping the latest as cells', () => {
    const lane = computeLaneWindow(layout, 0, 1_234_567);
    expect(lane.compressed).toBe(true);
    expect(lane.windowStart).toBeGreaterThan(1_234_000);
    expect(offsetToX(layout, lane, 1_234_566) + layout.cellWidth).toBeLessThanOrEqual(layout.cellsRight);
    // The compressed part keeps a fixed width whatever the count.
    expect(offsetToX(layout, lane, lane.windowStart - 1)).toBeLessThanOrEqual(layout.cellsLeft + layout.compressedWidth);
    const small = computeLaneWindow(layout, 0, layout.capacity + 1);
    expect(small.cellsX).toBe(lane.cellsX);
  });

  it('maps offsets monotonically across the compressed bar and the cells', () => {
    const lane = computeLaneWindow(layout, 100, 50_000);
    let previous = -Infinity;
    for (const offset of [0, 100, 10_000, lane.windowStart - 1, lane.windowStart, 49_999, 50_000]) {
      const x = offsetToX(layout, lane, offset);
      expect(x).toBeGreaterThan(previous);
      previous = x;
    }
  });

  it('clamps a log start offset above the end (a truncated log) to the end', () => {
    const lane = computeLaneWindow(layout, 40, 10);
    expect(lane.logStartOffset).toBe(10);
  });

  it('reuses the object it is given', () => {
    const out = computeLaneWindow(layout, 0, 1);
    expect(computeLaneWindow(layout, 0, 2, out)).toBe(out);
  });
});

describe('hit testing', () => {
  const layout = computeLanesLayout({ ...base, partitionCount: 4 });
  const inCell = layout.cellTop + layout.cellHeight / 2;

  it('finds the lane under a y coordinate', () => {
    expect(laneAt(layout, 0)).toBe(0);
    expect(laneAt(layout, layout.laneHeight * 2 + 1)).toBe(2);
    expect(laneAt(layout, layout.height + 1)).toBe(-1);
    expect(laneAt(layout, -3)).toBe(-1);
  });

  it('is the inverse of offsetToX for every drawn cell', () => {
    const lane = computeLaneWindow(layout, 0, 5000);
    for (const offset of [lane.windowStart, lane.windowStart + 7, 4999]) {
      expect(hitInLane(layout, lane, offsetToX(layout, lane, offset) + layout.cellWidth / 2, inCell)).toEqual({ kind: 'cell', offset });
    }
  });

  it('reports the compressed bar with its offset range', () => {
    const lane = computeLaneWindow(layout, 0, 5000);
    expect(hitInLane(layout, lane, layout.cellsLeft + 5, inCell)).toEqual({ kind: 'compressed', fromOffset: 0, toOffset: lane.windowStart - 1 });
  });

  it('misses the gaps between cells, offsets not yet written and the marker strip', () => {
    const lane = computeLaneWindow(layout, 0, 3);
    expect(hitInLane(layout, lane, offsetToX(layout, lane, 1) + layout.cellWidth + 1, inCell)).toBeNull();
    expect(hitInLane(layout, lane, offsetToX(layout, lane, 3) + 2, inCell)).toBeNull();
    expect(hitInLane(layout, lane, offsetToX(layout, lane, 1) + 2, layout.markerTop + 2)).toBeNull();
  });
});
