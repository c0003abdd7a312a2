import { ApiKey, ErrorCode, encodeRecordBatch, type EncodeInput, type ProduceRequest } from '@lanes/kafka-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBroker, type Broker } from '../index';
import { RawKafkaSocket } from '../fuzz/raw-kafka-socket';

// Produce requests a client can get wrong are answered with Kafka's error code for each
// partition, the connection stays open, and nothing is appended anywhere.

let broker: Broker;
let socket: RawKafkaSocket;

beforeAll(async () => {
  broker = await startBroker({ port: 0 });
  broker.topics.create('orders', 2);
  broker.topics.create('tiny-messages', 1, { 'max.message.bytes': '200' });
  socket = await RawKafkaSocket.connect(broker.port);
});

afterAll(async () => {
  socket.destroy();
  await broker.close();
});

function batch(value = 'hello'): Buffer {
  return encodeRecordBatch({ records: [{ key: 'k', value }] });
}

async function produce(topic: string, partition: number, records: Buffer, acks = -1): Promise<number> {
  const body: EncodeInput<ProduceRequest> = { acks, timeoutMs: 1000, topicData: [{ name: topic, partitionData: [{ index: partition, records }] }] };
  const { body: answer } = await socket.request(ApiKey.Produce, 7, body);
  const result = answer.responses[0]!.partitionResponses[0]!;
  if (result.errorCode !== ErrorCode.NONE) expect(result.baseOffset).toBe(-1);
  return result.errorCode;
}

function totalRecordsStored(): number {
  return broker.topics.list().flatMap((t) => t.partitions).reduce((sum, log) => sum + log.logEndOffset, 0);
}

describe('Produce errors', () => {
  it('answers UNKNOWN_TOPIC_OR_PARTITION for a topic that does not exist, without creating it', async () => {
    expect(await produce('no-such-topic', 0, batch())).toBe(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    expect(broker.topics.get('no-such-topic')).toBeUndefined();
  });

  it('answers UNKNOWN_TOPIC_OR_PARTITION for a partition the topic does not have', async () => {
    expect(await produce('orders', 2, batch())).toBe(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    expect(await produce('orders', -1, batch())).toBe(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  });

  it('answers CORRUPT_MESSAGE for a batch with a flipped byte (CRC-32C mismatch)', async () => {
    const damaged = batch('some payload that gets damaged');
    damaged[damaged.length - 5]! ^= 0x01;
    expect(await produce('orders', 0, damaged)).toBe(ErrorCode.CORRUPT_MESSAGE);
  });

  it('answers CORRUPT_MESSAGE for a batch cut short', async () => {
    expect(await produce('orders', 0, batch().subarray(0, 40))).toBe(ErrorCode.CORRUPT_MESSAGE);
  });

  it('answers INVALID_REQUIRED_ACKS for acks=5', async () => {
    expect(await produce('orders', 0, batch(), 5)).toBe(ErrorCode.INVALID_REQUIRED_ACKS);
  });

  it('answers MESSAGE_TOO_LARGE for a batch above the topic max.message.bytes', async () => {
    expect(await produce('tiny-messages', 0, batch('x'.repeat(300)))).toBe(ErrorCode.MESSAGE_TOO_LARGE);
  });

  it('appended nothing for any of the refused batches, and still accepts a good one on the same connection', async () => {
    expect(totalRecordsStored()).toBe(0);
    expect(await produce('orders', 1, batch())).toBe(ErrorCode.NONE);
    expect(broker.topics.partition('orders', 1)!.logEndOffset).toBe(1);
    expect(await produce('tiny-messages', 0, batch('fits'))).toBe(ErrorCode.NONE);
    expect(totalRecordsStored()).toBe(2);
  });
});
