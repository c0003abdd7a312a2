import { PartitioningError, step } from '../partition-choice';
import type { KeylessPartitioner } from './keyless-partitioner';
import { randomBelow, systemRandom, type RandomSource } from './random-source';

/**
 * When a sticky partitioner moves on. Real clients switch when a batch is sent (Java 2.4-3.2,
 * KIP-480), after batch.size bytes (Java 3.3+, KIP-794) or every sticky.partitioning.linger.ms
 * (librdkafka, 10 ms by default). Lanes has no real batches for most views, so the rule is a
 * parameter: a number of messages, or a time window.
 */
export type StickySwitchRule = { readonly kind: 'messages'; readonly count: number } | { readonly kind: 'time'; readonly windowMs: number };

export interface StickyOptions {
  rule: StickySwitchRule;
  random?: RandomSource;
  /** Java's StickyPartitionCache never re-picks the partition it leaves; librdkafka may. */
  avoidPrevious?: boolean;
  /** Who behaves like this, for the explanation, e.g. "Java 2.4+". */
  label?: string;
}

export interface StickyState {
  partition: number | null;
  messagesInBatch: number;
  batchStartedAtMs: number;
  batches: number;
}

export function createSticky(options: StickyOptions): KeylessPartitioner<StickyState> {
  const rule = checkRule(options.rule);
  const random = options.random ?? systemRandom;
  const label = options.label ?? 'sticky';
  const state: StickyState = { partition: null, messagesInBatch: 0, batchStartedAtMs: 0, batches: 0 };
  return {
    kind: 'sticky',
    state,
    next(partitionCount, nowMs) {
      const previous = state.partition;
      const switching = previous === null || previous >= partitionCount || batchIsDone(rule, state, nowMs);
      if (switching) {
        state.partition = pickPartition(random, partitionCount, options.avoidPrevious ? previous : null);
        state.messagesInBatch = 0;
        state.batchStartedAtMs = nowMs;
        state.batches += 1;
      }
      state.messagesInBatch += 1;
      const partition = state.partition as number;
      const position = describePosition(rule, state, nowMs);
      const why = switching ? (previous === null ? 'first keyless message: picked at random' : `batch done: moved from ${previous} to a new random partition`) : 'same batch: stays';
      return {
        partition,
        explanation: `no key: ${label} sticky partition ${partition} (${why}; ${position}; ${describeRule(rule)})`,
        steps: [
          step('strategy', `${label} sticky`),
          step('switch rule', describeRule(rule)),
          step('batch', position),
          step('partition', partition),
        ],
      };
    },
  };
}

function batchIsDone(rule: StickySwitchRule, state: StickyState, nowMs: number): boolean {
  return rule.kind === 'messages' ? state.messagesInBatch >= rule.count : nowMs - state.batchStartedAtMs >= rule.windowMs;
}

function pickPartition(random: RandomSource, partitionCount: number, avoid: number | null): number {
  if (avoid === null || partitionCount === 1 || avoid >= partitionCount) return randomBelow(random, partitionCount);
  // One draw over the other partitions: the same distribution as Java's "draw again while equal".
  const pick = randomBelow(random, partitionCount - 1);
  return pick >= avoid ? pick + 1 : pick;
}

function describePosition(rule: StickySwitchRule, state: StickyState, nowMs: number): string {
  return rule.kind === 'messages'
    ? `message ${state.messagesInBatch} of ${rule.count} in batch ${state.batches}`
    : `batch ${state.batches} opened ${Math.max(0, nowMs - state.batchStartedAtMs)} ms ago`;
}

function describeRule(rule: StickySwitchRule): string {
  return rule.kind === 'messages'
    ? `Lanes models a batch as ${rule.count} message${rule.count === 1 ? '' : 's'}`
    : `a new partition every ${rule.windowMs} ms, like sticky.partitioning.linger.ms`;
}

function checkRule(rule: StickySwitchRule): StickySwitchRule {
  const kind: unknown = (rule as { kind?: unknown } | null)?.kind;
  if (kind !== 'messages' && kind !== 'time') {
    throw new PartitioningError(`A sticky switch rule is { kind: 'messages', count } or { kind: 'time', windowMs }.`);
  }
  if (rule.kind === 'messages' && (!Number.isInteger(rule.count) || rule.count < 1)) {
    throw new PartitioningError(`A sticky batch must hold at least 1 message; got ${rule.count}.`);
  }
  if (rule.kind === 'time' && (!Number.isFinite(rule.windowMs) || rule.windowMs < 0)) {
    throw new PartitioningError(`A sticky time window must be 0 ms or more; got ${rule.windowMs}.`);
  }
  return rule;
}
