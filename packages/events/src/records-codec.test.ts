import { describe, expect, it } from 'vitest';
import { limits } from './limits';
import { RecordsBatchWriter, decodeRecordsBatch, encodeRecordsBatch, readRecordsBatchIndex, recordsBatchIndexSchema } from './records-codec';
import type { RecordView } from './views';

const record = (partition: number, offset: number, extra: Partial<RecordView> = {}): RecordView => ({
  topic: 'orders',
  partition,
  offset,
  key: `k${offset}`,
  value: `value ${offset}`,
  valueBytes: 7 + String(offset).length,
  timestamp: 1_795_000_000_000 + offset,
  headers: {},
  ...extra,
});

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('records:batch codec', () => {
  it('gives back every record as it was, in order, across partitions and topics', () => {
    const records = [
      record(2, 40),
      record(2, 41, { key: null, value: '', valueBytes: 0 }),
      record(2, 45, { headers: { trace: 'a' }, producer: 'panel' }),
      record(0, 7, { value: 'héllo ✓ 🚀', valueBytes: 15 }),
      record(0, 8, { topic: 'payments' }),
      record(2, 46, { producer: 'kcat', timestamp: 5 }),
    ];

    expect(decodeRecordsBatch(encodeRecordsBatch({ records })).records).toEqual(records);
  });

  it('indexes runs of one partition column by column, offsets and timestamps as differences, headers and producers only where some record has them', () => {
    const records = [record(1, 10), record(1, 11, { headers: { h: 'x' } }), record(1, 12), record(3, 0, { producer: 'load' }), record(3, 1)];

    const { index } = readRecordsBatchIndex(encodeRecordsBatch({ records }));

    expect(recordsBatchIndexSchema.parse(index).runs).toEqual([
      { topic: 'orders', partition: 1, firstOffset: 10, offsetDeltas: [0, 1, 2], firstTimestamp: 1_795_000_000_010, timestampDeltas: [0, 1, 2], valueBytes: [9, 9, 9], keyLengths: [3, 3, 3], valueLengths: [8, 8, 8], headers: [{}, { h: 'x' }, {}] },
      { topic: 'orders', partition: 3, firstOffset: 0, offsetDeltas: [0, 1], firstTimestamp: 1_795_000_000_000, timestampDeltas: [0, 1], valueBytes: [8, 8], keyLengths: [2, 2], valueLengths: [7, 7], producers: ['load', null] },
    ]);
  });

  it('is at least a quarter smaller than one JSON object per record, for 200-byte values', () => {
    // As a flush of a 12-partition topic arrives: a run of each partition in turn.
    const records = Array.from({ length: 1200 }, (_, i) => record(Math.floor(i / 100), i, { key: null, value: 'x'.repeat(200), valueBytes: 200 }));

    const batch = encodeRecordsBatch({ records }).length;
    const objects = JSON.stringify({ records }).length;

    expect(batch / objects).toBeLessThan(0.75);
  });

  it('decodes an empty batch to no records', () => {
    expect(decodeRecordsBatch(encodeRecordsBatch({ records: [] })).records).toEqual([]);
  });

  it('sends keys and values as the bytes given, cut to the preview, and shows them as UTF-8 text', () => {
    const writer = new RecordsBatchWriter();
    writer.beginRun('orders', 0);
    const long = utf8('é'.repeat(200)); // 400 bytes, of which the preview is the first 256.
    writer.add(0, 1, utf8('k'), long);
    writer.add(1, 2, null, null);
    writer.add(2, 3, utf8('quote " backslash \\ tab \t'), utf8('line\nbreak\u0000nul'));
    writer.add(3, 4, bytes(0xef, 0xbb, 0xbf, 0x41), bytes(0xff, 0x41, 0xe2, 0x82)); // a byte order mark; bytes that are not UTF-8
    writer.add(4, 5, bytes(0x41, 0xe2), bytes(0x82, 0xac)); // a character split between key and value stays split
    writer.add(5, 6, new Uint8Array(limits.maxKeyBytes + 10).fill(0x6b), new Uint8Array(0));

    const records = decodeRecordsBatch(writer.finish()).records;

    expect(records.map(({ key, value, valueBytes }) => ({ key, value, valueBytes }))).toEqual([
      { key: 'k', value: `${'é'.repeat(128)}`, valueBytes: 400 },
      { key: null, value: '', valueBytes: 0 },
      { key: 'quote " backslash \\ tab \t', value: 'line\nbreak\u0000nul', valueBytes: 14 },
      { key: '\ufeffA', value: '\ufffdA\ufffd', valueBytes: 4 },
      { key: 'A\ufffd', value: '\ufffd\ufffd', valueBytes: 2 },
      { key: 'k'.repeat(limits.maxKeyBytes), value: '', valueBytes: 0 },
    ]);
    expect(records.map((r) => [r.offset, r.timestamp])).toEqual([[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6]]);
  });

  it('cuts a preview mid-character the way the gateway shows it', () => {
    const writer = new RecordsBatchWriter();
    writer.beginRun('orders', 0);
    const value = utf8(`${'a'.repeat(limits.valuePreviewBytes - 1)}é`);
    writer.add(0, 0, null, value);

    expect(decodeRecordsBatch(writer.finish()).records[0]!.value).toBe(Buffer.from(value).toString('utf8', 0, limits.valuePreviewBytes));
  });

  it('refuses a batch whose index does not add up, saying what is wrong', () => {
    const good = encodeRecordsBatch({ records: [record(0, 1)] });
    expect(() => decodeRecordsBatch(good.subarray(0, 3))).toThrow(/too short to hold its index's length/);
    const lying = good.slice();
    new DataView(lying.buffer).setUint32(lying.length - 4, lying.length, true);
    expect(() => decodeRecordsBatch(lying)).toThrow(/says its index is/);
    const extraText = new Uint8Array(good.length + 1);
    extraText.set(good, 1);
    expect(() => decodeRecordsBatch(extraText)).toThrow(/accounts for 9 bytes of text, but it holds 10/);
  });

  it('needs a run before records', () => {
    expect(() => new RecordsBatchWriter().add(0, 0, null, null)).toThrow(/beginRun/);
  });
});
