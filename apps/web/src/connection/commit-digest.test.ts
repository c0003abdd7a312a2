import { describe, expect, it, vi } from 'vitest';
import { CommitDigest } from './commit-digest';

describe('CommitDigest', () => {
  it('reports one line per group with the latest offset of each partition', () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const digest = new CommitDigest((_group, text) => lines.push(text), 500);
    digest.add({ groupId: 'billing', offsets: [{ topic: 't', partition: 0, offset: 3 }] });
    digest.add({ groupId: 'billing', offsets: [{ topic: 't', partition: 0, offset: 4 }, { topic: 't', partition: 1, offset: 9 }] });
    expect(lines).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(lines).toEqual(['billing committed p0@4 p1@9 (2 commits)']);
    vi.useRealTimers();
  });
});
