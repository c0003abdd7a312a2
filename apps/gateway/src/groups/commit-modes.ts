import type { CommitMode } from '@lanes/events';

/** When a managed consumer commits, relative to processing each record. */
export interface CommitPolicy {
  /** kafkajs `autoCommit`: kafkajs then commits on its own (every interval, after each batch, before a rebalance). */
  kafkajsAutoCommit: boolean;
  autoCommitIntervalMs: number | null;
  /** Commit a record's offset before processing it: at-most-once (a crash mid-processing loses it). */
  beforeEachRecord: boolean;
  /** Commit after each record: at-least-once with at most one record re-delivered. */
  afterEachRecord: boolean;
  /** Commit once the batch is processed: at-least-once; a crash mid-batch re-delivers the batch. */
  afterEachBatch: boolean;
}

/**
 * The four commit modes a person can choose, in kafkajs terms. Only 'auto' lets kafkajs commit;
 * the others commit explicitly so the moment of the commit is exactly the lesson.
 *
 * Note that kafkajs's autoCommit is not Java's enable.auto.commit: besides every
 * autoCommitInterval it commits what was processed after each batch and before rejoining a group.
 */
export function commitPolicy(mode: CommitMode, autoCommitIntervalMs: number): CommitPolicy {
  const none: CommitPolicy = { kafkajsAutoCommit: false, autoCommitIntervalMs: null, beforeEachRecord: false, afterEachRecord: false, afterEachBatch: false };
  switch (mode) {
    case 'auto':
      return { ...none, kafkajsAutoCommit: true, autoCommitIntervalMs };
    case 'per-message':
      return { ...none, afterEachRecord: true };
    case 'per-batch':
      return { ...none, afterEachBatch: true };
    case 'before-processing':
      return { ...none, beforeEachRecord: true };
  }
}
