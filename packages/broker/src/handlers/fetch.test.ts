import { ApiKey, decodeResponseFrame } from '@lanes/kafka-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBroker, type Broker } from '../index';
import { RawKafkaSocket } from '../fuzz/raw-kafka-socket';
import { makeTestBatch } from '../log/test-batch';

let broker: Broker;

beforeAll(async () => {
  broker = await startBroker({ port: 0 });
});

afterAll(async () => {
  await broker.close();
});

const BATCH_BYTES = 16 * 1024;
/** Well past what loopback's socket buffers hold, so the response is still being written when the topic goes. */
const BATCHES = 2_500;

/** Appends BATCHES batches whose bytes after the header are all `fill`. */
function fillTopic(topic: string, fill: number): void {
  broker.topics.create(topic, 1);
  const log = broker.topics.partition(topic, 0)!;
  const { batch, info } = makeTestBatch({ payloadBytes: BATCH_BYTES - 61 });
  batch.fill(fill, 61);
  for (let i = 0; i < BATCHES; i++) log.append(batch, info);
}

/** How many bytes after each batch header in `records` differ from `fill`. */
function bytesOtherThan(records: Buffer, fill: number): number {
  let wrong = 0;
  for (let at = 0; at < records.length; at += BATCH_BYTES) {
    for (const byte of records.subarray(at + 61, at + BATCH_BYTES)) if (byte !== fill) wrong++;
  }
  return wrong;
}

describe('Fetch and the log memory its response is written from', () => {
  it('sends what was stored though the topic is deleted and its memory wanted again before the client has read it all', async () => {
    fillTopic('read-slowly', 0x61);
    const socket = await RawKafkaSocket.connect(broker.port);
    socket.pause();
    const partitionMaxBytes = BATCHES * BATCH_BYTES;
    socket.send(ApiKey.Fetch, 11, {
      replicaId: -1,
      maxWaitMs: 0,
      minBytes: 1,
      maxBytes: partitionMaxBytes,
      topics: [{ topic: 'read-slowly', partitions: [{ partition: 0, fetchOffset: 0, partitionMaxBytes }] }],
    });
    await new Promise((resolve) => setTimeout(resolve, 300));

    // The log lets go of every batch, and a new topic stores as many: memory nobody holds is used again.
    broker.topics.delete('read-slowly');
    fillTopic('written-meanwhile', 0x7a);
    socket.resume();

    const answer = decodeResponseFrame(ApiKey.Fetch, 11, await socket.nextFrame(10_000));
    socket.destroy();
    const records = answer.body.responses[0]!.partitions[0]!.records!;
    expect(records.length).toBe(BATCHES * BATCH_BYTES);
    expect(bytesOtherThan(records, 0x61)).toBe(0);
  });

  it('answers a read of hundreds of thousands of small batches whole', async () => {
    broker.topics.create('many-small', 1);
    const log = broker.topics.partition('many-small', 0)!;
    const { batch, info } = makeTestBatch({ payloadBytes: 9 });
    const count = 300_000;
    for (let i = 0; i < count; i++) log.append(batch, info);
    const socket = await RawKafkaSocket.connect(broker.port);
    const maxBytes = count * batch.length;
    const request = {
      replicaId: -1,
      maxWaitMs: 0,
      minBytes: 1,
      maxBytes,
      topics: [{ topic: 'many-small', partitions: [{ partition: 0, fetchOffset: 0, partitionMaxBytes: maxBytes }] }],
    };
    const answer = await socket.request(ApiKey.Fetch, 11, request, 10_000);
    socket.destroy();
    expect(answer.body.responses[0]!.partitions[0]!.records!.length).toBe(maxBytes);
  });
});
