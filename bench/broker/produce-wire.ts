import { ApiKey, decodeResponseFrame, encodeRequestFrame, type ProduceResponse } from '@lanes/kafka-protocol';

/** The Produce version the bench's own clients speak (raw-producer.ts, crc-probe.ts). */
const PRODUCE_VERSION = 7;

/** A Produce request as it goes on the wire, size prefix included: `batches[i]` goes to partition i. */
export function produceRequestWire(clientId: string, correlationId: number, topic: string, batches: readonly Buffer[], acks: number): Buffer {
  const body = encodeRequestFrame(
    { apiKey: ApiKey.Produce, apiVersion: PRODUCE_VERSION, correlationId, clientId },
    { acks, timeoutMs: 30_000, topicData: [{ name: topic, partitionData: batches.map((records, index) => ({ index, records })) }] },
  );
  const size = Buffer.allocUnsafe(4);
  size.writeInt32BE(body.length, 0);
  return Buffer.concat([size, body]);
}

/** A Produce response frame (size prefix removed), decoded. */
export function decodeProduceResponse(frame: Buffer): ProduceResponse {
  return decodeResponseFrame(ApiKey.Produce, PRODUCE_VERSION, frame).body;
}
