import { describe, expect, it } from 'vitest';
import { createIggyBalanced, createJavaRoundRobin, createKafkajsRoundRobin } from './round-robin';

const take = (n: number, next: () => number) => Array.from({ length: n }, next);

describe('round robin', () => {
  it('kafkajs: the counter starts at a random uint32 and is incremented before use', () => {
    // random 0.5 → counter 2^31; ++counter = 2^31 + 1 → & 0x7fffffff = 1 → % 3 = 1, then 2, 0, ...
    const partitioner = createKafkajsRoundRobin({ random: () => 0.5 });
    expect(partitioner.state.counter).toBe(2 ** 31);
    expect(take(5, () => partitioner.next(3, 0).partition)).toEqual([1, 2, 0, 1, 2]);
    expect(partitioner.state.counter).toBe(2 ** 31 + 5);
    expect(partitioner.next(3, 0).explanation).toBe(`no key: round robin (kafkajs), ++counter = ${2 ** 31 + 6} → & 0x7fffffff → 6 → % 3 = 0`);
  });

  it('kafkajs: past 2^32 the counter keeps counting and & 0x7fffffff wraps it, as in kafkajs', () => {
    const partitioner = createKafkajsRoundRobin({ random: () => (2 ** 32 - 2) / 2 ** 32 });
    // 2^32 - 1 → 0x7fffffff; 2^32 → 0; 2^32 + 1 → 1
    expect(take(3, () => partitioner.next(5, 0).partition)).toEqual([0x7fffffff % 5, 0, 1]);
  });

  it('Java ≤ 2.3: a random int counter used before it is incremented, wrapping like an AtomicInteger', () => {
    const partitioner = createJavaRoundRobin({ random: () => 0.75 }); // 0.75 * 2^32 = 3221225472 → int -1073741824
    expect(partitioner.state.counter).toBe(-1073741824);
    expect(take(4, () => partitioner.next(4, 0).partition)).toEqual([0, 1, 2, 3]);
    const nearMax = createJavaRoundRobin({ random: () => (2 ** 31 - 1) / 2 ** 32 });
    nearMax.next(3, 0);
    expect(nearMax.state.counter).toBe(-(2 ** 31));
  });

  it('Iggy balanced: server-side 0, 1, 2, 0, ... per topic, and follows a change of partition count', () => {
    const balanced = createIggyBalanced();
    expect(take(5, () => balanced.next(3, 0).partition)).toEqual([0, 1, 2, 0, 1]);
    expect(take(3, () => balanced.next(2, 0).partition)).toEqual([0, 1, 0]);
    expect(balanced.next(2, 0).explanation).toBe("balanced: the Iggy server's round-robin counter for this topic is at partition 1");
  });
});
