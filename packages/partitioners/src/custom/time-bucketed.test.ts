import { describe, expect, it } from 'vitest';
import { timeBucketedPartition } from './time-bucketed';

describe('time-bucketed partitioner (UTC hour % n)', () => {
  it('puts records of one UTC hour together and the next hour on the next partition', () => {
    const tenOClock = Date.UTC(2024, 0, 15, 10, 0, 0);
    expect(timeBucketedPartition(tenOClock, 3).partition).toBe(1);
    expect(timeBucketedPartition(tenOClock + 59 * 60_000, 3).partition).toBe(1);
    expect(timeBucketedPartition(tenOClock + 60 * 60_000, 3).partition).toBe(2);
    expect(timeBucketedPartition(tenOClock, 3).explanation).toBe('time bucket: record timestamp 2024-01-15T10:00:00.000Z → UTC hour 10 → % 3 = 1');
  });

  it('refuses a timestamp that is not milliseconds since 1970', () => {
    expect(() => timeBucketedPartition(-1, 3)).toThrow('The time-bucketed partitioner needs a timestamp in milliseconds since 1970; got -1.');
    expect(() => timeBucketedPartition(Number.NaN, 3)).toThrow(/got NaN/);
  });
});
