import type { Admin } from 'kafkajs';
import type { SeekTarget } from '@lanes/events';
import { CommandFailure, kafkaFailure } from '../command-failure';

export interface SeekPosition {
  topic: string;
  partition: number;
  offset: number;
}

/**
 * Where a seek sends a group, per partition of its topics, read from Kafka: earliest is the log start
 * offset, latest the log end offset, a timestamp the first offset at or after it (the log end when
 * nothing is that recent, as Kafka answers). An offset outside a partition's log is clamped to it,
 * which is where Kafka's reset policy would send the consumer anyway.
 */
export async function seekPositions(admin: Admin, topics: readonly string[], to: SeekTarget): Promise<SeekPosition[]> {
  const positions: SeekPosition[] = [];
  for (const topic of topics) {
    let ends: { partition: number; low: string; high: string }[];
    try {
      ends = await admin.fetchTopicOffsets(topic);
    } catch (error) {
      throw kafkaFailure(`read the offsets of '${topic}'`, error);
    }
    const byTimestamp = to.kind === 'timestamp' ? await offsetsForTimestamp(admin, topic, to.timestamp) : null;
    if (to.kind === 'offset' && to.partition !== undefined && !ends.some(({ partition }) => partition === to.partition)) {
      throw new CommandFailure('invalid_input', `Topic '${topic}' has no partition ${to.partition}; it has partitions 0 to ${ends.length - 1}.`, 'to.partition');
    }
    for (const { partition, low, high } of ends) {
      const start = Number(low);
      const end = Number(high);
      switch (to.kind) {
        case 'earliest':
          positions.push({ topic, partition, offset: start });
          break;
        case 'latest':
          positions.push({ topic, partition, offset: end });
          break;
        case 'offset':
          if (to.partition === undefined || to.partition === partition) positions.push({ topic, partition, offset: Math.min(Math.max(to.offset, start), end) });
          break;
        case 'timestamp':
          positions.push({ topic, partition, offset: byTimestamp?.get(partition) ?? end });
          break;
      }
    }
  }
  return positions.sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
}

async function offsetsForTimestamp(admin: Admin, topic: string, timestamp: number): Promise<Map<number, number>> {
  try {
    const offsets = await admin.fetchTopicOffsetsByTimestamp(topic, timestamp);
    return new Map(offsets.map(({ partition, offset }) => [partition, Number(offset)]));
  } catch (error) {
    throw kafkaFailure(`find the offsets of '${topic}' at ${new Date(timestamp).toISOString()}`, error);
  }
}
