/**
 * What every strategy answers: the partition, one line a person can read, and the same reasoning as
 * labelled steps a UI can render as a table.
 */
export interface PartitionStep {
  readonly label: string;
  readonly value: string;
}

export interface PartitionChoice {
  readonly partition: number;
  /** e.g. "murmur2('u1') = -1234 → & 0x7fffffff → 2147482414 → % 3 = 2" */
  readonly explanation: string;
  readonly steps: readonly PartitionStep[];
}

/** A mistake the caller can fix (bad key, bad partition, bad option): the message says how. */
export class PartitioningError extends Error {
  override readonly name = 'PartitioningError';
}

export function step(label: string, value: string | number): PartitionStep {
  return { label, value: String(value) };
}
