/**
 * A typical kafkajs 2.2.4 session, for the golden capture: admin metadata and offsets, an
 * idempotent producer (InitProducerId), a plain producer with one acks=0 send, and a consumer
 * group that joins, syncs, heartbeats, fetches, commits and leaves.
 */
import { Kafka, logLevel } from 'kafkajs';
import type { SessionNames } from './session-names';

const CLIENT_ID = 'golden-kafkajs';
const RECORDS = [
  { key: 'k1', value: 'golden-value-1' },
  { key: 'k2', value: 'golden-value-2' },
  { key: 'k3', value: 'golden-value-3' },
];

export async function driveKafkajs(bootstrap: string, { topic, group }: SessionNames): Promise<void> {
  const kafka = new Kafka({ clientId: CLIENT_ID, brokers: [bootstrap], logLevel: logLevel.ERROR, retry: { retries: 3 } });

  const idempotent = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await idempotent.connect();
  await idempotent.send({ topic, messages: RECORDS });
  await idempotent.disconnect();

  const fireAndForget = kafka.producer();
  await fireAndForget.connect();
  await fireAndForget.send({ topic, acks: 0, messages: [{ key: 'k0', value: 'golden-acks-0' }] });
  await fireAndForget.disconnect();

  const admin = kafka.admin();
  await admin.connect();
  await admin.fetchTopicMetadata({ topics: [topic] });
  await admin.fetchTopicOffsets(topic);

  await consumeAsGroup(kafka, topic, group);

  await admin.fetchOffsets({ groupId: group, topics: [topic] });
  await admin.disconnect();
}

async function consumeAsGroup(kafka: Kafka, topic: string, group: string): Promise<void> {
  const consumer = kafka.consumer({
    groupId: group,
    sessionTimeout: 10_000,
    heartbeatInterval: 100,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const wanted = RECORDS.length + 1; // the acks=0 record is there too
  let seen = 0;
  const allSeen = new Promise<void>((resolve) => {
    void consumer.run({
      autoCommitInterval: 100,
      eachMessage: async () => {
        seen += 1;
        if (seen >= wanted) resolve();
      },
    });
  });
  await withTimeout(allSeen, 30_000, () => `kafkajs consumer saw ${seen} of ${wanted} records`);
  // kafkajs heartbeats between fetches and commits on its interval: give both a moment.
  await new Promise((resolve) => setTimeout(resolve, 800));
  await consumer.disconnect(); // sends LeaveGroup
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
