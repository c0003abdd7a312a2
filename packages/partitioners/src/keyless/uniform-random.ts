import { step } from '../partition-choice';
import type { KeylessPartitioner } from './keyless-partitioner';
import { randomBelow, systemRandom, type RandomSource } from './random-source';

export interface UniformRandomState {
  chosen: number;
}

/**
 * A fresh random partition for every record: kafka-python 2.0.2's DefaultPartitioner
 * (random.choice of the available partitions) and librdkafka's `random` partitioner. Lanes can
 * match the distribution, not Python's exact sequence.
 */
export function createUniformRandom(options: { random?: RandomSource; label?: string } = {}): KeylessPartitioner<UniformRandomState> {
  const random = options.random ?? systemRandom;
  const label = options.label ?? 'random.choice per message (kafka-python)';
  const state: UniformRandomState = { chosen: 0 };
  return {
    kind: 'uniform-random',
    state,
    next(partitionCount) {
      const partition = randomBelow(random, partitionCount);
      state.chosen += 1;
      return {
        partition,
        explanation: `no key: ${label} → partition ${partition} of ${partitionCount}`,
        steps: [step('strategy', label), step('random partition', partition)],
      };
    },
  };
}
