import { describe, expect, it } from 'vitest';
import { movedKeysSummary } from './moved-keys-summary';

const moved = [
  { key: 'u1', from: 2, to: 3 },
  { key: 'u4', from: 0, to: 3 },
];

describe('what adding partitions did to keys already in use', () => {
  it('says how many recent keys moved, out of how many, and where', () => {
    const summary = movedKeysSummary({ before: 3, after: 4, movedKeys: moved, keysChecked: 12 });
    expect(summary.sentence).toBe('After going 3 → 4 partitions, 2 of 12 recent keys now go elsewhere: u1 p2→p3, u4 p0→p3.');
    expect(summary.headline).toBe('After going 3 → 4 partitions, 2 of 12 recent keys now go elsewhere:');
    expect(summary.moves).toEqual(['u1 p2→p3', 'u4 p0→p3']);
    expect(summary.lesson).toMatch(/order only within one partition/);
  });

  it('names the partitioner when known, and reads well for a single key', () => {
    const summary = movedKeysSummary({ before: 1, after: 2, movedKeys: [moved[0]!], partitionerLabel: 'kafkajs' });
    expect(summary.sentence).toBe('After going 1 → 2 partitions, 1 recent key (placed by the kafkajs partitioner) now goes elsewhere: u1 p2→p3.');
  });

  it('keeps the sentence short when many keys moved, and lists them all separately', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, from: 0, to: 4 }));
    const summary = movedKeysSummary({ before: 4, after: 5, movedKeys: many, keysChecked: 40 });
    expect(summary.sentence).toMatch(/10 of 40 recent keys now go elsewhere: k0 p0→p4, .*k5 p0→p4 and 4 more\.$/);
    expect(summary.moves).toHaveLength(10);
  });

  it('does not claim a total smaller than what moved', () => {
    expect(movedKeysSummary({ before: 3, after: 4, movedKeys: moved, keysChecked: 1 }).headline).toMatch(/, 2 recent keys now go/);
  });

  it('explains how to see the lesson when no keys were there to move', () => {
    const summary = movedKeysSummary({ before: 3, after: 6, movedKeys: [] });
    expect(summary.sentence).toBe('After going 3 → 6 partitions, none of the keys Lanes produced recently moved.');
    expect(summary.tip).toMatch(/Produce some keyed records.*add a partition again/);
    expect(summary.lesson).toBeNull();
  });

  it('says so when every known key stayed put', () => {
    expect(movedKeysSummary({ before: 2, after: 4, movedKeys: [], keysChecked: 3 }).sentence).toBe('After going 2 → 4 partitions, all 3 recent keys still go to the same partition.');
  });
});
