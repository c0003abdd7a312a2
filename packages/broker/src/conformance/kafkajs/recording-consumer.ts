import type { Consumer, ConsumerConfig, Kafka } from 'kafkajs';
import { sleep, uniqueName, waitFor } from './kafkajs-test-kit';

/** A record as a kafkajs consumer handed it to eachMessage. */
export interface ConsumedRecord {
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  timestamp: number;
}

/** One GROUP_JOIN instrumentation event: a finished JoinGroup + SyncGroup round. */
export interface GroupJoin {
  at: number;
  memberId: string;
  isLeader: boolean;
  /** The partitions of the test's topic that this member was assigned, sorted. */
  partitions: number[];
}

/**
 * A kafkajs group member that writes down what it receives and each assignment it gets, so tests
 * can assert on records and partitions instead of on the absence of errors.
 */
export interface RecordingConsumer {
  consumer: Consumer;
  records: ConsumedRecord[];
  joins: GroupJoin[];
  /** Partitions of the latest assignment (none before the first join). */
  heldPartitions(): number[];
  memberId(): string | null;
}

/** Fast enough for tests: kafkajs heartbeats only between fetches, so its fetch wait bounds reaction time. */
export const FAST_CONSUMER: Omit<ConsumerConfig, 'groupId'> = {
  maxWaitTimeInMs: 100,
  heartbeatInterval: 200,
  sessionTimeout: 6000,
  retry: { retries: 4, initialRetryTime: 50, maxRetryTime: 500 },
};

export interface RecordingConsumerOptions {
  groupId: string;
  topic: string;
  fromBeginning?: boolean;
  config?: Partial<ConsumerConfig>;
}

export async function startRecordingConsumer(kafka: Kafka, options: RecordingConsumerOptions): Promise<RecordingConsumer> {
  const consumer = kafka.consumer({ ...FAST_CONSUMER, ...options.config, groupId: options.groupId });
  const records: ConsumedRecord[] = [];
  const joins: GroupJoin[] = [];
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    const partitions = [...(payload.memberAssignment[options.topic] ?? [])].sort((a, b) => a - b);
    joins.push({ at: Date.now(), memberId: payload.memberId, isLeader: payload.isLeader, partitions });
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [options.topic], fromBeginning: options.fromBeginning ?? true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      records.push({
        partition,
        offset: Number(message.offset),
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? null,
        timestamp: Number(message.timestamp),
      });
    },
  });
  return {
    consumer,
    records,
    joins,
    heldPartitions: () => joins.at(-1)?.partitions ?? [],
    memberId: () => joins.at(-1)?.memberId ?? null,
  };
}

/**
 * Reads `expectedCount` records of `topic` from the beginning with a fresh group, then waits
 * `settleMs` more so that a record delivered twice or one too many shows up in the result.
 */
export async function readTopic(kafka: Kafka, topic: string, expectedCount: number, settleMs = 300): Promise<ConsumedRecord[]> {
  const reader = await startRecordingConsumer(kafka, { groupId: uniqueName('reader'), topic });
  try {
    await waitFor(
      () => reader.records.length >= expectedCount,
      () => `reading ${expectedCount} records of ${topic}, got ${reader.records.length}`,
      10_000,
    );
    await sleep(settleMs);
    return [...reader.records];
  } finally {
    await reader.consumer.disconnect();
  }
}

/** Counts how often each (partition, offset) was delivered. */
export function deliveryCounts(records: ConsumedRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { partition, offset } of records) {
    const at = `${partition}@${offset}`;
    counts.set(at, (counts.get(at) ?? 0) + 1);
  }
  return counts;
}

/** Offsets of each partition in delivery order, for readable assertions. */
export function offsetsByPartition(records: ConsumedRecord[]): Record<number, number[]> {
  const result: Record<number, number[]> = {};
  for (const { partition, offset } of records) (result[partition] ??= []).push(offset);
  return result;
}
