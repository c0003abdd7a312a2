import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeRecordBatch } from './batch-builder';
import { ATTRIBUTES_OFFSET, BATCH_HEADER_SIZE, CRC_OFFSET, MAX_TIMESTAMP_OFFSET, encodeAttributes, writeBaseOffset } from './batch-header';
import { splitBatches } from './batch-splitter';
import { crc32c } from './crc32c';
import { writeInt64 } from '../primitives/big-endian';
import { RecordBatchError } from './record-batch-error';
import { decodeRecords } from './records';

const BASE_TIMESTAMP = 1_700_000_000_000;

/** Replaces the records section (and fixes length and CRC), to feed decodeRecords bytes a producer got wrong. */
function withRecordsSection(batch: Buffer, section: Buffer, attributes?: number): Buffer {
  const rebuilt = Buffer.concat([batch.subarray(0, BATCH_HEADER_SIZE), section]);
  rebuilt.writeInt32BE(rebuilt.length - 12, 8);
  if (attributes !== undefined) rebuilt.writeInt16BE(attributes, ATTRIBUTES_OFFSET);
  rebuilt.writeUInt32BE(crc32c(rebuilt.subarray(ATTRIBUTES_OFFSET)), CRC_OFFSET);
  return rebuilt;
}

function decodeError(batch: Buffer, options?: { maxUncompressedBytes?: number }): RecordBatchError {
  try {
    decodeRecords(batch, options);
  } catch (error) {
    if (error instanceof RecordBatchError) return error;
    throw error;
  }
  throw new Error('decodeRecords accepted the batch');
}

describe('decodeRecords', () => {
  it('round-trips keys, values, headers and timestamps through build, split and decode', () => {
    const blob = encodeRecordBatch({
      baseOffset: 100,
      baseTimestamp: BASE_TIMESTAMP,
      records: [
        { key: 'user-1', value: 'clicked', headers: [{ key: 'trace', value: 'abc' }], timestampDelta: 0 },
        { key: Buffer.from([0, 1, 2]), value: Buffer.from([0xff, 0xfe]), timestampDelta: 15 },
        { value: 'no key', headers: [{ key: 'a', value: null }, { key: 'a', value: '' }] },
      ],
    });

    const [view] = splitBatches(blob);
    const records = decodeRecords(view!.bytes);

    expect(records).toEqual([
      {
        offset: 100,
        timestamp: BASE_TIMESTAMP,
        key: Buffer.from('user-1'),
        value: Buffer.from('clicked'),
        headers: [{ key: 'trace', value: Buffer.from('abc') }],
      },
      { offset: 101, timestamp: BASE_TIMESTAMP + 15, key: Buffer.from([0, 1, 2]), value: Buffer.from([0xff, 0xfe]), headers: [] },
      {
        offset: 102,
        timestamp: BASE_TIMESTAMP,
        key: null,
        value: Buffer.from('no key'),
        headers: [
          { key: 'a', value: null },
          { key: 'a', value: Buffer.alloc(0) },
        ],
      },
    ]);
  });

  it('tells a null value (a tombstone) from an empty one', () => {
    const records = decodeRecords(encodeRecordBatch({ records: [{ key: 'k', value: null }, { key: 'k', value: '' }] }));
    expect(records.map((record) => record.value)).toEqual([null, Buffer.alloc(0)]);
  });

  it('keeps UTF-8 text and large values intact', () => {
    const big = Buffer.alloc(300_000, 'z');
    const records = decodeRecords(
      encodeRecordBatch({ records: [{ key: 'clé 🔑', value: big, headers: [{ key: 'ünïcode', value: '✓' }] }] }),
    );
    expect(records[0]!.key!.toString()).toBe('clé 🔑');
    expect(records[0]!.value!.equals(big)).toBe(true);
    expect(records[0]!.headers).toEqual([{ key: 'ünïcode', value: Buffer.from('✓') }]);
  });

  it('reads negative timestamp deltas (records produced out of time order)', () => {
    const records = decodeRecords(
      encodeRecordBatch({ baseTimestamp: BASE_TIMESTAMP, records: [{ value: 'a', timestampDelta: 5000 }, { value: 'b', timestampDelta: -3 }] }),
    );
    expect(records.map((record) => record.timestamp)).toEqual([BASE_TIMESTAMP + 5000, BASE_TIMESTAMP - 3]);
  });

  it('offsets records from the baseOffset the broker assigned in place', () => {
    const batch = encodeRecordBatch({ records: [{ value: 'a' }, { value: 'b' }] });
    writeBaseOffset(batch, 2 ** 45);
    expect(decodeRecords(batch).map((record) => record.offset)).toEqual([2 ** 45, 2 ** 45 + 1]);
  });

  it('gives every record the batch maxTimestamp under LogAppendTime', () => {
    const batch = encodeRecordBatch({ baseTimestamp: BASE_TIMESTAMP, records: [{ value: 'a' }, { value: 'b', timestampDelta: 10 }] });
    batch.writeInt16BE(encodeAttributes({ compression: 'none', timestampType: 'log-append' }), ATTRIBUTES_OFFSET);
    const appendedAt = BASE_TIMESTAMP + 60_000; // the broker's clock, not the producer's
    writeInt64(batch, appendedAt, MAX_TIMESTAMP_OFFSET);
    expect(decodeRecords(batch).map((record) => record.timestamp)).toEqual([appendedAt, appendedAt]);
  });

  it('decodes gzip batches', () => {
    const records = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: `value number ${i}`, timestampDelta: i }));
    const batch = encodeRecordBatch({ compression: 'gzip', baseOffset: 7, baseTimestamp: BASE_TIMESTAMP, records });

    const decoded = decodeRecords(splitBatches(batch)[0]!.bytes);

    expect(decoded).toHaveLength(50);
    expect(decoded[49]).toEqual({ offset: 56, timestamp: BASE_TIMESTAMP + 49, key: Buffer.from('k49'), value: Buffer.from('value number 49'), headers: [] });
  });

  it('refuses gzip data that is not gzip, with CORRUPT_MESSAGE', () => {
    const batch = encodeRecordBatch({ compression: 'gzip', records: [{ value: 'a' }] });
    const broken = withRecordsSection(batch, Buffer.from('definitely not gzip'));
    expect(decodeError(broken)).toMatchObject({ code: 2, message: expect.stringContaining('gzip records cannot be decompressed') });
  });

  it('refuses a gzip bomb instead of inflating it', () => {
    const batch = encodeRecordBatch({ compression: 'gzip', records: [{ value: 'a' }] });
    const bomb = withRecordsSection(batch, gzipSync(Buffer.alloc(10_000_000)));
    expect(bomb.length).toBeLessThan(20_000);
    expect(decodeError(bomb, { maxUncompressedBytes: 1_000_000 }).message).toContain('inflates past 1000000 bytes');
  });

  it.each(['snappy', 'lz4', 'zstd'] as const)('refuses %s with an error naming the codec', (codec) => {
    const batch = encodeRecordBatch({ records: [{ value: 'a' }] });
    batch.writeInt16BE(encodeAttributes({ compression: codec }), ATTRIBUTES_OFFSET);
    expect(decodeError(batch).message).toBe(`records compressed with ${codec} cannot be decoded: only gzip is supported (Node 20 has no ${codec} codec)`);
  });

  it('refuses records that run past the end of the batch', () => {
    const batch = encodeRecordBatch({ records: [{ value: 'hello' }, { value: 'world' }] });
    const cut = withRecordsSection(batch, batch.subarray(BATCH_HEADER_SIZE, batch.length - 3));
    expect(decodeError(cut)).toMatchObject({ code: 2, message: expect.stringContaining('record 1 of 2 is malformed') });
  });

  it('refuses bytes left over after the declared records', () => {
    const batch = encodeRecordBatch({ records: [{ value: 'hello' }] });
    const padded = withRecordsSection(batch, Buffer.concat([batch.subarray(BATCH_HEADER_SIZE), Buffer.from([0, 0])]));
    expect(decodeError(padded).message).toBe('2 bytes left over after the 1 declared records');
  });

  it('refuses a record whose length disagrees with its fields', () => {
    const batch = encodeRecordBatch({ records: [{ value: 'hello' }, { value: 'world' }] });
    const section = Buffer.from(batch.subarray(BATCH_HEADER_SIZE));
    section[0] = section[0]! + 2; // zig-zag: the first record now claims one more byte
    expect(decodeError(withRecordsSection(batch, section)).message).toMatch(/record 0 of 2 is malformed: record declares \d+ bytes but its fields take \d+/);
  });

  it('refuses a header with a null key', () => {
    // length, attributes, timestampDelta 0, offsetDelta 0, key null, value null, 1 header: key null, value null.
    const record = Buffer.from([0, 0, 0, 0, 1, 1, 2, 1, 1]);
    record[0] = (record.length - 1) * 2;
    const batch = withRecordsSection(encodeRecordBatch({ records: [{ value: 'x' }] }), record);
    expect(decodeError(batch).message).toContain('record header has a null key');
  });

  it('refuses a header section too short for the batch header', () => {
    expect(decodeError(Buffer.alloc(30)).code).toBe(2);
  });

  it('survives random damage to the records section with RecordBatchError only', () => {
    const batch = encodeRecordBatch({
      records: [
        { key: 'a', value: 'first', headers: [{ key: 'h', value: 'v' }] },
        { key: 'b', value: 'second' },
      ],
    });
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 500; round++) {
      const section = Buffer.from(batch.subarray(BATCH_HEADER_SIZE));
      section[Math.floor(random() * section.length)] = Math.floor(random() * 256);
      const damaged = withRecordsSection(batch, section);
      try {
        decodeRecords(damaged);
      } catch (error) {
        expect(error).toBeInstanceOf(RecordBatchError);
      }
    }
  });
});
