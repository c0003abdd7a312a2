import { describe, expect, it } from 'vitest';
import type { RecordView } from '@lanes/events';
import { RecordStream } from './record-stream';

function records(partition: number, from: number, count: number): RecordView[] {
  return Array.from({ length: count }, (_, i) => ({ topic: 't', partition, offset: from + i, key: `k${i % 3}`, value: 'v', valueBytes: 1, timestamp: 0, headers: {}, producer: 'panel' }));
}

describe('RecordStream landing rates', () => {
  it('does not count a snapshot as traffic, so lanes do not start in aggregate drawing', () => {
    const stream = new RecordStream();
    stream.reset(records(0, 0, 300));
    stream.updateRates(performance.now() + 1000);
    expect(stream.history('t', 0).rate).toBe(0);
    expect(stream.history('t', 0).count).toBe(300);
    expect(stream.takeArrivals()).toEqual([]);
  });

  it('measures records pushed after the snapshot', () => {
    const stream = new RecordStream();
    stream.reset([]);
    stream.push(records(1, 0, 100));
    stream.updateRates(performance.now() + 1000);
    expect(stream.history('t', 1).rate).toBeGreaterThan(20);
    expect(stream.takeArrivals()).toHaveLength(100);
  });
});
