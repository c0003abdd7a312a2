import { describe, expect, it } from 'vitest';
import { seededRandom } from '@lanes/partitioners';
import { createKeySource, HOT_KEY, plainKey, regionKey, saltedHotKey, zipfProbabilities, type KeySourceOptions } from './key-distributions';

function sample(options: KeySourceOptions, draws: number): Map<string | null, number> {
  const next = createKeySource(options);
  const counts = new Map<string | null, number>();
  for (let i = 0; i < draws; i++) {
    const key = next();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Pearson's chi-square statistic of observed counts against expected probabilities, and a bound it
 * stays under for a correct sampler: df + 4·sqrt(2·df) is beyond the 99.9th percentile for the
 * degrees of freedom used here. The RNG is seeded, so a pass is repeatable, and a wrong shape
 * (e.g. a uniform sampler checked against Zipf) lands far above the bound.
 */
function chiSquare(counts: Map<string | null, number>, expected: Map<string | null, number>): { statistic: number; bound: number } {
  const draws = [...counts.values()].reduce((sum, n) => sum + n, 0);
  let statistic = 0;
  for (const [key, probability] of expected) {
    const wanted = probability * draws;
    const observed = counts.get(key) ?? 0;
    statistic += (observed - wanted) ** 2 / wanted;
  }
  const df = expected.size - 1;
  return { statistic, bound: df + 4 * Math.sqrt(2 * df) };
}

describe('createKeySource', () => {
  it('uniform: every one of keyCount keys about equally often', () => {
    const counts = sample({ distribution: 'uniform', keyCount: 20, hotKeyShare: 0.8, random: seededRandom(1) }, 40_000);
    expect([...counts.keys()].sort()).toEqual(Array.from({ length: 20 }, (_, i) => plainKey(i)).sort());
    const { statistic, bound } = chiSquare(counts, new Map(Array.from({ length: 20 }, (_, i) => [plainKey(i), 1 / 20])));
    expect(statistic).toBeLessThan(bound);
  });

  it('zipf: matches Zipf(1.1), so the first few keys dominate', () => {
    const keyCount = 50;
    const counts = sample({ distribution: 'zipf', keyCount, hotKeyShare: 0.8, random: seededRandom(2) }, 100_000);
    const probabilities = zipfProbabilities(keyCount);
    const { statistic, bound } = chiSquare(counts, new Map(probabilities.map((p, i) => [plainKey(i), p])));
    expect(statistic).toBeLessThan(bound);
    // The dominance a person sees: the top 5 keys of 50 carry more than half of the records.
    const top5 = [0, 1, 2, 3, 4].reduce((sum, i) => sum + (counts.get(plainKey(i)) ?? 0), 0);
    expect(top5 / 100_000).toBeGreaterThan(0.5);
  });

  it('zipf: a uniform sample would fail the same check', () => {
    const counts = sample({ distribution: 'uniform', keyCount: 50, hotKeyShare: 0.8, random: seededRandom(2) }, 100_000);
    const { statistic, bound } = chiSquare(counts, new Map(zipfProbabilities(50).map((p, i) => [plainKey(i), p])));
    expect(statistic).toBeGreaterThan(bound * 10);
  });

  it('hot-key: hotKeyShare of records on "hot", the rest uniform over the cold keys', () => {
    const draws = 50_000;
    const counts = sample({ distribution: 'hot-key', keyCount: 10, hotKeyShare: 0.8, random: seededRandom(3) }, draws);
    expect((counts.get(HOT_KEY) ?? 0) / draws).toBeCloseTo(0.8, 2);
    const expected = new Map<string | null, number>([[HOT_KEY, 0.8], ...Array.from({ length: 10 }, (_, i) => [plainKey(i), 0.02] as const)]);
    const { statistic, bound } = chiSquare(counts, expected);
    expect(statistic).toBeLessThan(bound);
    expect(counts.size).toBe(11);
  });

  it('salted-hot-key: the hot traffic spread evenly over keyCount salts, never the bare hot key', () => {
    const draws = 50_000;
    const counts = sample({ distribution: 'salted-hot-key', keyCount: 8, hotKeyShare: 0.8, random: seededRandom(4) }, draws);
    expect(counts.has(HOT_KEY)).toBe(false);
    const expected = new Map<string | null, number>([
      ...Array.from({ length: 8 }, (_, i) => [saltedHotKey(i), 0.8 / 8] as const),
      ...Array.from({ length: 8 }, (_, i) => [plainKey(i), 0.2 / 8] as const),
    ]);
    const { statistic, bound } = chiSquare(counts, expected);
    expect(statistic).toBeLessThan(bound);
  });

  it('low-cardinality: exactly keyCount region-style keys', () => {
    const counts = sample({ distribution: 'low-cardinality', keyCount: 3, hotKeyShare: 0.8, random: seededRandom(5) }, 30_000);
    expect([...counts.keys()].sort()).toEqual(['APAC', 'EU', 'US']);
    const { statistic, bound } = chiSquare(counts, new Map(['US', 'EU', 'APAC'].map((key) => [key, 1 / 3])));
    expect(statistic).toBeLessThan(bound);
    expect(regionKey(20)).toBe('region-20');
  });

  it('keyless: every key is null', () => {
    const counts = sample({ distribution: 'keyless', keyCount: 100, hotKeyShare: 0.8, random: seededRandom(6) }, 1000);
    expect([...counts.entries()]).toEqual([[null, 1000]]);
  });

  it('the same seed gives the same keys, so a demo can be replayed', () => {
    const a = createKeySource({ distribution: 'zipf', keyCount: 1000, hotKeyShare: 0.8, random: seededRandom(7) });
    const b = createKeySource({ distribution: 'zipf', keyCount: 1000, hotKeyShare: 0.8, random: seededRandom(7) });
    expect(Array.from({ length: 50 }, a)).toEqual(Array.from({ length: 50 }, b));
  });

  it('refuses a key count or share it cannot use, saying which', () => {
    expect(() => createKeySource({ distribution: 'uniform', keyCount: 0, hotKeyShare: 0.8 })).toThrow(/keyCount must be a whole number of at least 1; got 0/);
    expect(() => createKeySource({ distribution: 'hot-key', keyCount: 10, hotKeyShare: 1.5 })).toThrow(/hotKeyShare must be between 0 and 1; got 1.5/);
  });
});
