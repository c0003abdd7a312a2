import { ApiKey, decodeResponseFrame, encodeRecordBatch, encodeRequestFrame, ErrorCode } from '@lanes/kafka-protocol';
import { describe, expect, it } from 'vitest';
import { RawKafkaSocket } from '../../fuzz/raw-kafka-socket';
import { sleep, uniqueName, useConnectedKit, waitFor } from './kafkajs-test-kit';

/**
 * A Produce request that reaches the broker in several socket reads is assembled in scratch memory
 * the connection reuses, from reads into one buffer it also reuses, and the log stores a copy of its
 * batch (network/frame-splitter.ts, network/socket-reader.ts, log/slab-pool.ts). Whatever the cut,
 * and however many split requests follow on the same connection,
 * a consumer must read back exactly what was produced, at the offsets the broker answered with.
 */
describe('a Produce request that arrives in several reads', () => {
  const connected = useConnectedKit('conformance-split-produce');

  /** The request as written, size prefix included. Batches of 10 KB, a large share of each read. */
  function produceRequest(topic: string, values: string[]): { wire: Buffer; batchBytes: number } {
    const records = encodeRecordBatch({ records: values.map((value, i) => ({ key: `k${i}`, value })) });
    const frame = encodeRequestFrame({ apiKey: ApiKey.Produce, apiVersion: 7, correlationId: 1, clientId: 'split-produce-test' }, {
      acks: -1,
      timeoutMs: 1000,
      topicData: [{ name: topic, partitionData: [{ index: 0, records }] }],
    });
    const wire = Buffer.concat([Buffer.alloc(4), frame]);
    wire.writeInt32BE(frame.length, 0);
    return { wire, batchBytes: records.length };
  }

  async function readBack(topic: string, count: number): Promise<string[]> {
    const consumer = connected.kafka.consumer({ groupId: uniqueName('split-reader'), maxWaitTimeInMs: 100 });
    const read: string[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void read.push(`${message.offset}:${String(message.key)}=${String(message.value)}`) });
      await waitFor(() => read.length >= count, () => `reading ${count} records of ${topic}, got ${read.length}`, 10_000);
      return read;
    } finally {
      await consumer.disconnect();
    }
  }

  it('is stored whole wherever it is cut (its header, its batch header, its records; in two or three), one after another on a connection', async () => {
    const topic = uniqueName('split-produce');
    await connected.admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    const valuesOf = (round: number) => Array.from({ length: 20 }, (_, i) => `round ${round} value ${i} `.repeat(25));
    // Where each request is cut: in the size prefix and request header; 10 bytes into the record
    // batch (before the fields the broker writes in place); its middle; one byte before the end; in
    // three, at a third and two thirds.
    const cuts = [
      () => [20],
      (wire: Buffer, batchBytes: number) => [wire.length - batchBytes + 10],
      (wire: Buffer) => [Math.floor(wire.length / 2)],
      (wire: Buffer) => [wire.length - 1],
      (wire: Buffer) => [Math.floor(wire.length / 3), Math.floor((2 * wire.length) / 3)],
    ];

    const socket = await RawKafkaSocket.connect(connected.kit.broker.port);
    const baseOffsets: number[] = [];
    try {
      for (const [round, cut] of cuts.entries()) {
        const { wire, batchBytes } = produceRequest(topic, valuesOf(round));
        const at = cut(wire, batchBytes);
        for (const [part, from] of [0, ...at].entries()) {
          // Long enough for the broker to read each part on its own.
          if (part > 0) await sleep(50);
          socket.writeRaw(wire.subarray(from, at[part] ?? wire.length));
        }
        const { body } = decodeResponseFrame(ApiKey.Produce, 7, await socket.nextFrame());
        const partition = body.responses[0]!.partitionResponses[0]!;
        expect(partition.errorCode).toBe(ErrorCode.NONE);
        baseOffsets.push(Number(partition.baseOffset));
      }
    } finally {
      socket.destroy();
    }

    expect(baseOffsets).toEqual([0, 20, 40, 60, 80]);
    const expected = cuts.flatMap((_, round) => valuesOf(round).map((value, i) => `${round * 20 + i}:k${i}=${value}`));
    expect(await readBack(topic, expected.length)).toEqual(expected);
  });
});
