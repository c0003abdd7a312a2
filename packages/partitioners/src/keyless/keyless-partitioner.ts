import type { PartitionChoice } from '../partition-choice';

/**
 * A strategy for records without a key. Each keeps its state in a plain `state` object a UI can
 * show and a test can read; `next` advances it.
 */
export interface KeylessPartitioner<State extends object = object> {
  readonly kind: string;
  readonly state: Readonly<State>;
  /** `nowMs` matters only to time-based rules (librdkafka's sticky linger). */
  next(partitionCount: number, nowMs: number): PartitionChoice;
}
