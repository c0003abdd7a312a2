/**
 * A producer with no client-side cost worth the name: it builds its Produce requests (record batches
 * of about 16 KB, one per partition) before the clock starts, then pipelines them over one
 * connection with up to 32 requests in flight, acks=1. What it measures is how fast a broker takes
 * in records, not how fast a client can make them; kcat's figures show the second.
 *
 *   node --import tsx bench/broker/raw-producer.ts HOST:PORT TOPIC PARTITIONS VALUE_BYTES RECORDS
 *
 * Prints one JSON line: { records, valueBytes, elapsedMs }.
 */
import { connect } from 'node:net';
import { encodeRecordBatch } from '@lanes/kafka-protocol';
import { decodeProduceResponse, produceRequestWire } from './produce-wire';

const BATCH_BYTES = 16 * 1024;
const IN_FLIGHT = 32;

async function main(): Promise<void> {
  const [address, topic, partitionsText, valueBytesText, recordsText] = process.argv.slice(2);
  const [host, port] = address!.split(':');
  const partitions = Number(partitionsText);
  const valueBytes = Number(valueBytesText);
  const perBatch = Math.max(1, Math.floor(BATCH_BYTES / (valueBytes + 20)));
  const requests = Math.ceil(Number(recordsText) / (perBatch * partitions));
  const value = Buffer.alloc(valueBytes, 'x');
  const batch = encodeRecordBatch({ records: Array.from({ length: perBatch }, () => ({ key: null, value })) });
  const perPartition = Array.from({ length: partitions }, () => batch);
  const frames = Array.from({ length: requests }, (_, correlationId) => produceRequestWire('lanes-raw-producer', correlationId, topic!, perPartition, 1));

  const socket = connect(Number(port), host);
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let sent = 0;
  let answered = 0;
  let pending = Buffer.alloc(0);
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    const fill = () => {
      while (sent < requests && sent - answered < IN_FLIGHT) socket.write(frames[sent++]!);
    };
    socket.on('data', (chunk) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
        const frame = pending.subarray(4, 4 + pending.readInt32BE(0));
        pending = pending.subarray(4 + frame.length);
        const failed = decodeProduceResponse(frame).responses.flatMap((t) => t.partitionResponses).find((p) => p.errorCode !== 0);
        if (failed) reject(new Error(`the broker refused a batch for partition ${failed.index}: error ${failed.errorCode}`));
        answered++;
      }
      if (answered === requests) resolve();
      else fill();
    });
    socket.on('error', reject);
    fill();
  });
  const elapsedMs = performance.now() - start;
  socket.destroy();
  process.stdout.write(`${JSON.stringify({ records: requests * partitions * perBatch, valueBytes, elapsedMs })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
