/**
 * One reader of the latency measure, in a process of its own so that it shares an event loop with
 * neither the producer nor the other reader (a browser and a consumer application would not):
 *
 *   node --import tsx bench/gateway/latency-reader.ts raw BOOTSTRAP TOPIC
 *   node --import tsx bench/gateway/latency-reader.ts tap-like BOOTSTRAP TOPIC MIN_BYTES MAX_WAIT_MS
 *   node --import tsx bench/gateway/latency-reader.ts socket GATEWAY_URL TOPIC
 *
 * `raw` is a kafkajs eachBatch consumer in a new group with kafkajs's defaults; `tap-like` is the
 * same with the fetch settings and no commits, as the gateway's tap reads (the CPU baseline);
 * `socket` is a socket.io client of the gateway that watches the topic. It prints "ready" once it is waiting for records, notes for each
 * record its send time (stamped in the value by paced-producer.ts) and when it arrived, and when
 * the parent writes the number of records to expect and closes stdin, waits for that many and
 * prints one line: `samples {"received":N,"samples":[[sentAt,latencyMs],...]}`.
 */
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { sentAtOf } from './paced-producer';
import { preciseNow, StreamClient } from './stream-client';
import { sleep, waitFor, withTimeout } from './waits';

const JOIN_TIMEOUT_MS = 30_000;
const DRAIN_TIMEOUT_MS = 30_000;

const samples: Array<[number, number]> = [];
let received = 0;

function note(sentAt: number, receivedAt: number): void {
  received++;
  if (Number.isFinite(sentAt)) samples.push([sentAt, receivedAt - sentAt]);
}

interface FetchSettings {
  minBytes: number;
  maxWaitTimeInMs: number;
}

async function startRaw(bootstrap: string, topic: string, tapLike?: FetchSettings): Promise<() => Promise<void>> {
  const consumer: Consumer = new Kafka({ clientId: 'lanes-bench-raw-consumer', brokers: [bootstrap], logLevel: logLevel.ERROR }).consumer({
    groupId: `lanes-bench-raw-${topic}-${Date.now()}`,
    ...tapLike,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    autoCommit: !tapLike,
    eachBatch: async ({ batch }) => {
      // As a CPU baseline it only counts: timing each record is work a bare consumer would not do.
      if (tapLike) {
        received += batch.messages.length;
        return;
      }
      const receivedAt = preciseNow();
      for (const message of batch.messages) note(sentAtOf(message.value), receivedAt);
    },
  });
  await withTimeout(joined, JOIN_TIMEOUT_MS, `the raw consumer did not join its group on ${topic}`);
  return () => consumer.disconnect();
}

async function startSocket(url: string, topic: string): Promise<() => Promise<void>> {
  const client = await StreamClient.connect(url);
  client.onRecords = (records, receivedAt) => {
    for (const record of records) note(sentAtOf(record.value), receivedAt);
  };
  await client.watch(topic, 'beginning');
  return async () => {
    await client.unwatch(topic).catch(() => {});
    client.close();
  };
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

async function main(): Promise<void> {
  const [mode, address, topic, minBytes, maxWaitMs] = process.argv.slice(2);
  if (!['raw', 'tap-like', 'socket'].includes(mode ?? '') || !address || !topic) {
    throw new Error('usage: latency-reader.ts raw BOOTSTRAP TOPIC | tap-like BOOTSTRAP TOPIC MIN_BYTES MAX_WAIT_MS | socket GATEWAY_URL TOPIC');
  }
  const stop =
    mode === 'socket'
      ? await startSocket(address, topic)
      : await startRaw(address, topic, mode === 'tap-like' ? { minBytes: Number(minBytes), maxWaitTimeInMs: Number(maxWaitMs) } : undefined);
  // Let the first fetch reach the broker and park there, waiting for records.
  await sleep(500);
  process.stdout.write('ready\n');
  const expected = Number((await readStdin()).trim());
  await waitFor(() => received >= expected, DRAIN_TIMEOUT_MS, `the ${mode} reader did not get all ${expected} records`);
  await new Promise<void>((resolve) => process.stdout.write(`samples ${JSON.stringify({ received, samples })}\n`, () => resolve()));
  await stop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
