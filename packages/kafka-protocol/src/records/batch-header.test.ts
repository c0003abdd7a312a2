import { describe, expect, it } from 'vitest';
import { encodeRecordBatch } from './batch-builder';
import {
  BATCH_HEADER_SIZE,
  CRC_OFFSET,
  PARTITION_LEADER_EPOCH_OFFSET,
  encodeAttributes,
  readBatchHeader,
  writeBaseOffset,
  writePartitionLeaderEpoch,
} from './batch-header';
import { splitBatches } from './batch-splitter';
import { RecordBatchError } from './record-batch-error';

describe('readBatchHeader', () => {
  it('reads every field a producer wrote', () => {
    const batch = encodeRecordBatch({
      baseOffset: 2 ** 40 + 7,
      partitionLeaderEpoch: 3,
      baseTimestamp: 1_700_000_000_000,
      producerId: 2 ** 35,
      producerEpoch: 5,
      baseSequence: 42,
      transactional: true,
      records: [{ value: 'a' }, { value: 'b', timestampDelta: 250 }, { value: 'c', timestampDelta: 90 }],
    });

    expect(readBatchHeader(batch)).toEqual({
      baseOffset: 2 ** 40 + 7,
      batchLength: batch.length - 12,
      partitionLeaderEpoch: 3,
      magic: 2,
      crc: batch.readUInt32BE(CRC_OFFSET),
      attributes: 0x10,
      compression: 'none',
      timestampType: 'create',
      isTransactional: true,
      isControl: false,
      lastOffsetDelta: 2,
      baseTimestamp: 1_700_000_000_000,
      maxTimestamp: 1_700_000_000_250,
      producerId: 2 ** 35,
      producerEpoch: 5,
      baseSequence: 42,
      recordCount: 3,
    });
  });

  it('reads a header that starts part way into a buffer', () => {
    const batch = encodeRecordBatch({ baseOffset: 99, records: [{ value: 'x' }] });
    const padded = Buffer.concat([Buffer.alloc(5, 0xee), batch]);
    expect(readBatchHeader(padded, 5).baseOffset).toBe(99);
  });

  it('reads -1 defaults (no producer id, no leader epoch) as negative numbers', () => {
    const header = readBatchHeader(encodeRecordBatch({ records: [{ value: 'x' }] }));
    expect([header.producerId, header.producerEpoch, header.baseSequence, header.partitionLeaderEpoch]).toEqual([-1, -1, -1, -1]);
  });

  it('decodes every attribute bit', () => {
    const batch = encodeRecordBatch({ records: [{ value: 'x' }] });
    batch.writeInt16BE(encodeAttributes({ compression: 'zstd', timestampType: 'log-append', isControl: true }), 21);
    const header = readBatchHeader(batch);
    expect(header.attributes).toBe(4 | 0x08 | 0x20);
    expect(header.compression).toBe('zstd');
    expect(header.timestampType).toBe('log-append');
    expect(header.isControl).toBe(true);
    expect(header.isTransactional).toBe(false);
  });

  it('refuses an unknown codec id with INVALID_RECORD', () => {
    const batch = encodeRecordBatch({ records: [{ value: 'x' }] });
    batch.writeInt16BE(5, 21);
    expect(() => readBatchHeader(batch)).toThrow(expect.objectContaining({ code: 87, message: expect.stringContaining('codec id 5') }));
  });

  it('refuses fewer than 61 bytes with CORRUPT_MESSAGE', () => {
    const batch = encodeRecordBatch({ records: [{ value: 'x' }] });
    const error = catchError(() => readBatchHeader(batch.subarray(0, BATCH_HEADER_SIZE - 1)));
    expect(error).toBeInstanceOf(RecordBatchError);
    expect(error).toMatchObject({ code: 2, message: expect.stringContaining('needs 61 bytes, only 60 left') });
  });

  it('refuses a magic other than 2 with a message naming magic 2', () => {
    const batch = encodeRecordBatch({ records: [{ value: 'x' }] });
    batch.writeInt8(1, 16);
    expect(() => readBatchHeader(batch)).toThrow(expect.objectContaining({ code: 87, message: expect.stringContaining('only magic 2') }));
  });
});

describe('writing fields in place', () => {
  it('assigns baseOffset and leader epoch without breaking the CRC (they precede the checksummed bytes)', () => {
    const batch = encodeRecordBatch({ records: [{ value: 'x' }, { value: 'y' }] });
    writeBaseOffset(batch, 1_234_567_890_123);
    writePartitionLeaderEpoch(batch, 9);

    const [view] = splitBatches(batch);
    expect(view!.header.baseOffset).toBe(1_234_567_890_123);
    expect(view!.header.partitionLeaderEpoch).toBe(9);
    expect(batch.readInt32BE(PARTITION_LEADER_EPOCH_OFFSET)).toBe(9);
  });

  it('writes into a batch that sits inside a larger buffer', () => {
    const blob = Buffer.concat([encodeRecordBatch({ records: [{ value: 'a' }] }), encodeRecordBatch({ records: [{ value: 'b' }] })]);
    const [, second] = splitBatches(blob);
    writeBaseOffset(blob, 50, second!.bytes.byteOffset - blob.byteOffset);
    expect(splitBatches(blob).map((view) => view.header.baseOffset)).toEqual([0, 50]);
  });
});

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
