import { describe, expect, it } from 'vitest';
import { decodeRecordsBatch, encodeRecordsBatch, recordsBatchText, recordsBatchWireSchema } from './records-codec';
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

describe('records:batch codec', () => {
  it('gives back every record as it was, in order, across partitions and topics', () => {
    const records = [
      record(2, 40),
      record(2, 41, { key: null, value: '', valueBytes: 0 }),
      record(2, 45, { headers: { trace: 'a' }, producer: 'panel' }),
      record(0, 7, { value: 'héllo ✓ 🚀', valueBytes: 15 }),
      record(0, 8, { topic: 'payments' }),
      record(2, 46, { producer: 'kcat' }),
    ];

    expect(decodeRecordsBatch(encodeRecordsBatch({ records })).records).toEqual(records);
  });

  it('sends topic and partition once per run of one partition, and headers and producers only where some record has them', () => {
    const records = [record(1, 10), record(1, 11, { headers: { h: 'x' } }), record(1, 12), record(3, 0, { producer: 'load' }), record(3, 1)];

    const wire = recordsBatchWireSchema.parse(JSON.parse(recordsBatchText(records)));

    expect(wire.runs).toEqual([
      { topic: 'orders', partition: 1, offsets: [10, 11, 12], keys: ['k10', 'k11', 'k12'], values: ['value 10', 'value 11', 'value 12'], valueBytes: [9, 9, 9], timestamps: [1_795_000_000_010, 1_795_000_000_011, 1_795_000_000_012], headers: [{}, { h: 'x' }, {}] },
      { topic: 'orders', partition: 3, offsets: [0, 1], keys: ['k0', 'k1'], values: ['value 0', 'value 1'], valueBytes: [8, 8], timestamps: [1_795_000_000_000, 1_795_000_000_001], producers: ['load', null] },
    ]);
  });

  it('is at least a quarter smaller than one JSON object per record, for 200-byte values', () => {
    // As a flush of a 12-partition topic arrives: a run of each partition in turn.
    const records = Array.from({ length: 1200 }, (_, i) => record(Math.floor(i / 100), i, { key: null, value: 'x'.repeat(200), valueBytes: 200 }));

    const columns = recordsBatchText(records).length;
    const objects = JSON.stringify({ records }).length;

    expect(columns / objects).toBeLessThan(0.75);
  });

  it('decodes an empty batch to no records', () => {
    expect(decodeRecordsBatch(encodeRecordsBatch({ records: [] })).records).toEqual([]);
  });
});
