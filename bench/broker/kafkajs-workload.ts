import { Kafka, logLevel, Partitioners, type Admin } from 'kafkajs';
import type { Measurement } from './measurement';

/**
 * The kafkajs 2.2.4 workload, run inside the bench process (the broker is a child process, so they
 * do not share an event loop): a producer awaiting one send of `messagesPerSend` records at a time
 * with acks=1, and a group consumer counting records in eachBatch until it has them all.
 */

const RUN_TIMEOUT_MS = 180_000;

function client(bootstrap: string, clientId: string): Kafka {
  return new Kafka({ clientId, brokers: [bootstrap], logLevel: logLevel.ERROR, retry: { retries: 2 } });
}

async function withAdmin<T>(bootstrap: string, use: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = client(bootstrap, 'lanes-bench-admin').admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Creates the topic explicitly, so no workload measures auto-creation. */
export async function createTopic(bootstrap: string, topic: string, partitions: number, configs: Record<string, string> = {}): Promise<void> {
  await withAdmin(bootstrap, async (admin) => {
    const configEntries = Object.entries(configs).map(([name, value]) => ({ name, value }));
    const created = await admin.createTopics({ topics: [{ topic, numPartitions: partitions, configEntries }], waitForLeaders: true });
    if (!created) throw new Error(`topic ${topic} already exists on ${bootstrap}; the bench needs fresh topics.`);
  });
}

/** Deletes the topic, so that what it stored no longer weighs on the broker's later rounds. */
export async function deleteTopic(bootstrap: string, topic: string): Promise<void> {
  await withAdmin(bootstrap, (admin) => admin.deleteTopics({ topics: [topic] }));
}

/**
 * Records the topic ever received (sum of high watermarks) and still holds (high - low). They differ
 * on librdkafka's mock cluster, which keeps only the newest 5 MiB or 100,000 batches per partition
 * (rd_kafka_mock_partition_log_append in rdkafka_mock.c).
 */
export async function countRecords(bootstrap: string, topic: string): Promise<{ appended: number; retained: number }> {
  const offsets = await withAdmin(bootstrap, (admin) => admin.fetchTopicOffsets(topic));
  let appended = 0;
  let retained = 0;
  for (const { high, low } of offsets) {
    appended += Number(high);
    retained += Number(high) - Number(low);
  }
  return { appended, retained };
}

/** Sends `records` values of `valueBytes`, `messagesPerSend` per awaited send, acks=1. */
export async function kafkajsProduce(bootstrap: string, topic: string, valueBytes: number, records: number, messagesPerSend: number): Promise<Measurement> {
  const producer = client(bootstrap, 'lanes-bench-producer').producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  // One shared value: kafkajs copies it into each request, and building the sends is not what is measured.
  const value = Buffer.alloc(valueBytes, 'x');
  const fullSend = Array.from({ length: messagesPerSend }, () => ({ value }));
  await producer.connect();
  try {
    const started = performance.now();
    await withDeadline(
      (async () => {
        for (let sent = 0; sent < records; sent += messagesPerSend) {
          const count = Math.min(messagesPerSend, records - sent);
          await producer.send({ topic, acks: 1, messages: count === messagesPerSend ? fullSend : fullSend.slice(0, count) });
        }
      })(),
      `kafkajs producing ${records} records to ${topic}`,
    );
    return { records, valueBytes: records * valueBytes, elapsedMs: performance.now() - started };
  } finally {
    await producer.disconnect();
  }
}

/** Consumes the topic from the beginning in a new group; the clock includes joining the group. */
export async function kafkajsConsume(bootstrap: string, topic: string, records: number): Promise<Measurement> {
  const consumer = client(bootstrap, 'lanes-bench-consumer').consumer({ groupId: `lanes-bench-${topic}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let consumed = 0;
    let valueBytes = 0;
    let finished = () => {};
    const allConsumed = new Promise<void>((resolve) => (finished = resolve));
    const started = performance.now();
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) valueBytes += message.value?.length ?? 0;
        consumed += batch.messages.length;
        if (consumed >= records) finished();
      },
    });
    await withDeadline(allConsumed, `kafkajs consuming ${records} records from ${topic}`);
    const elapsedMs = performance.now() - started;
    if (consumed !== records) throw new Error(`kafkajs consumed ${consumed} records from ${topic}, expected ${records}.`);
    return { records, valueBytes, elapsedMs };
  } finally {
    await consumer.disconnect();
  }
}

function withDeadline<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${RUN_TIMEOUT_MS / 1000} s.`)), RUN_TIMEOUT_MS);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
