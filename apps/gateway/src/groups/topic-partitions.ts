import type { TopicPartition } from '@lanes/events';

/** A map key for one partition of one topic (topic names cannot contain NUL). */
export function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

/** kafkajs's `{ topic: [partitions] }` (GROUP_JOIN memberAssignment) as a sorted list. */
export function fromTopicMap(byTopic: Record<string, number[]>): TopicPartition[] {
  return sortPartitions(Object.entries(byTopic).flatMap(([topic, partitions]) => partitions.map((partition) => ({ topic, partition }))));
}

/** The list grouped per topic, as kafkajs's pause/resume take it. */
export function toTopicMap(partitions: readonly TopicPartition[]): { topic: string; partitions: number[] }[] {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of partitions) byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
  return [...byTopic].map(([topic, list]) => ({ topic, partitions: list }));
}

export function sortPartitions(partitions: readonly TopicPartition[]): TopicPartition[] {
  return [...partitions].sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
}

/** Partitions in `a` that are not in `b`. */
export function withoutPartitions(a: readonly TopicPartition[], b: readonly TopicPartition[]): TopicPartition[] {
  const present = new Set(b.map(({ topic, partition }) => partitionKey(topic, partition)));
  return a.filter(({ topic, partition }) => !present.has(partitionKey(topic, partition)));
}
