import { describe, expect, it } from 'vitest';
import { encodeRecordBatch } from './batch-builder';
import { readBatchHeader } from './batch-header';
import { splitBatches } from './batch-splitter';
import { decodeRecords } from './records';

describe('encodeRecordBatch', () => {
  it('builds a batch that passes validation, with producer defaults of a non-idempotent Java client', () => {
    const before = Date.now();
    const batch = encodeRecordBatch({ records: [{ value: 'hello' }] });
    const [view] = splitBatches(batch);

    expect(view!.header).toMatchObject({
      baseOffset: 0,
      partitionLeaderEpoch: -1,
      producerId: -1,
      producerEpoch: -1,
      baseSequence: -1,
      compression: 'none',
      isTransactional: false,
      isControl: false,
      lastOffsetDelta: 0,
      recordCount: 1,
    });
    expect(view!.header.baseTimestamp).toBeGreaterThanOrEqual(before);
    expect(view!.header.baseTimestamp).toBeLessThanOrEqual(Date.now());
  });

  it('sets maxTimestamp to the latest record, whatever the order', () => {
    const header = readBatchHeader(
      encodeRecordBatch({
        baseTimestamp: 1000,
        records: [
          { value: 'a', timestampDelta: 40 },
          { value: 'b', timestampDelta: 900 },
          { value: 'c', timestampDelta: -5 },
        ],
      }),
    );
    expect([header.baseTimestamp, header.maxTimestamp, header.lastOffsetDelta]).toEqual([1000, 1900, 2]);
  });

  it('sets maxTimestamp below baseTimestamp when every record is older', () => {
    const header = readBatchHeader(encodeRecordBatch({ baseTimestamp: 1000, records: [{ value: 'a', timestampDelta: -20 }, { value: 'b', timestampDelta: -10 }] }));
    expect(header.maxTimestamp).toBe(990);
  });

  it('encodes strings and buffers alike', () => {
    const fromStrings = encodeRecordBatch({ baseTimestamp: 1, records: [{ key: 'k', value: 'v', headers: [{ key: 'h', value: 'x' }] }] });
    const fromBuffers = encodeRecordBatch({
      baseTimestamp: 1,
      records: [{ key: Buffer.from('k'), value: Buffer.from('v'), headers: [{ key: 'h', value: Buffer.from('x') }] }],
    });
    expect(fromStrings.equals(fromBuffers)).toBe(true);
  });

  it('makes gzip batches smaller than plain ones for repetitive data, with the same records inside', () => {
    const records = Array.from({ length: 100 }, (_, i) => ({ key: 'same-key', value: 'same value, again and again', timestampDelta: i }));
    const plain = encodeRecordBatch({ baseTimestamp: 5, records });
    const gzipped = encodeRecordBatch({ baseTimestamp: 5, compression: 'gzip', records });

    expect(gzipped.length).toBeLessThan(plain.length / 5);
    expect(readBatchHeader(gzipped).compression).toBe('gzip');
    expect(decodeRecords(gzipped)).toEqual(decodeRecords(plain));
  });

  it('sets the transactional and control bits when asked', () => {
    const header = readBatchHeader(encodeRecordBatch({ transactional: true, control: true, records: [{ value: null }] }));
    expect([header.isTransactional, header.isControl]).toEqual([true, true]);
  });

  it('builds an empty batch for tests of refusal, which splitBatches then refuses', () => {
    const batch = encodeRecordBatch({ records: [] });
    expect(readBatchHeader(batch)).toMatchObject({ recordCount: 0, lastOffsetDelta: -1, batchLength: 49 });
    expect(() => splitBatches(batch)).toThrow('needs at least one');
  });

  it('keeps varint lengths right around the one-, two- and three-byte boundaries', () => {
    const sizes = [0, 63, 64, 65, 8191, 8192, 8193, 1_048_575, 1_048_576];
    const batch = encodeRecordBatch({ records: sizes.map((size) => ({ value: Buffer.alloc(size, 0x61), timestampDelta: size })) });
    const records = decodeRecords(splitBatches(batch)[0]!.bytes);
    expect(records.map((record) => record.value!.length)).toEqual(sizes);
    expect(records.map((record) => record.timestamp - records[0]!.timestamp)).toEqual(sizes);
  });
});
