import { connect } from 'node:net';
import { encodeRecordBatch } from '@lanes/kafka-protocol';
import { decodeProduceResponse, produceRequestWire } from './produce-wire';

/**
 * Whether a broker checks the CRC-32C of what it is sent: one Produce of a batch damaged after its
 * checksum was computed. Kafka refuses it with CORRUPT_MESSAGE (LogValidator checks every batch);
 * a broker that stores it unread has skipped reading the bytes once more, which is part of what it
 * costs per byte. Returns the error code the broker answered with (0 when it took the batch).
 */
export async function produceDamagedBatch(bootstrap: string, topic: string): Promise<number> {
  const batch = encodeRecordBatch({ records: [{ key: null, value: Buffer.alloc(1024, 'x') }] });
  batch.writeUInt8(batch.readUInt8(batch.length - 10) ^ 0xff, batch.length - 10);
  const request = produceRequestWire('lanes-crc-probe', 1, topic, [batch], 1);
  const [host, port] = bootstrap.split(':');
  const socket = connect(Number(port), host);
  try {
    return await new Promise<number>((resolve, reject) => {
      let pending = Buffer.alloc(0);
      socket.on('data', (chunk) => {
        pending = Buffer.concat([pending, chunk]);
        if (pending.length < 4 || pending.length < 4 + pending.readInt32BE(0)) return;
        const answer = decodeProduceResponse(pending.subarray(4, 4 + pending.readInt32BE(0)));
        resolve(answer.responses[0]!.partitionResponses[0]!.errorCode);
      });
      socket.on('error', reject);
      socket.on('close', () => reject(new Error(`${bootstrap} closed the connection before answering the damaged batch`)));
      setTimeout(() => reject(new Error(`${bootstrap} did not answer the damaged batch within 10 s`)), 10_000).unref();
      socket.write(request);
    });
  } finally {
    socket.destroy();
  }
}
