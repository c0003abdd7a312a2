import { describe, expect, it } from 'vitest';
import { rangeAssignment, roundRobinAssignment } from './expected-assignments';

describe('expected librdkafka assignments', () => {
  it('range gives contiguous blocks, larger ones first, in member id order', () => {
    const assignment = rangeAssignment(['m-c', 'm-a', 'm-b'], 7);
    expect([...assignment]).toEqual([
      ['m-a', [0, 1, 2]],
      ['m-b', [3, 4]],
      ['m-c', [5, 6]],
    ]);
  });

  it('roundrobin deals partitions one by one in member id order', () => {
    // The example in rdkafka_roundrobin_assignor.c's header, reduced to one topic.
    const assignment = roundRobinAssignment(['C1', 'C0'], 3);
    expect([...assignment]).toEqual([
      ['C0', [0, 2]],
      ['C1', [1]],
    ]);
  });

  it('sorts member ids by code unit like strcmp, not by locale', () => {
    // localeCompare would put "a" before "B"; strcmp puts "B" (0x42) first.
    expect([...rangeAssignment(['a', 'B'], 2).keys()]).toEqual(['B', 'a']);
  });
});
