import { ApiKey, decodeResponseFrame, encodeRecordBatch } from '@lanes/kafka-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBroker, type Broker } from '../index';
import { RawKafkaSocket } from '../fuzz/raw-kafka-socket';

// Responses must leave each connection in request order (broker-notes pitfall 2), and acks=0
// Produce gets no response at all (pitfall 3). These talk to a real broker over a raw socket.

let broker: Broker;
const sockets: RawKafkaSocket[] = [];

async function open(): Promise<RawKafkaSocket> {
  const socket = await RawKafkaSocket.connect(broker.port);
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  broker = await startBroker({ port: 0 });
  broker.topics.create('empty', 1);
  broker.topics.create('fire-and-forget', 1);
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await broker.close();
});

describe('response order on one connection', () => {
  it('holds a Metadata answer behind a parked Fetch sent before it', async () => {
    const socket = await open();
    const started = Date.now();
    const fetchId = socket.send(ApiKey.Fetch, 11, {
      replicaId: -1,
      maxWaitMs: 500,
      minBytes: 1,
      maxBytes: 1024 * 1024,
      topics: [{ topic: 'empty', partitions: [{ partition: 0, fetchOffset: 0, partitionMaxBytes: 1024 * 1024 }] }],
    });
    const metadataId = socket.send(ApiKey.Metadata, 6, { topics: null });

    const fetchAnswer = decodeResponseFrame(ApiKey.Fetch, 11, await socket.nextFrame(3000));
    const waited = Date.now() - started;
    const metadataAnswer = decodeResponseFrame(ApiKey.Metadata, 6, await socket.nextFrame(1000));

    expect([fetchAnswer.correlationId, metadataAnswer.correlationId]).toEqual([fetchId, metadataId]);
    // The Fetch really parked (an empty topic has nothing for min_bytes 1), so the fast Metadata waited.
    expect(waited).toBeGreaterThanOrEqual(450);
    expect(fetchAnswer.body.responses[0]!.partitions[0]!.errorCode).toBe(0);
    expect(metadataAnswer.body.topics.map((t) => t.name)).toContain('empty');
  });

  it('answers a pipelined burst of requests in the order they were sent', async () => {
    const socket = await open();
    const sent = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0 ? socket.send(ApiKey.Metadata, 1, { topics: [] }) : socket.send(ApiKey.ApiVersions, 2, {}),
    );
    const received: number[] = [];
    for (const _ of sent) received.push((await socket.nextFrame()).readInt32BE(0));
    expect(received).toEqual(sent);
  });

  it('stops reading at its in-flight limit and reads on as answers go out', async () => {
    const limited = await startBroker({ port: 0, maxInFlightRequestsPerConnection: 4 });
    const socket = await RawKafkaSocket.connect(limited.port);
    try {
      const sent = Array.from({ length: 50 }, () => socket.send(ApiKey.ApiVersions, 2, {}));
      const received: number[] = [];
      for (const _ of sent) received.push((await socket.nextFrame(3000)).readInt32BE(0));
      expect(received).toEqual(sent);
    } finally {
      socket.destroy();
      await limited.close();
    }
  });
});

describe('acks=0 Produce', () => {
  it('sends no response, so the next answer on the wire is for the next request, and stores the record', async () => {
    const socket = await open();
    const batch = encodeRecordBatch({ records: [{ key: 'k', value: 'sent with acks=0' }] });
    socket.send(ApiKey.Produce, 7, {
      acks: 0,
      timeoutMs: 1000,
      topicData: [{ name: 'fire-and-forget', partitionData: [{ index: 0, records: batch }] }],
    });
    const metadataId = socket.send(ApiKey.Metadata, 1, { topics: [] });

    const next = decodeResponseFrame(ApiKey.Metadata, 1, await socket.nextFrame());
    expect(next.correlationId).toBe(metadataId);
    expect(broker.topics.partition('fire-and-forget', 0)!.logEndOffset).toBe(1);

    // Nothing else follows: a stray Produce response would show up here.
    await expect(socket.nextFrame(200)).rejects.toThrow('no response within 200 ms');
  });
});
