import { ProtocolError } from '../primitives/protocol-error';
import { Reader } from '../primitives/reader';
import { BATCH_HEADER_SIZE, BATCH_LENGTH_PREFIX_SIZE, MIN_BATCH_LENGTH, readBatchHeader, type BatchHeader } from './batch-header';
import { decompressRecords } from './compression';
import { RecordBatchError, RecordBatchErrorCode } from './record-batch-error';

/*
 * Record (magic 2), from "Record" in Kafka's implementation guide (KIP-98, headers KIP-82):
 *
 *   length: varint            bytes after this field
 *   attributes: int8          unused
 *   timestampDelta: varlong
 *   offsetDelta: varint
 *   keyLength: varint         -1 = null
 *   key: byte[]
 *   valueLength: varint       -1 = null
 *   value: byte[]
 *   headersCount: varint
 *   headers: [headerKeyLength: varint, headerKey: utf8, headerValueLength: varint (-1 = null), value: byte[]]
 */

export interface RecordHeader {
  key: string;
  value: Buffer | null;
}

/**
 * One decoded record. Named KafkaRecord, not Record, so that it does not shadow TypeScript's
 * built-in Record<K, V> in files that import it.
 */
export interface KafkaRecord {
  offset: number;
  timestamp: number;
  /** Views of the batch (or of its inflated records): copy them to keep them past the batch. */
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
}

export interface DecodeRecordsOptions {
  /** Refuse compressed batches that inflate past this many bytes (default 64 MiB). */
  maxUncompressedBytes?: number;
}

/**
 * Decodes the records of one whole batch (for instance a BatchView's `bytes`, or a batch read
 * back from the log). It does not check the CRC again: splitBatches did that on the way in.
 * Malformed records throw RecordBatchError, never a bare RangeError.
 *
 * @example for (const record of decodeRecords(batch)) console.log(record.offset, record.value?.toString());
 */
export function decodeRecords(batch: Buffer, options: DecodeRecordsOptions = {}): KafkaRecord[] {
  const header = readBatchHeader(batch);
  const end = BATCH_LENGTH_PREFIX_SIZE + header.batchLength;
  if (header.batchLength < MIN_BATCH_LENGTH || end > batch.length) {
    throw corrupt(`batchLength ${header.batchLength} does not fit the ${batch.length} bytes given`);
  }
  if (header.recordCount < 0) throw corrupt(`negative record count ${header.recordCount}`);

  const section = decompressRecords(header.compression, batch.subarray(BATCH_HEADER_SIZE, end), options.maxUncompressedBytes);
  const reader = new Reader(section);
  const records: KafkaRecord[] = [];
  try {
    for (let i = 0; i < header.recordCount; i++) records.push(readRecord(reader, header));
  } catch (error) {
    if (error instanceof ProtocolError || error instanceof RecordBatchError) {
      throw corrupt(`record ${records.length} of ${header.recordCount} is malformed: ${error.message}`);
    }
    throw error;
  }
  if (reader.remaining !== 0) {
    // Kafka's DefaultRecordBatch iterator: "Incorrect declared batch size, records still remaining".
    throw corrupt(`${reader.remaining} bytes left over after the ${header.recordCount} declared records`);
  }
  return records;
}

function readRecord(reader: Reader, header: BatchHeader): KafkaRecord {
  const length = reader.varint();
  if (length < 0) throw corrupt(`record has negative length ${length}`);
  const start = reader.offset;
  const end = start + length;
  if (end > reader.end) throw corrupt(`record declares ${length} bytes, only ${reader.end - start} left`);

  reader.int8(); // attributes: unused in magic 2
  const timestampDelta = reader.varlong();
  const offsetDelta = reader.varint();
  const key = varintBytes(reader);
  const value = varintBytes(reader);
  const headerCount = reader.varint();
  if (headerCount < 0) throw corrupt(`record has negative header count ${headerCount}`);
  const headers: RecordHeader[] = [];
  for (let i = 0; i < headerCount; i++) {
    const headerKey = varintBytes(reader);
    if (headerKey === null) throw corrupt('record header has a null key');
    headers.push({ key: headerKey.toString('utf8'), value: varintBytes(reader) });
  }
  if (reader.offset !== end) {
    throw corrupt(`record declares ${length} bytes but its fields take ${reader.offset - start}`);
  }

  return {
    offset: header.baseOffset + offsetDelta,
    // With LogAppendTime the broker's clock wins for every record: Kafka's DefaultRecordBatch
    // reports maxTimestamp, which the broker set on append (KIP-32).
    timestamp: header.timestampType === 'log-append' ? header.maxTimestamp : header.baseTimestamp + timestampDelta,
    key,
    value,
    headers,
  };
}

/** A varint length then that many bytes; -1 is null. A view, not a copy. */
function varintBytes(reader: Reader): Buffer | null {
  const length = reader.varint();
  if (length === -1) return null;
  if (length < -1) throw corrupt(`invalid length ${length}`);
  return reader.raw(length);
}

function corrupt(message: string): RecordBatchError {
  return new RecordBatchError(RecordBatchErrorCode.CORRUPT_MESSAGE, message);
}
