import type { RecordsAggregate } from '@lanes/events';

/** Count and offset range per topic-partition: what a lagging browser gets instead of the records. */
export type PartitionSummary = Map<string, Map<number, { count: number; fromOffset: number; toOffset: number }>>;

export function mergeSummary(into: PartitionSummary, from: PartitionSummary): void {
  for (const [topic, partitions] of from) {
    for (const [partition, range] of partitions) addRange(into, topic, partition, range.count, range.fromOffset, range.toOffset);
  }
}

export function toAggregates(summary: PartitionSummary): RecordsAggregate[] {
  return [...summary].map(([topic, partitions]) => ({
    topic,
    partitions: [...partitions].map(([partition, range]) => ({ partition, ...range })),
  }));
}

export function addRange(into: PartitionSummary, topic: string, partition: number, count: number, fromOffset: number, toOffset: number): void {
  let partitions = into.get(topic);
  if (!partitions) {
    partitions = new Map();
    into.set(topic, partitions);
  }
  const range = partitions.get(partition);
  if (!range) {
    partitions.set(partition, { count, fromOffset, toOffset });
    return;
  }
  range.count += count;
  range.fromOffset = Math.min(range.fromOffset, fromOffset);
  range.toOffset = Math.max(range.toOffset, toOffset);
}
