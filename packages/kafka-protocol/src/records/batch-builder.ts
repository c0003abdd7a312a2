import { Writer } from '../primitives/writer';
import {
  ATTRIBUTES_OFFSET,
  BASE_SEQUENCE_OFFSET,
  BASE_TIMESTAMP_OFFSET,
  BATCH_HEADER_SIZE,
  BATCH_LENGTH_OFFSET,
  CRC_OFFSET,
  LAST_OFFSET_DELTA_OFFSET,
  MAGIC_OFFSET,
  MAX_TIMESTAMP_OFFSET,
  MIN_BATCH_LENGTH,
  PRODUCER_EPOCH_OFFSET,
  PRODUCER_ID_OFFSET,
  RECORD_BATCH_MAGIC,
  RECORD_COUNT_OFFSET,
  encodeAttributes,
  writeBaseOffset,
  writePartitionLeaderEpoch,
} from './batch-header';
import { compressRecords } from './compression';
import { crc32c } from './crc32c';
import { writeInt64 } from '../primitives/big-endian';

export interface RecordToEncode {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: { key: string; value: Buffer | string | null }[];
  /** Milliseconds after the batch's baseTimestamp (default 0). */
  timestampDelta?: number;
}

export interface EncodeRecordBatchOptions {
  /** Default 0; a broker overwrites it on append anyway. */
  baseOffset?: number;
  /** Default -1, what the Java producer sends (RecordBatch.NO_PARTITION_LEADER_EPOCH); kafkajs sends 0. */
  partitionLeaderEpoch?: number;
  /** Default Date.now(). */
  baseTimestamp?: number;
  /** Producer id, epoch and sequence default to -1: not idempotent (KIP-98). */
  producerId?: number;
  producerEpoch?: number;
  baseSequence?: number;
  compression?: 'none' | 'gzip';
  transactional?: boolean;
  /** Marks a control batch (transaction markers), which clients may not produce: for testing refusals. */
  control?: boolean;
  /** Offset deltas follow array order. An empty list builds an empty batch, which Kafka refuses on produce. */
  records: RecordToEncode[];
}

/**
 * Encodes a record batch v2 with a correct CRC-32C, as a producer would: for tests, fuzzers and
 * benchmarks. maxTimestamp is the largest record timestamp and lastOffsetDelta is count - 1.
 *
 * @example
 * const batch = encodeRecordBatch({ records: [{ key: 'u1', value: 'hello' }] });
 */
export function encodeRecordBatch(options: EncodeRecordBatchOptions): Buffer {
  const baseTimestamp = options.baseTimestamp ?? Date.now();
  const compression = options.compression ?? 'none';
  const { records } = options;

  const body = compressRecords(compression, encodeRecords(records));
  const batch = Buffer.allocUnsafe(BATCH_HEADER_SIZE + body.length);
  // A loop, not Math.max(...spread): benchmarks build batches with more records than a call takes arguments.
  const maxTimestampDelta = records.length === 0 ? 0 : records.reduce((max, record) => Math.max(max, record.timestampDelta ?? 0), -Infinity);

  writeBaseOffset(batch, options.baseOffset ?? 0);
  batch.writeInt32BE(MIN_BATCH_LENGTH + body.length, BATCH_LENGTH_OFFSET);
  writePartitionLeaderEpoch(batch, options.partitionLeaderEpoch ?? -1);
  batch.writeInt8(RECORD_BATCH_MAGIC, MAGIC_OFFSET);
  batch.writeInt16BE(
    encodeAttributes({ compression, isTransactional: options.transactional, isControl: options.control }),
    ATTRIBUTES_OFFSET,
  );
  batch.writeInt32BE(records.length - 1, LAST_OFFSET_DELTA_OFFSET);
  writeInt64(batch, baseTimestamp, BASE_TIMESTAMP_OFFSET);
  writeInt64(batch, baseTimestamp + maxTimestampDelta, MAX_TIMESTAMP_OFFSET);
  writeInt64(batch, options.producerId ?? -1, PRODUCER_ID_OFFSET);
  batch.writeInt16BE(options.producerEpoch ?? -1, PRODUCER_EPOCH_OFFSET);
  batch.writeInt32BE(options.baseSequence ?? -1, BASE_SEQUENCE_OFFSET);
  batch.writeInt32BE(records.length, RECORD_COUNT_OFFSET);
  body.copy(batch, BATCH_HEADER_SIZE);
  // Last: the CRC covers everything from attributes to the end.
  batch.writeUInt32BE(crc32c(batch.subarray(ATTRIBUTES_OFFSET)), CRC_OFFSET);
  return batch;
}

/** The uncompressed records section: each record is prefixed with its own length. */
function encodeRecords(records: RecordToEncode[]): Buffer {
  const writer = new Writer(1024);
  records.forEach((record, offsetDelta) => {
    const key = toBytes(record.key ?? null);
    const value = toBytes(record.value);
    const headers = (record.headers ?? []).map((header) => ({ key: Buffer.from(header.key), value: toBytes(header.value) }));
    const timestampDelta = record.timestampDelta ?? 0;

    let size = 1 + varlongSize(timestampDelta) + varintSize(offsetDelta) + bytesSize(key) + bytesSize(value);
    size += varintSize(headers.length);
    for (const header of headers) size += bytesSize(header.key) + bytesSize(header.value);

    writer.varint(size).int8(0).varlong(timestampDelta).varint(offsetDelta);
    writeBytes(writer, key);
    writeBytes(writer, value);
    writer.varint(headers.length);
    for (const header of headers) {
      writeBytes(writer, header.key);
      writeBytes(writer, header.value);
    }
  });
  return writer.toBuffer();
}

function toBytes(value: Buffer | string | null): Buffer | null {
  return typeof value === 'string' ? Buffer.from(value) : value;
}

function writeBytes(writer: Writer, bytes: Buffer | null): void {
  if (bytes === null) writer.varint(-1);
  else writer.varint(bytes.length).raw(bytes);
}

function bytesSize(bytes: Buffer | null): number {
  return bytes === null ? varintSize(-1) : varintSize(bytes.length) + bytes.length;
}

/** Bytes a zig-zag varint takes (Protocol Buffers encoding, as Kafka uses). */
function varintSize(value: number): number {
  return varlongSize(value);
}

/** Zig-zag in floating point so that values up to 2^53 stay exact, as Writer.varlong does. */
function varlongSize(value: number): number {
  let rest = value >= 0 ? value * 2 : -value * 2 - 1;
  let size = 1;
  while (rest >= 0x80) {
    rest = Math.floor(rest / 0x80);
    size++;
  }
  return size;
}
