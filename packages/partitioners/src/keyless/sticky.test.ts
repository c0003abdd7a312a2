import { describe, expect, it } from 'vitest';
import { PartitioningError } from '../partition-choice';
import { seededRandom } from './random-source';
import { createSticky } from './sticky';

describe('sticky', () => {
  it('stays on one partition for a batch of N messages, then moves to a different one (Java avoids the one it leaves)', () => {
    const sticky = createSticky({ rule: { kind: 'messages', count: 4 }, random: seededRandom(3), avoidPrevious: true, label: 'Java' });
    const partitions = Array.from({ length: 40 }, () => sticky.next(5, 0).partition);
    for (let batch = 0; batch < 10; batch++) {
      const slice = partitions.slice(batch * 4, batch * 4 + 4);
      expect(new Set(slice).size, `batch ${batch}: ${slice.join(',')}`).toBe(1);
      if (batch > 0) expect(slice[0]).not.toBe(partitions[batch * 4 - 1]);
    }
    expect(sticky.state.batches).toBe(10);
  });

  it('explains the batch position and that the switch rule is a Lanes parameter', () => {
    const sticky = createSticky({ rule: { kind: 'messages', count: 2 }, random: () => 0.5, avoidPrevious: true, label: 'Java' });
    expect(sticky.next(4, 0).explanation).toBe('no key: Java sticky partition 2 (first keyless message: picked at random; message 1 of 2 in batch 1; Lanes models a batch as 2 messages)');
    expect(sticky.next(4, 0).explanation).toContain('same batch: stays; message 2 of 2');
    expect(sticky.next(4, 0).explanation).toContain('batch done: moved from 2 to a new random partition');
  });

  it('with a time window (librdkafka sticky.partitioning.linger.ms) moves only once the window has passed', () => {
    const draws = [0.1, 0.9, 0.5];
    const sticky = createSticky({ rule: { kind: 'time', windowMs: 10 }, random: () => draws.shift() ?? 0, label: 'librdkafka' });
    expect([0, 3, 9].map((t) => sticky.next(10, t).partition)).toEqual([1, 1, 1]);
    expect(sticky.next(10, 10).partition).toBe(9);
    expect(sticky.next(10, 15).explanation).toContain('batch 2 opened 5 ms ago; a new partition every 10 ms');
    expect(sticky.next(10, 20).partition).toBe(5);
  });

  it('picks again when the partition count shrinks below its partition', () => {
    const sticky = createSticky({ rule: { kind: 'messages', count: 100 }, random: () => 0.99 });
    expect(sticky.next(10, 0).partition).toBe(9);
    expect(sticky.next(3, 0).partition).toBe(2);
  });

  it('refuses a rule it cannot follow', () => {
    expect(() => createSticky({ rule: { kind: 'messages', count: 0 } })).toThrow(new PartitioningError('A sticky batch must hold at least 1 message; got 0.'));
    expect(() => createSticky({ rule: { kind: 'time', windowMs: -1 } })).toThrow(/0 ms or more; got -1/);
    expect(() => createSticky({ rule: { kind: 'bytes' } as never })).toThrow(/kind: 'messages', count/);
  });
});
