import { ApiKey, ATTRIBUTES_OFFSET, BATCH_HEADER_SIZE, BATCH_LENGTH_OFFSET, CRC_OFFSET, crc32c, encodeRecordBatch, ErrorCode } from '@lanes/kafka-protocol';
import { CompressionTypes, type IHeaders, type Kafka, type Message } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { RawKafkaSocket } from '../../fuzz/raw-kafka-socket';
import { runPythonClient } from '../client-process';
import { uniqueName, useConnectedKit, waitFor } from './kafkajs-test-kit';

/**
 * Lanes runs kafkajs with a patch (patches/kafkajs@2.2.4.patch, docs/performance.md) that decodes
 * fetched records with plain numbers instead of Long objects wherever offsets and timestamps fit in
 * 53 bits, decodes each record in place, and compares offsets as numbers. These tests hold it to
 * what kafkajs promised before: offsets and timestamps as exact decimal strings (beyond 2^53 too,
 * where it falls back to Long), keys, values and repeated headers, compressed or not, and only the
 * records at or after the offset a consumer asked for.
 */

/** A record exactly as kafkajs handed it to eachBatch: the strings it gives, not numbers made of them. */
interface ReadRecord {
  partition: number;
  offset: string;
  timestamp: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string | string[]>;
}

function headerText(headers: IHeaders): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    result[name] = Array.isArray(value) ? value.map((v) => String(v)) : String(value);
  }
  return result;
}

/** Reads `count` records of partition 0, starting at `fromOffset` (the beginning when omitted). */
async function readPartitionZero(kafka: Kafka, topic: string, count: number, fromOffset?: string): Promise<ReadRecord[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('decoding'), maxWaitTimeInMs: 100 });
  const records: ReadRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          records.push({
            partition: batch.partition,
            offset: message.offset,
            timestamp: message.timestamp,
            key: message.key?.toString() ?? null,
            value: message.value?.toString() ?? null,
            headers: headerText(message.headers ?? {}),
          });
        }
      },
    });
    if (fromOffset !== undefined) consumer.seek({ topic, partition: 0, offset: fromOffset });
    await waitFor(() => records.length >= count, () => `reading ${count} records of ${topic}, got ${JSON.stringify(records)}`, 10_000);
    return records;
  } finally {
    await consumer.disconnect();
  }
}

/**
 * A batch of `values` whose first record's length prefix says `change` bytes more than its fields
 * take: with `change` above zero, that many zero bytes follow the fields (the record format has no
 * use for them); below zero, the length falls short and the fields run on past it. The length
 * prefix of so small a record is one byte.
 */
function batchWithFirstRecordLength(values: string[], change: number): Buffer {
  const batch = encodeRecordBatch({ records: values.map((value) => ({ value })) });
  const lengthAt = BATCH_HEADER_SIZE;
  const length = batch[lengthAt]! >> 1; // zigzag varint, one byte
  const fieldsEnd = lengthAt + 1 + length;
  const padding = Math.max(0, change);
  const changed = Buffer.concat([batch.subarray(0, fieldsEnd), Buffer.alloc(padding), batch.subarray(fieldsEnd)]);
  changed[lengthAt] = (length + change) << 1;
  changed.writeInt32BE(batch.readInt32BE(BATCH_LENGTH_OFFSET) + padding, BATCH_LENGTH_OFFSET);
  changed.writeUInt32BE(crc32c(changed.subarray(ATTRIBUTES_OFFSET)), CRC_OFFSET);
  return changed;
}

/** Produces `records` (a record batch) to partition 0 through a raw socket, as no client would. */
async function produceRaw(port: number, topic: string, records: Buffer): Promise<void> {
  const socket = await RawKafkaSocket.connect(port);
  try {
    const { body } = await socket.request(ApiKey.Produce, 7, { acks: -1, timeoutMs: 1000, topicData: [{ name: topic, partitionData: [{ index: 0, records }] }] });
    expect(body.responses[0]!.partitionResponses[0]!.errorCode).toBe(ErrorCode.NONE);
  } finally {
    socket.destroy();
  }
}

describe('kafkajs (as Lanes patches it) reads records exactly', () => {
  const connected = useConnectedKit('conformance-decoding');

  const topicWith = async (prefix: string): Promise<string> => {
    const topic = uniqueName(prefix);
    await connected.admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    return topic;
  };

  it('gives offsets, timestamps, keys, values and repeated headers as kafkajs always did', async () => {
    const topic = await topicWith('decoding-plain');
    const messages: Message[] = [
      { key: 'k0', value: 'first', timestamp: '1700000000000', headers: { trace: 'a' } },
      { key: null, value: 'earlier than the first', timestamp: '1699999999990', headers: { trace: ['b', 'c'] } },
      { key: 'k2', value: '', timestamp: '1700000000007' },
    ];
    await connected.producer.send({ topic, messages });

    const records = await readPartitionZero(connected.kafka, topic, 3);

    expect(records).toEqual([
      { partition: 0, offset: '0', timestamp: '1700000000000', key: 'k0', value: 'first', headers: { trace: 'a' } },
      { partition: 0, offset: '1', timestamp: '1699999999990', key: null, value: 'earlier than the first', headers: { trace: ['b', 'c'] } },
      { partition: 0, offset: '2', timestamp: '1700000000007', key: 'k2', value: '', headers: {} },
    ]);
  });

  it('keeps timestamps beyond 2^53 exact, whether the batch starts there or the delta gets there', async () => {
    const topic = await topicWith('decoding-long');
    // Batches whose base timestamp is no safe integer (a double would round 2^53 + 1 to 2^53), and
    // one whose base 0 is, but whose delta to 2^60 takes nine varint bytes. kafkajs's producer works
    // deltas out as JavaScript numbers, so each unsafe base goes alone, with a delta of 0.
    await connected.producer.send({ topic, messages: [{ value: 'a', timestamp: '9007199254740993' }] });
    await connected.producer.send({ topic, messages: [{ value: 'b', timestamp: '18014398509481985' }] });
    await connected.producer.send({ topic, messages: [{ value: 'c', timestamp: '0' }, { value: 'd', timestamp: '1152921504606846976' }] });

    const records = await readPartitionZero(connected.kafka, topic, 4);

    expect(records.map(({ offset, timestamp, value }) => ({ offset, timestamp, value }))).toEqual([
      { offset: '0', timestamp: '9007199254740993', value: 'a' },
      { offset: '1', timestamp: '18014398509481985', value: 'b' },
      { offset: '2', timestamp: '0', value: 'c' },
      { offset: '3', timestamp: '1152921504606846976', value: 'd' },
    ]);
  });

  it('keeps a timestamp delta exact that no double holds (librdkafka works deltas out in 64 bits; a timestamp of 0 would mean "now" to it)', async () => {
    const topic = await topicWith('decoding-delta');
    const records = [
      { key: null, value: 'start', timestamp: '1' },
      { key: null, value: 'far', timestamp: '1152921504606846978' },
    ];
    const { deliveries } = await runPythonClient<{ deliveries: { offset: number; error: string | null }[] }>(
      'confluent_produce.py',
      { bootstrap: connected.kit.broker.bootstrap, topic, records },
      20_000,
    );
    expect(deliveries.map((d) => [d.offset, d.error])).toEqual([
      [0, null],
      [1, null],
    ]);

    const read = await readPartitionZero(connected.kafka, topic, 2);

    expect(read.map(({ offset, timestamp, value }) => ({ offset, timestamp, value }))).toEqual([
      { offset: '0', timestamp: '1', value: 'start' },
      { offset: '1', timestamp: '1152921504606846978', value: 'far' },
    ]);
  });

  it('skips bytes a record\'s length covers beyond its fields, as kafkajs always did, and reads the next record whole', async () => {
    const topic = await topicWith('decoding-padded');
    await produceRaw(connected.kit.broker.port, topic, batchWithFirstRecordLength(['first', 'second'], 3));

    const read = await readPartitionZero(connected.kafka, topic, 2);

    expect(read.map(({ offset, value }) => `${offset}:${value}`)).toEqual(['0:first', '1:second']);
  });

  it('fails the fetch, rather than hand on misread records, when a record\'s fields run past its length', async () => {
    const topic = await topicWith('decoding-overrun');
    await produceRaw(connected.kit.broker.port, topic, batchWithFirstRecordLength(['first', 'second'], -2));
    const consumer = connected.kafka.consumer({ groupId: uniqueName('decoding'), maxWaitTimeInMs: 100, retry: { retries: 0 } });
    const handed: string[] = [];
    let crash: Error | undefined;
    consumer.on(consumer.events.CRASH, ({ payload }) => (crash ??= payload.error));
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachBatch: async ({ batch }) => {
          for (const message of batch.messages) handed.push(`${message.offset}:${String(message.value)}`);
        },
      });
      await waitFor(() => crash !== undefined, () => `a crash of the consumer reading ${topic}; it was handed ${JSON.stringify(handed)}`, 10_000);
    } finally {
      await consumer.disconnect();
    }

    expect(crash?.message).toMatch(/^Invalid record: its fields take \d+ bytes, its length says \d+$/);
    expect(handed).toEqual([]);
  });

  it('reads gzip batches the same way', async () => {
    const topic = await topicWith('decoding-gzip');
    const messages = Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: `v${i}`, timestamp: String(1700000000000 + i * 1000), headers: { n: String(i) } }));
    await connected.producer.send({ topic, compression: CompressionTypes.GZIP, messages });

    const records = await readPartitionZero(connected.kafka, topic, 5);

    expect(records).toEqual(messages.map((m, i) => ({ partition: 0, offset: String(i), timestamp: m.timestamp, key: m.key, value: m.value, headers: m.headers })));
  });

  it('hands on only the records at and after the offset sought, though Kafka sends their whole batch', async () => {
    const topic = await topicWith('decoding-seek');
    await connected.producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ value: `v${i}` })) });

    const records = await readPartitionZero(connected.kafka, topic, 6, '4');

    expect(records.map((r) => `${r.offset}:${r.value}`)).toEqual(['4:v4', '5:v5', '6:v6', '7:v7', '8:v8', '9:v9']);
  });
});
