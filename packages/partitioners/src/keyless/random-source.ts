import { PartitioningError } from '../partition-choice';

/** Returns a number in [0, 1), like Math.random. Injected so keyless strategies are testable. */
export type RandomSource = () => number;

export const systemRandom: RandomSource = () => Math.random();

/**
 * A small seeded generator (mulberry32) for tests and repeatable demos.
 *
 * @example
 *   const random = seededRandom(42);
 *   const partitioner = createUniformRandom({ random });
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, bound) from the source; refuses a source that leaves [0, 1). */
export function randomBelow(random: RandomSource, bound: number): number {
  const value = random();
  if (!(value >= 0 && value < 1)) {
    throw new PartitioningError(`A random source must return numbers in [0, 1); got ${value}.`);
  }
  return Math.floor(value * bound);
}
