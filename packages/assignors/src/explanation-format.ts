/** Small wording helpers shared by the assignors' explanations, so all three read alike. */
import type { Assignment, TopicPartition } from './assignment-input';

/** "1 member", "3 members". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "0,1,2" when one topic is involved, else "orders-0,payments-1" (Kafka's own TopicPartition spelling). */
export function formatPartitions(partitions: readonly TopicPartition[], oneTopic: boolean): string {
  return partitions.map(({ topic, partition }) => (oneTopic ? String(partition) : `${topic}-${partition}`)).join(',');
}

/** "c1 → 0,1,2; c2 → 3,4; c3 → nothing (idle)" in the given member order. */
export function formatMemberLines(memberIds: readonly string[], partitionsOf: (memberId: string) => readonly TopicPartition[], oneTopic: boolean, note?: (memberId: string) => string): string {
  return memberIds
    .map((memberId) => {
      const partitions = partitionsOf(memberId);
      const listed = partitions.length === 0 ? 'nothing (idle)' : formatPartitions(partitions, oneTopic);
      const extra = note?.(memberId) ?? '';
      return `${memberId} → ${listed}${extra}`;
    })
    .join('; ');
}

export function topicsIn(assignment: Assignment): Set<string> {
  return new Set(Object.values(assignment).flatMap((partitions) => partitions.map(({ topic }) => topic)));
}
