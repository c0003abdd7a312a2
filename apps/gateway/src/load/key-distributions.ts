import type { KeyDistribution } from '@lanes/events';
import { systemRandom, type RandomSource } from '@lanes/partitioners';

/** Returns the next record's key; null for a keyless record. */
export type KeySource = () => string | null;

export interface KeySourceOptions {
  distribution: KeyDistribution;
  /** Distinct keys (uniform, zipf, low-cardinality, and the cold keys of hot-key) or salts (salted-hot-key). */
  keyCount: number;
  /** Share of records on the hot key (hot-key) or on its salted forms (salted-hot-key). */
  hotKeyShare: number;
  /** Injected so tests and repeatable demos can seed it (seededRandom from @lanes/partitioners). */
  random?: RandomSource;
}

/** The one key that takes `hotKeyShare` of the traffic under 'hot-key'. */
export const HOT_KEY = 'hot';

/**
 * Zipf's exponent: s slightly above 1 is what measured key popularity (users, products, URLs) tends
 * to look like, and makes "a few keys dominate" visible with a hundred keys.
 */
export const ZIPF_EXPONENT = 1.1;

/** Region-style names for 'low-cardinality': the seeds' example of a key with too few values. */
const REGION_NAMES = ['US', 'EU', 'APAC', 'LATAM', 'MEA', 'ANZ', 'NORDICS', 'CN', 'IN', 'JP', 'UK', 'CA'];

/** Key number `index` of a plain key space: "k0", "k1", ... */
export function plainKey(index: number): string {
  return `k${index}`;
}

/** Key number `index` of the low-cardinality space: "US", "EU", "APAC", ... then "region-12", ... */
export function regionKey(index: number): string {
  return REGION_NAMES[index] ?? `region-${index}`;
}

/** Salt number `index` of the hot key: "hot#0", "hot#1", ... */
export function saltedHotKey(index: number): string {
  return `${HOT_KEY}#${index}`;
}

/**
 * A key source for one of the load generator's distributions.
 *
 * - uniform: every one of keyCount keys equally often.
 * - zipf: key k(i) with probability ∝ 1 / (i + 1)^1.1, so k0 dominates.
 * - hot-key: HOT_KEY for hotKeyShare of records, the rest uniform over keyCount cold keys: one
 *   partition takes most of the traffic (the seeds' "hot partition" mistake).
 * - salted-hot-key: the same hot traffic spread over keyCount salts "hot#0".."hot#N-1", the fix:
 *   the salted keys hash to different partitions, at the price of per-key ordering of "hot".
 * - low-cardinality: keyCount region-style keys; fewer keys than partitions leaves some idle.
 * - keyless: null, so the partitioner's keyless path decides.
 *
 * @example
 *   const next = createKeySource({ distribution: 'hot-key', keyCount: 100, hotKeyShare: 0.8, random: seededRandom(1) });
 *   next(); // "hot" four times out of five
 */
export function createKeySource(options: KeySourceOptions): KeySource {
  const random = options.random ?? systemRandom;
  const keyCount = checkKeyCount(options.keyCount);
  const hotKeyShare = checkShare(options.hotKeyShare);
  const below = (bound: number) => Math.min(bound - 1, Math.floor(random() * bound));
  switch (options.distribution) {
    case 'uniform':
      return () => plainKey(below(keyCount));
    case 'zipf': {
      const rank = zipfSampler(keyCount, ZIPF_EXPONENT, random);
      return () => plainKey(rank());
    }
    case 'hot-key':
      return () => (random() < hotKeyShare ? HOT_KEY : plainKey(below(keyCount)));
    case 'salted-hot-key':
      return () => (random() < hotKeyShare ? saltedHotKey(below(keyCount)) : plainKey(below(keyCount)));
    case 'low-cardinality':
      return () => regionKey(below(keyCount));
    case 'keyless':
      return () => null;
    default:
      throw new RangeError(`Unknown key distribution '${String(options.distribution)}'.`);
  }
}

/** Probability of each key index under Zipf(s) over `count` keys; for tests and explanations. */
export function zipfProbabilities(count: number, exponent = ZIPF_EXPONENT): number[] {
  const weights = Array.from({ length: checkKeyCount(count) }, (_, i) => 1 / (i + 1) ** exponent);
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
}

/**
 * Samples a Zipf rank in [0, count) by inverting the cumulative distribution with a binary search.
 * The table costs 8 bytes per key (8 MB at the one-million-key limit) and is built once per generator.
 */
function zipfSampler(count: number, exponent: number, random: RandomSource): () => number {
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    total += 1 / (i + 1) ** exponent;
    cumulative[i] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

function checkKeyCount(count: number): number {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`keyCount must be a whole number of at least 1; got ${count}.`);
  return count;
}

function checkShare(share: number): number {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`hotKeyShare must be between 0 and 1; got ${share}.`);
  return share;
}
