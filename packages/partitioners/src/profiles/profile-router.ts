import type { RecordKey } from '../key-bytes';
import type { PartitionChoice } from '../partition-choice';
import type { ContentBasedOptions } from '../custom/content-based';
import type { WeightedOptions } from '../custom/weighted';
import type { KeylessPartitioner } from '../keyless/keyless-partitioner';
import type { RandomSource } from '../keyless/random-source';
import type { StickySwitchRule } from '../keyless/sticky';

/** A record as a profile sees it once the entry point has checked the input. */
export interface RoutedRecord {
  readonly key: RecordKey | null;
  readonly value?: unknown;
  readonly timestamp?: number;
  readonly partitionCount: number;
}

/** Options for a profile's state: injectable randomness and clock, and settings of the custom partitioners. */
export interface ProfileStateOptions {
  random?: RandomSource;
  /** Milliseconds since 1970; drives time-window sticky rules and time buckets without a timestamp. */
  now?: () => number;
  /** Overrides the profile's sticky switch rule (Java: 10 messages, librdkafka: 10 ms). */
  sticky?: StickySwitchRule;
  weighted?: WeightedOptions;
  contentBased?: ContentBasedOptions;
}

export interface ResolvedStateOptions extends ProfileStateOptions {
  random: RandomSource;
  now: () => number;
}

/** A profile's live partitioner: what it remembers between records, and how it routes one. */
export interface ProfileRouter {
  /** Plain data (counters, sticky partition) for a UI to show; null when the profile keeps none. */
  readonly state: Readonly<object> | null;
  route(record: RoutedRecord): PartitionChoice;
}

/**
 * A keyed strategy answers with a choice, or with the reason the key does not decide (librdkafka's
 * consistent_random treats an empty key like no key).
 */
export type KeyedStrategy = (key: RecordKey, partitionCount: number) => PartitionChoice | { readonly keyDoesNotDecide: string };

/** The usual shape: a key decides through `keyed`; no key (or a key that does not decide) goes to `keyless`. */
export function keyedThenKeyless(keyed: KeyedStrategy, keyless: KeylessPartitioner, now: () => number): ProfileRouter {
  return {
    state: keyless.state,
    route({ key, partitionCount }) {
      if (key !== null) {
        const answer = keyed(key, partitionCount);
        if (!('keyDoesNotDecide' in answer)) return answer;
        const choice = keyless.next(partitionCount, now());
        return { ...choice, explanation: `${answer.keyDoesNotDecide} → ${choice.explanation}` };
      }
      return keyless.next(partitionCount, now());
    },
  };
}
