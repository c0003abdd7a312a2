// Record batch v2 (magic 2): split and validate produced blobs, decode records, build batches.
export { crc32c, crc32cImplementation } from './crc32c';
export { RecordBatchError, RecordBatchErrorCode } from './record-batch-error';
export {
  ATTRIBUTES_OFFSET,
  BASE_OFFSET_OFFSET,
  BASE_SEQUENCE_OFFSET,
  BASE_TIMESTAMP_OFFSET,
  BATCH_HEADER_SIZE,
  BATCH_LENGTH_OFFSET,
  BATCH_LENGTH_PREFIX_SIZE,
  COMPRESSION_CODECS,
  CRC_OFFSET,
  LAST_OFFSET_DELTA_OFFSET,
  MAGIC_OFFSET,
  MAX_TIMESTAMP_OFFSET,
  MIN_BATCH_LENGTH,
  PARTITION_LEADER_EPOCH_OFFSET,
  PRODUCER_EPOCH_OFFSET,
  PRODUCER_ID_OFFSET,
  RECORD_BATCH_MAGIC,
  RECORD_COUNT_OFFSET,
  RECORDS_OFFSET,
  encodeAttributes,
  readBatchHeader,
  writeBaseOffset,
  writePartitionLeaderEpoch,
  type BatchHeader,
  type CompressionCodec,
  type TimestampType,
} from './batch-header';
export { splitBatches, type BatchView } from './batch-splitter';
export { decodeRecords, type DecodeRecordsOptions, type KafkaRecord, type RecordHeader } from './records';
export { DEFAULT_MAX_UNCOMPRESSED_BYTES } from './compression';
export { encodeRecordBatch, type EncodeRecordBatchOptions, type RecordToEncode } from './batch-builder';
