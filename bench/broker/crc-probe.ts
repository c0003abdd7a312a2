import { connect } from 'node:net';
import { ApiKey, decodeResponseFrame, encodeRecordBatch, encodeRequestFrame } from '@lanes/kafka-protocol';

/**
 * Whether a broker checks the CRC-32C of what it is sent: one Produce of a batch damaged after its
 * checksum was computed. Kafka refuses it with CORRUPT_MESSAGE (LogValidator checks every batch);
 * a broker that stores it unread has skipped reading the bytes once more, which is part of what it
 * costs per byte. Returns the error code the broker answered with (0 when it took the batch).
 */
export async function produceDamagedBatch(bootstrap: string, topic: string): Promise<number> {
  const batch = encodeRecordBatch({ records: [{ key: null, value: Buffer.alloc(1024, 'x') }] });
  batch.writeUInt8(batch.readUInt8(batch.length - 10) ^ 0xff, batch.length - 10);
  const body = encodeRequestFrame(
    { apiKey: ApiKey.Produce, apiVersion: 7, correlationId: 1, clientId: 'lanes-crc-probe' },
    { acks: 1, timeoutMs: 10_000, topicData: [{ name: topic, partitionData: [{ index: 0, records: batch }] }] },
  );
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length, 0);
  const [host, port] = bootstrap.split(':');
  const socket = connect(Number(port), host);
  try {
    return await new Promise<number>((resolve, reject) => {
      let pending = Buffer.alloc(0);
      socket.on('data', (chunk) => {
        pending = Buffer.concat([pending, chunk]);
        if (pending.length < 4 || pending.length < 4 + pending.readInt32BE(0)) return;
        const { body: answer } = decodeResponseFrame(ApiKey.Produce, 7, pending.subarray(4, 4 + pending.readInt32BE(0)));
        resolve(answer.responses[0]!.partitionResponses[0]!.errorCode);
      });
      socket.on('error', reject);
      socket.on('close', () => reject(new Error(`${bootstrap} closed the connection before answering the damaged batch`)));
      setTimeout(() => reject(new Error(`${bootstrap} did not answer the damaged batch within 10 s`)), 10_000).unref();
      socket.write(Buffer.concat([size, body]));
    });
  } finally {
    socket.destroy();
  }
}
