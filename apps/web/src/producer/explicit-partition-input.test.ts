import { describe, expect, it } from 'vitest';
import { describeCount, parsePartitionInput } from './explicit-partition-input';

describe('parsePartitionInput', () => {
  it('leaves the choice to the partitioner when empty', () => {
    expect(parsePartitionInput('  ', 3, 'orders')).toEqual({ ok: true, partition: null });
  });

  it('accepts every partition of the topic, and only those', () => {
    expect(parsePartitionInput('0', 3, 'orders')).toEqual({ ok: true, partition: 0 });
    expect(parsePartitionInput(' 2 ', 3, 'orders')).toEqual({ ok: true, partition: 2 });
    const outOfRange = parsePartitionInput('3', 3, 'orders');
    expect(outOfRange).toEqual({ ok: false, message: expect.stringContaining("Partition 3 does not exist: 'orders' has 3 partitions (0-2)") });
  });

  it('names the single partition of a one-partition topic', () => {
    expect(parsePartitionInput('1', 1, 't')).toEqual({ ok: false, message: expect.stringContaining("'t' has 1 partition (0)") });
  });

  it('refuses text, negatives and fractions with a message that says what to type', () => {
    for (const text of ['-1', '1.5', 'two', '0x1']) {
      const result = parsePartitionInput(text, 3, 'orders');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/whole number/);
    }
  });
});

describe('describeCount', () => {
  it('names the partitions a topic has', () => {
    expect(describeCount(1)).toBe('1 partition (0)');
    expect(describeCount(6)).toBe('6 partitions (0-5)');
  });
});
