import {
  ATTRIBUTES_OFFSET,
  BATCH_LENGTH_OFFSET,
  BATCH_LENGTH_PREFIX_SIZE,
  CRC_OFFSET,
  MAGIC_OFFSET,
  MIN_BATCH_LENGTH,
  assertMagic,
  readBatchHeader,
  type BatchHeader,
} from './batch-header';
import { crc32c } from './crc32c';
import { readInt8, readInt32, readUInt32 } from '../primitives/big-endian';
import { RecordBatchError, RecordBatchErrorCode } from './record-batch-error';

/** One validated batch: its header, and its bytes as a view of the blob it came from (no copy). */
export interface BatchView {
  header: BatchHeader;
  bytes: Buffer;
}

/**
 * Splits a Produce request's records blob into its batches and validates each one the way
 * Kafka does before appending: enough bytes, a sane batchLength, magic 2, a matching CRC-32C,
 * and a record count that agrees with lastOffsetDelta (LogValidator.validateBatch). It reads
 * headers only: records are neither decoded nor decompressed, and no byte is copied, because the
 * broker runs this on every produced blob. Throws RecordBatchError, whose `code` is the Kafka
 * error code to answer with.
 *
 * An empty blob gives no batches. Kafka also insists on exactly one batch per partition in
 * Produce v3+; that is a request rule, so it is left to the caller.
 *
 * @example for (const { header, bytes } of splitBatches(partitionData.records)) log.append(bytes);
 */
export function splitBatches(records: Buffer): BatchView[] {
  const batches: BatchView[] = [];
  let position = 0;
  while (position < records.length) {
    const size = checkedBatchSize(records, position);
    // Produce carries one batch per partition, so the batch is most often the whole blob.
    const bytes = position === 0 && size === records.length ? records : records.subarray(position, position + size);
    const header = readBatchHeader(bytes);
    checkRecordCount(header, position);
    batches.push({ header, bytes });
    position += size;
  }
  return batches;
}

/** Validates framing and CRC of the batch at `position`; returns its total size in bytes. */
function checkedBatchSize(records: Buffer, position: number): number {
  const left = records.length - position;
  // Magic first: it decides what the bytes before it mean (legacy message sets put their
  // magic at the same offset 16, so this gives them a clear error rather than a bogus length).
  if (left <= MAGIC_OFFSET) {
    throw corrupt(`record batch at byte ${position} is truncated: ${left} bytes, too few to hold a header`);
  }
  assertMagic(readInt8(records, position + MAGIC_OFFSET));

  const batchLength = readInt32(records, position + BATCH_LENGTH_OFFSET);
  if (batchLength < MIN_BATCH_LENGTH) {
    throw corrupt(
      `record batch at byte ${position} declares batchLength ${batchLength}, less than the ${MIN_BATCH_LENGTH} its header needs`,
    );
  }
  const size = BATCH_LENGTH_PREFIX_SIZE + batchLength;
  if (size > left) {
    throw corrupt(`record batch at byte ${position} is truncated: declares ${size} bytes, only ${left} present`);
  }

  const stored = readUInt32(records, position + CRC_OFFSET);
  const computed = crc32c(records.subarray(position + ATTRIBUTES_OFFSET, position + size));
  if (stored !== computed) {
    throw corrupt(
      `record batch at byte ${position} fails its CRC-32C check (stored ${hex(stored)}, computed ${hex(computed)}): ` +
        'the bytes were damaged on the way',
    );
  }
  return size;
}

/** LogValidator.validateBatch: offsets must span exactly the declared number of records. */
function checkRecordCount(header: BatchHeader, position: number): void {
  if (header.recordCount <= 0) {
    throw invalid(`record batch at byte ${position} declares ${header.recordCount} records; a produced batch needs at least one`);
  }
  if (header.lastOffsetDelta + 1 !== header.recordCount) {
    throw invalid(
      `record batch at byte ${position} declares ${header.recordCount} records but lastOffsetDelta ${header.lastOffsetDelta} ` +
        `spans ${header.lastOffsetDelta + 1} offsets`,
    );
  }
}

function corrupt(message: string): RecordBatchError {
  return new RecordBatchError(RecordBatchErrorCode.CORRUPT_MESSAGE, message);
}

function invalid(message: string): RecordBatchError {
  return new RecordBatchError(RecordBatchErrorCode.INVALID_RECORD, message);
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}
