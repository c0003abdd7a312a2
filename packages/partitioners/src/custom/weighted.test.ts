import { describe, expect, it } from 'vitest';
import { seededRandom } from '../keyless/random-source';
import { createWeightedPartitioner } from './weighted';

describe('weighted partitioner (70% to partitions 0-1 by default)', () => {
  it('sends about 70% of 20,000 distinct keys to the heavy partitions, spread over both, and the rest over 2-4', () => {
    const weighted = createWeightedPartitioner();
    const counts = new Array<number>(5).fill(0);
    for (let i = 0; i < 20_000; i++) counts[weighted.choose(`key-${i}`, 5).partition]! += 1;
    const heavy = (counts[0] ?? 0) + (counts[1] ?? 0);
    expect(heavy / 20_000).toBeGreaterThan(0.68);
    expect(heavy / 20_000).toBeLessThan(0.72);
    for (const p of [0, 1]) expect(counts[p]).toBeGreaterThan(6500);
    for (const p of [2, 3, 4]) expect(counts[p]).toBeGreaterThan(1800);
  });

  it('keeps a key on one partition every time, and explains the bucket', () => {
    const weighted = createWeightedPartitioner();
    const first = weighted.choose('order-7', 5);
    expect(weighted.choose('order-7', 5)).toEqual(first);
    expect(first.explanation).toMatch(/^weighted: murmur2\('order-7'\) & 0x7fffffff = \d+ → % 100 = \d+ [<≥] 70 → (heavy|light) group \[[\d, ]+\] → .* → partition \d$/);
  });

  it('draws keyless records at random with the same weights (seeded)', () => {
    const weighted = createWeightedPartitioner({ heavyPartitions: [3], heavyPercent: 50, random: seededRandom(11) });
    let onHeavy = 0;
    for (let i = 0; i < 10_000; i++) if (weighted.choose(null, 4).partition === 3) onHeavy++;
    expect(onHeavy).toBeGreaterThan(4700);
    expect(onHeavy).toBeLessThan(5300);
  });

  it('refuses settings that cannot work', () => {
    expect(() => createWeightedPartitioner({ heavyPercent: 100 })).toThrow('heavyPercent must be a whole percent from 1 to 99; got 100.');
    expect(() => createWeightedPartitioner({ heavyPartitions: [] })).toThrow(/distinct partition numbers/);
    expect(() => createWeightedPartitioner({ heavyPartitions: [1, 1] })).toThrow(/distinct partition numbers/);
    expect(() => createWeightedPartitioner().choose('k', 2)).toThrow('The weighted partitioner needs at least one partition outside 0, 1; add partitions to the topic or list fewer heavy ones.');
    expect(() => createWeightedPartitioner({ heavyPartitions: [5] }).choose('k', 3)).toThrow(/heavy partitions 5 do not exist: the topic has 3 partitions \(0-2\)/);
  });
});
