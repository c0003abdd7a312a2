import type { Kafka } from 'kafkajs';
import { rangePartitionAssigner } from '@lanes/assignors';
import { CommandFailure } from '../command-failure';
import type { SeekPosition } from './seek-positions';

/** The member joins, commits, and leaves within a few fetch waits; this bounds a stuck attempt. */
const GIVE_UP_MS = 10_000;

/**
 * Commits offsets for a group nobody is in, the way kafkajs's admin.setOffsets does (Kafka accepts
 * commits only from members, so a short-lived member joins, seeks, which commits, and leaves), but
 * for all topics in one join and with a short fetch wait: admin.setOffsets waits out a 5-second fetch.
 */
export async function setEmptyGroupOffsets(kafka: Kafka, groupId: string, positions: readonly SeekPosition[]): Promise<void> {
  const topics = [...new Set(positions.map((p) => p.topic))];
  const consumer = kafka.consumer({ groupId, partitionAssigners: [rangePartitionAssigner], maxWaitTimeInMs: 100, sessionTimeout: 10_000, heartbeatInterval: 1000, allowAutoTopicCreation: false });
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    const { state } = await consumer.describeGroup();
    if (state !== 'Empty' && state !== 'Dead') {
      throw new CommandFailure('conflict', `Group '${groupId}' has members outside Lanes (state ${state}); Kafka lets only them move its offsets. Stop them first.`);
    }
    // The first fetch applies the seeks (kafkajs commits a seek when autoCommit is on); nothing is consumed.
    const fetched = new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.FETCH, () => resolve());
      consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
      timer = setTimeout(() => reject(new Error(`Kafka did not take the new offsets of group '${groupId}' within ${GIVE_UP_MS} ms.`)), GIVE_UP_MS);
    });
    void consumer.run({ autoCommit: true, eachBatchAutoResolve: false, eachBatch: async () => {} }).catch(() => {});
    consumer.pause(topics.map((topic) => ({ topic })));
    for (const { topic, partition, offset } of positions) consumer.seek({ topic, partition, offset: String(offset) });
    await fetched;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => {});
  }
}
