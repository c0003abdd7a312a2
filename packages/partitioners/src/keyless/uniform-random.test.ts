import { describe, expect, it } from 'vitest';
import { seededRandom } from './random-source';
import { createUniformRandom } from './uniform-random';

describe('uniform random (kafka-python keyless)', () => {
  it('spreads 30,000 keyless records evenly over 6 partitions with a seeded source', () => {
    const partitioner = createUniformRandom({ random: seededRandom(2024) });
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 30_000; i++) counts[partitioner.next(6, 0).partition]! += 1;
    for (const count of counts) expect(Math.abs(count - 5000)).toBeLessThan(250);
    expect(partitioner.state.chosen).toBe(30_000);
  });

  it('is repeatable with the same seed and jumps around rather than cycling', () => {
    const run = () => {
      const partitioner = createUniformRandom({ random: seededRandom(9) });
      return Array.from({ length: 20 }, () => partitioner.next(4, 0).partition);
    };
    const first = run();
    expect(run()).toEqual(first);
    const steps = first.slice(1).map((p, i) => (p - (first[i] as number) + 4) % 4);
    expect(new Set(steps).size).toBeGreaterThan(1);
  });

  it('refuses a random source that leaves [0, 1)', () => {
    expect(() => createUniformRandom({ random: () => 1 }).next(3, 0)).toThrow('A random source must return numbers in [0, 1); got 1.');
  });
});
