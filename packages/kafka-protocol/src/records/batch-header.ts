import { readInt8, readInt16, readInt32, readInt64, readUInt32, writeInt64 } from '../primitives/big-endian';
import { RecordBatchError, RecordBatchErrorCode } from './record-batch-error';

/*
 * Record batch v2 (magic 2) header, from "Record Batch" in Kafka's implementation guide (KIP-98):
 *
 *   baseOffset: int64            offset  0
 *   batchLength: int32           offset  8   bytes after this field, up to the end of the batch
 *   partitionLeaderEpoch: int32  offset 12
 *   magic: int8                  offset 16   read first: it decides how to read the rest
 *   crc: uint32                  offset 17   CRC-32C of attributes .. end of batch
 *   attributes: int16            offset 21
 *   lastOffsetDelta: int32       offset 23
 *   baseTimestamp: int64         offset 27
 *   maxTimestamp: int64          offset 35
 *   producerId: int64            offset 43
 *   producerEpoch: int16         offset 51
 *   baseSequence: int32          offset 53
 *   recordCount: int32           offset 57
 *   records                      offset 61   compressed as one block when a codec is set
 */
export const BASE_OFFSET_OFFSET = 0;
export const BATCH_LENGTH_OFFSET = 8;
export const PARTITION_LEADER_EPOCH_OFFSET = 12;
export const MAGIC_OFFSET = 16;
export const CRC_OFFSET = 17;
export const ATTRIBUTES_OFFSET = 21;
export const LAST_OFFSET_DELTA_OFFSET = 23;
export const BASE_TIMESTAMP_OFFSET = 27;
export const MAX_TIMESTAMP_OFFSET = 35;
export const PRODUCER_ID_OFFSET = 43;
export const PRODUCER_EPOCH_OFFSET = 51;
export const BASE_SEQUENCE_OFFSET = 53;
export const RECORD_COUNT_OFFSET = 57;
export const RECORDS_OFFSET = 61;

/** Size of the header, and so of the smallest possible batch. */
export const BATCH_HEADER_SIZE = RECORDS_OFFSET;
/** baseOffset and batchLength: what precedes the counted bytes (Kafka's LOG_OVERHEAD). */
export const BATCH_LENGTH_PREFIX_SIZE = PARTITION_LEADER_EPOCH_OFFSET;
/** The smallest batchLength a v2 header allows. */
export const MIN_BATCH_LENGTH = BATCH_HEADER_SIZE - BATCH_LENGTH_PREFIX_SIZE;
/** The only record format this codec reads: message sets (magic 0 and 1) predate Kafka 0.11. */
export const RECORD_BATCH_MAGIC = 2;

// attributes bits 0-2: codec; bit 3: timestamp type; bit 4: transactional; bit 5: control batch.
const COMPRESSION_MASK = 0x07;
const TIMESTAMP_TYPE_BIT = 0x08;
const TRANSACTIONAL_BIT = 0x10;
const CONTROL_BIT = 0x20;

/** Codec names by their id in attributes bits 0-2 (zstd since KIP-110). */
export const COMPRESSION_CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type CompressionCodec = (typeof COMPRESSION_CODECS)[number];

/** create: the producer's clock; log-append: the broker's, set on append (KIP-32). */
export type TimestampType = 'create' | 'log-append';

export interface BatchHeader {
  baseOffset: number;
  batchLength: number;
  partitionLeaderEpoch: number;
  magic: number;
  /** Unsigned, as stored. */
  crc: number;
  /** The raw int16; the fields below decode its bits. */
  attributes: number;
  compression: CompressionCodec;
  timestampType: TimestampType;
  isTransactional: boolean;
  isControl: boolean;
  lastOffsetDelta: number;
  baseTimestamp: number;
  maxTimestamp: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  recordCount: number;
}

/** Builds the attributes int16 from its parts, the inverse of what readBatchHeader decodes. */
export function encodeAttributes(parts: {
  compression: CompressionCodec;
  timestampType?: TimestampType;
  isTransactional?: boolean;
  isControl?: boolean;
}): number {
  return (
    COMPRESSION_CODECS.indexOf(parts.compression) |
    (parts.timestampType === 'log-append' ? TIMESTAMP_TYPE_BIT : 0) |
    (parts.isTransactional ? TRANSACTIONAL_BIT : 0) |
    (parts.isControl ? CONTROL_BIT : 0)
  );
}

/**
 * Reads the 61-byte header of the batch that starts at `offset`. It checks only what it must to
 * give meaningful fields (enough bytes, magic 2, a known codec); the CRC and lengths are
 * splitBatches' job, so a stored, already-validated batch can be read without checksumming again.
 *
 * @example const { baseOffset, recordCount } = readBatchHeader(batch);
 */
export function readBatchHeader(buf: Buffer, offset = 0): BatchHeader {
  if (buf.length - offset < BATCH_HEADER_SIZE) {
    throw new RecordBatchError(
      RecordBatchErrorCode.CORRUPT_MESSAGE,
      `record batch header needs ${BATCH_HEADER_SIZE} bytes, only ${Math.max(0, buf.length - offset)} left`,
    );
  }
  const magic = readInt8(buf, offset + MAGIC_OFFSET);
  assertMagic(magic);
  const attributes = readInt16(buf, offset + ATTRIBUTES_OFFSET);
  return {
    baseOffset: readInt64(buf, offset + BASE_OFFSET_OFFSET),
    batchLength: readInt32(buf, offset + BATCH_LENGTH_OFFSET),
    partitionLeaderEpoch: readInt32(buf, offset + PARTITION_LEADER_EPOCH_OFFSET),
    magic,
    crc: readUInt32(buf, offset + CRC_OFFSET),
    attributes,
    compression: compressionOf(attributes),
    timestampType: attributes & TIMESTAMP_TYPE_BIT ? 'log-append' : 'create',
    isTransactional: (attributes & TRANSACTIONAL_BIT) !== 0,
    isControl: (attributes & CONTROL_BIT) !== 0,
    lastOffsetDelta: readInt32(buf, offset + LAST_OFFSET_DELTA_OFFSET),
    baseTimestamp: readInt64(buf, offset + BASE_TIMESTAMP_OFFSET),
    maxTimestamp: readInt64(buf, offset + MAX_TIMESTAMP_OFFSET),
    producerId: readInt64(buf, offset + PRODUCER_ID_OFFSET),
    producerEpoch: readInt16(buf, offset + PRODUCER_EPOCH_OFFSET),
    baseSequence: readInt32(buf, offset + BASE_SEQUENCE_OFFSET),
    recordCount: readInt32(buf, offset + RECORD_COUNT_OFFSET),
  };
}

/**
 * Assigns the batch's first offset in place. The CRC starts at attributes, so it stays valid:
 * this is how Kafka appends without re-encoding (KIP-98).
 */
export function writeBaseOffset(batch: Buffer, baseOffset: number, offset = 0): void {
  writeInt64(batch, baseOffset, offset + BASE_OFFSET_OFFSET);
}

/** Stamps the leader epoch in place; like baseOffset it sits before the CRC-covered bytes. */
export function writePartitionLeaderEpoch(batch: Buffer, epoch: number, offset = 0): void {
  batch.writeInt32BE(epoch, offset + PARTITION_LEADER_EPOCH_OFFSET);
}

export function assertMagic(magic: number): void {
  if (magic !== RECORD_BATCH_MAGIC) {
    // Kafka's ProduceRequest.validateRecords: Produce v3+ may only carry magic 2.
    throw new RecordBatchError(
      RecordBatchErrorCode.INVALID_RECORD,
      `record batch has magic ${magic}; only magic 2 (Kafka 0.11+ record batches) is supported`,
    );
  }
}

function compressionOf(attributes: number): CompressionCodec {
  const id = attributes & COMPRESSION_MASK;
  const codec = COMPRESSION_CODECS[id];
  if (codec === undefined) {
    throw new RecordBatchError(RecordBatchErrorCode.INVALID_RECORD, `record batch names unknown compression codec id ${id}`);
  }
  return codec;
}
