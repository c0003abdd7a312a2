import type { OrderingViolation } from '@lanes/events';

type ViolationRecord = OrderingViolation['records'][number];

export interface ViolationStory {
  /** Produced first, yet processed after `overtaker`. */
  overtaken: ViolationRecord;
  /** Produced later, yet processed first. */
  overtaker: ViolationRecord;
  why: string;
}

/**
 * The two records of a per-key ordering violation, named by what happened to them. Kafka orders
 * records only within a partition, so a key whose records sit in two partitions can overtake
 * itself when those partitions are read independently (partitioning-facts.md).
 */
export function violationStory(violation: OrderingViolation): ViolationStory | null {
  if (violation.records.length < 2) return null;
  const [a, b] = violation.records as [ViolationRecord, ViolationRecord];
  const [overtaken, overtaker] = a.producedAt <= b.producedAt ? [a, b] : [b, a];
  const samePartition = overtaken.topic === overtaker.topic && overtaken.partition === overtaker.partition;
  const why = samePartition
    ? 'Both in one partition: a seek or a re-delivery after a crash read it again out of order.'
    : overtaken.consumerId === overtaker.consumerId
      ? `The key's records are in two partitions (P${overtaken.partition} and P${overtaker.partition}); even one consumer reads partitions independently.`
      : `The key's records are in two partitions (P${overtaken.partition} and P${overtaker.partition}), read by different consumers (${overtaken.consumerId}, ${overtaker.consumerId}) at their own pace.`;
  return { overtaken, overtaker, why };
}

/** "14:03:07.251": enough to tell two records apart by eye. */
export function clockTime(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
