import { Kafka, logLevel } from 'kafkajs';
import { withTimeout } from './waits';

/**
 * The baseline reader: kafkajs 2.2.4 in a new group, fromBeginning, counting records in eachBatch,
 * as bench/broker's kafkajs workload does, but also noting when the first record arrived, so that
 * joining the group and streaming can be told apart.
 */
export interface TimedRead {
  records: number;
  /** From connecting to the first record: mostly joining a group. */
  firstRecordMs: number;
  /** From connecting to the last record. */
  elapsedMs: number;
}

const READ_TIMEOUT_MS = 180_000;

export async function rawConsume(bootstrap: string, topic: string, records: number): Promise<TimedRead> {
  const kafka = new Kafka({ clientId: 'lanes-bench-raw-consumer', brokers: [bootstrap], logLevel: logLevel.ERROR, retry: { retries: 2 } });
  const consumer = kafka.consumer({ groupId: `lanes-bench-raw-${topic}-${Date.now()}` });
  // The clock starts before connecting, as the gateway's does: its tap makes a new consumer, with
  // connections of its own, for every watch.
  const started = performance.now();
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let consumed = 0;
    let firstRecordMs = 0;
    let finished = () => {};
    const allConsumed = new Promise<void>((resolve) => (finished = resolve));
    await consumer.run({
      eachBatch: async ({ batch }) => {
        if (consumed === 0 && batch.messages.length > 0) firstRecordMs = performance.now() - started;
        consumed += batch.messages.length;
        if (consumed >= records) finished();
      },
    });
    await withTimeout(allConsumed, READ_TIMEOUT_MS, `kafkajs had not read ${records} records from ${topic}`);
    const elapsedMs = performance.now() - started;
    if (consumed !== records) throw new Error(`kafkajs read ${consumed} records from ${topic}, which holds ${records}.`);
    return { records, firstRecordMs, elapsedMs };
  } finally {
    await consumer.disconnect();
  }
}
