import { describe, expect, it } from 'vitest';
import { isMoved, keyTableView, partitionsText, type KeyRow } from './key-table-rows';

const row = (key: string, partitions: number[], count: number, lastPartition = partitions.at(-1)!): KeyRow => ({ key, partitions, count, lastOffset: 0, lastPartition });

describe('key table', () => {
  const rows = [row('u1', [2], 30), row('u2', [0, 3], 12, 3), row('order-9', [1], 5), row('u3', [1, 2], 2, 1)];

  it('flags keys seen in more than one partition', () => {
    expect(rows.map(isMoved)).toEqual([false, true, false, true]);
    expect(keyTableView(rows, '', false).movedCount).toBe(2);
  });

  it('can put moved keys first, busiest first within each kind', () => {
    expect(keyTableView(rows, '', true).rows.map((r) => r.key)).toEqual(['u2', 'u3', 'u1', 'order-9']);
    expect(keyTableView(rows, '', false).rows.map((r) => r.key)).toEqual(['u1', 'u2', 'order-9', 'u3']);
  });

  it('filters by a piece of the key, case-insensitively, and bounds the rows', () => {
    expect(keyTableView(rows, ' U ', false).rows.map((r) => r.key)).toEqual(['u1', 'u2', 'u3']);
    expect(keyTableView(rows, '', false, 2).rows).toHaveLength(2);
  });

  it('says where a moved key goes now', () => {
    expect(partitionsText(row('u1', [2], 1))).toBe('P2');
    expect(partitionsText(row('u2', [0, 3], 1, 3))).toBe('P0 → P3 (now)');
  });
});
