/** The consumer protocol groups partitions by topic on the wire; assignors think in single partitions. */
import type { TopicPartition } from '../assignment-input';
import type { ProtocolReader, ProtocolWriter } from './protocol-bytes';

export interface TopicPartitions {
  topic: string;
  partitions: number[];
}

/** Groups by topic, topics in first-seen order, partitions in the order given (what Java and kafkajs send). */
export function groupByTopic(partitions: readonly TopicPartition[]): TopicPartitions[] {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of partitions) {
    let list = byTopic.get(topic);
    if (!list) byTopic.set(topic, (list = []));
    list.push(partition);
  }
  return [...byTopic].map(([topic, list]) => ({ topic, partitions: list }));
}

export function flattenTopicPartitions(grouped: readonly TopicPartitions[]): TopicPartition[] {
  return grouped.flatMap(({ topic, partitions }) => partitions.map((partition) => ({ topic, partition })));
}

/** [Topic:string [Partition:int32]] */
export function writeTopicPartitions(writer: ProtocolWriter, grouped: readonly TopicPartitions[]): void {
  writer.array(grouped, ({ topic, partitions }) => {
    writer.string(topic);
    writer.array(partitions, (partition) => writer.int32(partition));
  });
}

export function readTopicPartitions(reader: ProtocolReader, field: string): TopicPartitions[] {
  return reader.array(field, 6, () => ({
    topic: reader.string(`${field} topic`),
    partitions: reader.array(`${field} partitions`, 4, () => reader.int32(`${field} partition`)),
  }));
}
