import type { ProfileRouter, KeyedStrategy, ResolvedStateOptions } from './profile-router';

export type ProfileId =
  | 'kafkajs'
  | 'kafkajs-legacy'
  | 'java'
  | 'java-2.3'
  | 'librdkafka'
  | 'librdkafka-murmur2-random'
  | 'librdkafka-fnv1a-random'
  | 'librdkafka-consistent'
  | 'librdkafka-murmur2'
  | 'librdkafka-fnv1a'
  | 'librdkafka-random'
  | 'kafka-python'
  | 'iggy'
  | 'iggy-seed-guide'
  | 'custom-numeric-modulo'
  | 'custom-weighted'
  | 'custom-content-based'
  | 'custom-time-bucketed';

/** A named way of choosing partitions, as the UI offers it. */
export interface Profile {
  readonly id: ProfileId;
  readonly label: string;
  /** Who behaves like this. */
  readonly clients: readonly string[];
  readonly description: string;
  /** The algorithm a key goes through, or null when the key does not decide the partition. */
  readonly keyed: string | null;
  /** What happens to a record without a key. */
  readonly keyless: string;
  /** Where Lanes' seed documents claim otherwise: each is a lesson the dashboard can point out. */
  readonly seedDifferences: readonly string[];
  /** True for the example partitioners from the seeds rather than a client's built-in one. */
  readonly custom: boolean;
}

export interface ProfileDefinition extends Profile {
  /** How a key alone places a record, for "where would this key go?"; absent when the key does not decide. */
  readonly placeKey?: KeyedStrategy;
  createRouter(options: ResolvedStateOptions): ProfileRouter;
}
