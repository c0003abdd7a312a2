import type { Assignor, CommitMode } from '@lanes/events';

/** A choice offered in the "New group" form, with the one line that makes it a lesson. */
export interface Option<T extends string> {
  value: T;
  label: string;
  explanation: string;
}

/** The classic assignors (partitioning-facts.md, "Group assignors"); all run the eager protocol here. */
export const ASSIGNOR_OPTIONS: readonly Option<Assignor>[] = [
  { value: 'range', label: 'range', explanation: 'Per topic, contiguous blocks of partitions in member order; the first members get one extra.' },
  { value: 'roundrobin', label: 'round robin', explanation: 'All partitions dealt out one at a time over the members, like cards.' },
  { value: 'sticky', label: 'sticky', explanation: 'Balanced like round robin, but keeps partitions with their previous owner where it can (KIP-54).' },
];

export const OFFSET_RESET_OPTIONS: readonly Option<'earliest' | 'latest'>[] = [
  { value: 'earliest', label: 'earliest', explanation: 'With no committed offset, start from the oldest record still kept: read the history.' },
  { value: 'latest', label: 'latest', explanation: 'With no committed offset, start at the end: only records produced from now on.' },
];

/** When the consumer commits, relative to processing: this decides the delivery guarantee. */
export const COMMIT_MODE_OPTIONS: readonly Option<CommitMode>[] = [
  { value: 'auto', label: 'auto commit', explanation: 'kafkajs commits what was processed every few seconds and after each batch: at-least-once.' },
  { value: 'per-message', label: 'after each message', explanation: 'Commit once a message is processed: at-least-once; a crash re-delivers at most one message.' },
  { value: 'per-batch', label: 'after each batch', explanation: 'Commit once a batch is processed: at-least-once; a crash mid-batch re-delivers the batch.' },
  { value: 'before-processing', label: 'before processing', explanation: 'Commit before processing: at-most-once; a crash mid-processing loses that message.' },
];

/** A person's word for a commit mode, or the raw value for modes this page does not know. */
export function commitModeLabel(mode: string | undefined): string {
  if (mode === undefined) return 'unknown';
  return COMMIT_MODE_OPTIONS.find((option) => option.value === mode)?.label ?? mode;
}

export function explanationOf<T extends string>(options: readonly Option<T>[], value: T): string {
  return options.find((option) => option.value === value)?.explanation ?? '';
}

/** Which delivery guarantee a commit mode gives, for the delivery lessons. */
export function guaranteeOf(mode: string | undefined): 'at-least-once' | 'at-most-once' | 'unknown' {
  if (mode === 'before-processing') return 'at-most-once';
  if (mode === 'auto' || mode === 'per-message' || mode === 'per-batch') return 'at-least-once';
  return 'unknown';
}
