import { describe, expect, it } from 'vitest';
import { OrderingTracker, type ProcessedInOrder } from './ordering-tracker';

const record = (partition: number, offset: number, producedAt: number, consumerId = 'c1'): ProcessedInOrder => ({ topic: 't', partition, offset, producedAt, consumerId });

describe('OrderingTracker', () => {
  it('accepts a key processed in produce order, across partitions too', () => {
    const ordering = new OrderingTracker();
    expect(ordering.processed('k', record(0, 0, 1000))).toBeNull();
    expect(ordering.processed('k', record(1, 0, 2000))).toBeNull();
    expect(ordering.processed('k', record(0, 1, 3000))).toBeNull();
  });

  it('returns the later-produced record already processed when an earlier one comes after it', () => {
    const ordering = new OrderingTracker();
    ordering.processed('k', record(0, 7, 2000, 'c1'));
    expect(ordering.processed('k', record(1, 3, 1000, 'c2'))).toEqual(record(0, 7, 2000, 'c1'));
    // The violation does not replace the latest: a record between the two is still late.
    expect(ordering.processed('k', record(1, 4, 1500, 'c2'))).toEqual(record(0, 7, 2000, 'c1'));
  });

  it('keys are independent', () => {
    const ordering = new OrderingTracker();
    ordering.processed('a', record(0, 0, 2000));
    expect(ordering.processed('b', record(1, 0, 1000))).toBeNull();
  });

  it('equal timestamps are ordered by offset within a partition only', () => {
    const ordering = new OrderingTracker();
    ordering.processed('k', record(0, 5, 1000));
    expect(ordering.processed('k', record(1, 0, 1000))).toBeNull();
    expect(ordering.processed('k', record(1, 1, 1000))).toBeNull();
    expect(ordering.processed('k', record(1, 0, 1000))).toEqual(record(1, 1, 1000));
  });

  it('forgets the least recently seen keys beyond its bound, and everything on clear', () => {
    const ordering = new OrderingTracker(2);
    ordering.processed('a', record(0, 0, 2000));
    ordering.processed('b', record(0, 1, 2000));
    ordering.processed('c', record(0, 2, 2000));
    expect(ordering.processed('a', record(1, 0, 1000))).toBeNull();
    expect(ordering.processed('c', record(1, 1, 1000))).not.toBeNull();
    ordering.clear();
    expect(ordering.processed('c', record(1, 1, 1000))).toBeNull();
  });
});
