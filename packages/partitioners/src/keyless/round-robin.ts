import { step, type PartitionChoice } from '../partition-choice';
import type { KeylessPartitioner } from './keyless-partitioner';
import { randomBelow, systemRandom, type RandomSource } from './random-source';

export interface RoundRobinState {
  counter: number;
}

export interface RoundRobinOptions {
  random?: RandomSource;
}

/**
 * kafkajs 2.x keyless records: a per-topic counter seeded with a random unsigned 32-bit number,
 * then toPositive(++counter) % available partitions (src/producer/partitioners/legacy/partitioner.js).
 * One object per topic, as kafkajs keeps one counter per topic.
 */
export function createKafkajsRoundRobin(options: RoundRobinOptions = {}): KeylessPartitioner<RoundRobinState> {
  const state: RoundRobinState = { counter: randomBelow(options.random ?? systemRandom, 2 ** 32) };
  return {
    kind: 'kafkajs-round-robin',
    state,
    next(partitionCount) {
      state.counter += 1;
      return counterChoice('round robin (kafkajs)', '++counter', state.counter, partitionCount);
    },
  };
}

/**
 * Java client up to 2.3 (DefaultPartitioner before KIP-480): a per-topic AtomicInteger seeded with
 * a random int, toPositive(counter.getAndIncrement()) % available partitions.
 */
export function createJavaRoundRobin(options: RoundRobinOptions = {}): KeylessPartitioner<RoundRobinState> {
  const state: RoundRobinState = { counter: randomBelow(options.random ?? systemRandom, 2 ** 32) | 0 };
  return {
    kind: 'java-round-robin',
    state,
    next(partitionCount) {
      const value = state.counter;
      state.counter = (state.counter + 1) | 0;
      return counterChoice('round robin (Java ≤ 2.3)', 'counter++', value, partitionCount);
    },
  };
}

/**
 * Apache Iggy `balanced`: the server keeps a round-robin counter per topic, starting at the first
 * partition when the topic is loaded, so messages go 0, 1, 2, 0, 1, ...
 */
export function createIggyBalanced(): KeylessPartitioner<RoundRobinState> {
  const state: RoundRobinState = { counter: 0 };
  return {
    kind: 'iggy-balanced',
    state,
    next(partitionCount) {
      const partition = state.counter % partitionCount;
      state.counter = partition + 1;
      return {
        partition,
        explanation: `balanced: the Iggy server's round-robin counter for this topic is at partition ${partition}`,
        steps: [step('strategy', 'balanced (server-side round robin per topic)'), step('partition', partition)],
      };
    },
  };
}

function counterChoice(strategy: string, operation: string, value: number, partitionCount: number): PartitionChoice {
  const positive = value & 0x7fffffff;
  const partition = positive % partitionCount;
  return {
    partition,
    explanation: `no key: ${strategy}, ${operation} = ${value} → & 0x7fffffff → ${positive} → % ${partitionCount} = ${partition}`,
    steps: [
      step('strategy', `${strategy}, one counter per topic seeded at random`),
      step(operation, value),
      step('& 0x7fffffff', positive),
      step(`% ${partitionCount} (partition count)`, partition),
    ],
  };
}
