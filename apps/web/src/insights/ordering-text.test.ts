import { describe, expect, it } from 'vitest';
import { clockTime, violationStory } from './ordering-text';

const record = (partition: number, offset: number, producedAt: number, consumerId = 'c1') => ({ topic: 't', partition, offset, producedAt, consumerId });

describe('ordering violation stories', () => {
  it('names the record produced first as the one overtaken, whatever order they arrive in', () => {
    const story = violationStory({ groupId: 'g', key: 'u1', records: [record(1, 0, 1000), record(0, 1, 2000)] })!;
    expect(story.overtaken.partition).toBe(1);
    expect(story.overtaker.partition).toBe(0);
    expect(violationStory({ groupId: 'g', key: 'u1', records: [record(0, 1, 2000), record(1, 0, 1000)] })!.overtaken.partition).toBe(1);
  });

  it('explains the cause: two partitions, read by one or two consumers', () => {
    expect(violationStory({ groupId: 'g', key: 'k', records: [record(1, 0, 1000), record(0, 1, 2000)] })!.why).toContain('even one consumer');
    expect(violationStory({ groupId: 'g', key: 'k', records: [record(1, 0, 1000, 'c2'), record(0, 1, 2000, 'c1')] })!.why).toContain('different consumers (c2, c1)');
    expect(violationStory({ groupId: 'g', key: 'k', records: [record(0, 3, 1000), record(0, 5, 2000)] })!.why).toContain('one partition');
  });

  it('copes with a violation missing its records', () => {
    expect(violationStory({ groupId: 'g', key: 'k', records: [] })).toBeNull();
  });

  it('formats a clock time to the millisecond', () => {
    expect(clockTime(Date.UTC(2024, 0, 1, 10, 2, 3, 4))).toMatch(/^\d\d:\d\d:03\.004$/);
  });
});
