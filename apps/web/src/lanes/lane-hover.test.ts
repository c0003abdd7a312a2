import { describe, expect, it } from 'vitest';
import { findByOffset, hoverAt, sameHover } from './lane-hover';
import { computeLanesLayout, computeLaneWindow, offsetToX } from './layout';
import type { LandedRecord } from './record-stream';

function record(partition: number, offset: number, key: string | null): LandedRecord {
  return { topic: 't', partition, offset, key, value: `v${offset}`, valueBytes: 2, timestamp: 1000 + offset, headers: {}, producer: 'panel', arrivedAt: 0 };
}

const layout = computeLanesLayout({ width: 800, viewportHeight: 400, partitionCount: 2, groupCount: 0, presenter: false });
const windows = [computeLaneWindow(layout, 2, 6), computeLaneWindow(layout, 0, 5000)];
const recent: LandedRecord[][] = [[3, 4, 5].map((o) => record(0, o, 'u1')), [4990, 4991, 4999].map((o) => record(1, o, null))];
const middleOf = (partition: number) => layout.lanes[partition]!.y + layout.cellTop + layout.cellHeight / 2;
const centreOf = (partition: number, offset: number) => offsetToX(layout, windows[partition]!, offset) + layout.cellWidth / 2;
const hover = (x: number, y: number, hidden = Infinity) => hoverAt(layout, windows, (p) => recent[p]!, () => hidden, x, y);

describe('hoverAt', () => {
  it('finds the record under the pointer, with its key, value and offset', () => {
    const found = hover(centreOf(0, 4), middleOf(0));
    expect(found).toMatchObject({ kind: 'record', record: { partition: 0, offset: 4, key: 'u1', value: 'v4' } });
  });

  it('tells deleted offsets from offsets this browser never received', () => {
    expect(hover(centreOf(0, 1), middleOf(0))).toEqual({ kind: 'deleted', partition: 0, offset: 1, logStartOffset: 2 });
    expect(hover(centreOf(1, 4995), middleOf(1))).toEqual({ kind: 'unknown', partition: 1, offset: 4995 });
  });

  it('describes the compressed bar of a long lane', () => {
    expect(hover(layout.cellsLeft + 3, middleOf(1))).toMatchObject({ kind: 'compressed', partition: 1, fromOffset: 0, logStartOffset: 0 });
  });

  it('ignores records still in flight and empty space', () => {
    expect(hover(centreOf(0, 5), middleOf(0), 5)).toBeNull();
    expect(hover(centreOf(0, 20), middleOf(0))).toBeNull();
    expect(hover(10, layout.height + 5)).toBeNull();
  });
});

describe('findByOffset', () => {
  it('binary-searches records by offset', () => {
    const records = [0, 2, 3, 9].map((o) => record(0, o, null));
    expect(findByOffset(records, 3)?.offset).toBe(3);
    expect(findByOffset(records, 9)?.offset).toBe(9);
    expect(findByOffset(records, 4)).toBeNull();
    expect(findByOffset([], 0)).toBeNull();
  });
});

describe('sameHover', () => {
  it('compares what is shown, not object identity', () => {
    expect(sameHover({ kind: 'record', record: record(0, 1, 'a') }, { kind: 'record', record: record(0, 1, 'a') })).toBe(true);
    expect(sameHover({ kind: 'unknown', partition: 0, offset: 1 }, { kind: 'deleted', partition: 0, offset: 1, logStartOffset: 2 })).toBe(false);
    expect(sameHover(null, null)).toBe(true);
    expect(sameHover({ kind: 'unknown', partition: 0, offset: 1 }, null)).toBe(false);
  });
});
