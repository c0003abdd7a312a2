import { describe, expect, it } from 'vitest';
import { encodeRecordBatch } from './batch-builder';
import { ATTRIBUTES_OFFSET, CRC_OFFSET, LAST_OFFSET_DELTA_OFFSET, RECORD_COUNT_OFFSET } from './batch-header';
import { splitBatches } from './batch-splitter';
import { crc32c } from './crc32c';
import { RecordBatchError } from './record-batch-error';

const CORRUPT_MESSAGE = 2;
const INVALID_RECORD = 87;

function batchOf(...values: string[]): Buffer {
  return encodeRecordBatch({ baseTimestamp: 1_700_000_000_000, records: values.map((value) => ({ value })) });
}

/** Rewrites the CRC after a deliberate edit, so that a test reaches the check after it. */
function resealed(batch: Buffer): Buffer {
  batch.writeUInt32BE(crc32c(batch.subarray(ATTRIBUTES_OFFSET)), CRC_OFFSET);
  return batch;
}

function splitError(blob: Buffer): RecordBatchError {
  try {
    splitBatches(blob);
  } catch (error) {
    if (error instanceof RecordBatchError) return error;
    throw error;
  }
  throw new Error('splitBatches accepted the blob');
}

describe('splitBatches', () => {
  it('returns one view per batch, in order, for a blob of several batches', () => {
    const first = batchOf('a', 'b');
    const second = batchOf('c');
    const third = batchOf('d', 'e', 'f');

    const views = splitBatches(Buffer.concat([first, second, third]));

    expect(views.map((view) => view.header.recordCount)).toEqual([2, 1, 3]);
    expect(views.map((view) => view.bytes)).toEqual([first, second, third]);
  });

  it('gives views of the blob, not copies, so writing baseOffset edits the received bytes', () => {
    const blob = Buffer.concat([batchOf('a'), batchOf('b')]);
    const [, second] = splitBatches(blob);

    expect(second!.bytes.buffer).toBe(blob.buffer);
    second!.bytes.writeInt32BE(77, 4);
    expect(splitBatches(blob)[1]!.header.baseOffset).toBe(77);
  });

  it('returns no batches for an empty blob', () => {
    expect(splitBatches(Buffer.alloc(0))).toEqual([]);
  });

  it('accepts compressed batches without inflating them', () => {
    const batch = encodeRecordBatch({ compression: 'gzip', records: [{ value: 'x'.repeat(1000) }] });
    const [view] = splitBatches(batch);
    expect(view!.header.compression).toBe('gzip');
    expect(view!.bytes.length).toBeLessThan(200);
  });

  it('catches any single flipped byte in the checksummed part with CORRUPT_MESSAGE', () => {
    const batch = batchOf('hello', 'world');
    for (let at = ATTRIBUTES_OFFSET; at < batch.length; at++) {
      const damaged = Buffer.from(batch);
      damaged[at]! ^= 0x40;
      const error = splitError(damaged);
      expect(error.code, `byte ${at}`).toBe(CORRUPT_MESSAGE);
    }
  });

  it('says the CRC failed, with both checksums', () => {
    const damaged = batchOf('hello');
    damaged[damaged.length - 1]! ^= 0xff;
    expect(splitError(damaged).message).toMatch(/fails its CRC-32C check \(stored 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}\)/);
  });

  it('names the failing batch by its position in the blob', () => {
    const first = batchOf('a');
    const second = batchOf('b');
    second[second.length - 1]! ^= 0xff;
    expect(splitError(Buffer.concat([first, second])).message).toContain(`at byte ${first.length}`);
  });

  it('refuses a batch cut short, wherever the cut falls', () => {
    const batch = batchOf('hello', 'world');
    for (let length = 1; length < batch.length; length++) {
      const error = splitError(batch.subarray(0, length));
      expect(error.code, `cut at ${length}`).toBe(CORRUPT_MESSAGE);
      expect(error.message, `cut at ${length}`).toContain('truncated');
    }
  });

  it('refuses a trailing fragment after a good batch', () => {
    const blob = Buffer.concat([batchOf('a'), batchOf('b').subarray(0, 30)]);
    expect(splitError(blob).code).toBe(CORRUPT_MESSAGE);
  });

  it('refuses a batchLength too small for the header', () => {
    const batch = batchOf('a');
    batch.writeInt32BE(48, 8);
    expect(splitError(batch)).toMatchObject({ code: CORRUPT_MESSAGE, message: expect.stringContaining('batchLength 48') });
    batch.writeInt32BE(-1, 8);
    expect(splitError(batch).code).toBe(CORRUPT_MESSAGE);
  });

  it('refuses a batchLength that runs past the blob', () => {
    const batch = batchOf('a');
    batch.writeInt32BE(0x7fffffff, 8);
    expect(splitError(batch)).toMatchObject({ code: CORRUPT_MESSAGE, message: expect.stringContaining('truncated') });
  });

  it('refuses a legacy message set (magic 1) with a message saying only magic 2 is supported', () => {
    // MessageSet v1: offset int64, message_size int32, crc int32, magic int8 = 1, attributes, timestamp, key, value.
    const legacy = Buffer.alloc(34);
    legacy.writeInt32BE(22, 8);
    legacy.writeInt8(1, 16);
    legacy.writeInt32BE(-1, 26);
    legacy.writeInt32BE(0, 30);
    const error = splitError(legacy);
    expect(error.code).toBe(INVALID_RECORD);
    expect(error.message).toBe('record batch has magic 1; only magic 2 (Kafka 0.11+ record batches) is supported');
  });

  it('refuses magic 0 and unknown future magics the same way', () => {
    for (const magic of [0, 3, -1]) {
      const batch = batchOf('a');
      batch.writeInt8(magic, 16);
      expect(splitError(batch), `magic ${magic}`).toMatchObject({ code: INVALID_RECORD });
    }
  });

  it('refuses a record count that disagrees with lastOffsetDelta, with INVALID_RECORD', () => {
    const batch = batchOf('a', 'b', 'c');
    batch.writeInt32BE(5, LAST_OFFSET_DELTA_OFFSET);
    expect(splitError(resealed(batch))).toMatchObject({
      code: INVALID_RECORD,
      message: expect.stringContaining('declares 3 records but lastOffsetDelta 5 spans 6 offsets'),
    });
  });

  it('refuses an empty batch, as Kafka does on produce', () => {
    const empty = encodeRecordBatch({ records: [] });
    expect(splitError(empty)).toMatchObject({ code: INVALID_RECORD, message: expect.stringContaining('at least one') });
  });

  it('refuses a negative record count', () => {
    const batch = batchOf('a');
    batch.writeInt32BE(-1, RECORD_COUNT_OFFSET);
    batch.writeInt32BE(-2, LAST_OFFSET_DELTA_OFFSET);
    expect(splitError(resealed(batch)).code).toBe(INVALID_RECORD);
  });

  it('refuses garbage of every length without throwing anything but RecordBatchError', () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 500; round++) {
      const garbage = Buffer.from(Array.from({ length: Math.floor(random() * 120) + 1 }, () => Math.floor(random() * 256)));
      if (random() < 0.5 && garbage.length > 16) garbage[16] = 2; // get past the magic check half the time
      expect(() => splitBatches(garbage)).toThrow(RecordBatchError);
    }
  });
});
