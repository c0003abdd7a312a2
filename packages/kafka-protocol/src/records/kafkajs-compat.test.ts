import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { encodeRecordBatch, type RecordToEncode } from './batch-builder';
import { splitBatches } from './batch-splitter';
import { decodeRecords } from './records';

/*
 * Golden checks against kafkajs 2.2.4, the client the Lanes gateway uses: its own record batch
 * encoder (what its producer puts in Produce v3+) and decoder (what its consumer reads from Fetch).
 * These are kafkajs internals, CommonJS and untyped, hence createRequire and the narrow types below.
 */
const require = createRequire(import.meta.url);

type KafkajsHeaders = Record<string, string | Buffer | (string | Buffer)[]>;
interface KafkajsRecordInput {
  offsetDelta: number;
  timestampDelta: number;
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers?: KafkajsHeaders;
}
interface KafkajsEncoder {
  buffer: Buffer;
}
interface KafkajsDecodedBatch {
  firstOffset: string;
  records: { offset: string; timestamp: string; key: Buffer | null; value: Buffer | null; headers: Record<string, Buffer | Buffer[]> }[];
}

const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0') as {
  RecordBatch: (options: {
    compression?: number;
    firstTimestamp: number;
    maxTimestamp: number;
    lastOffsetDelta: number;
    transactional?: boolean;
    records: KafkajsEncoder[];
  }) => Promise<KafkajsEncoder>;
};
const KafkajsRecord = require('kafkajs/src/protocol/recordBatch/record/v0') as (record: KafkajsRecordInput) => KafkajsEncoder;
const decodeKafkajsBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder') as (decoder: unknown) => Promise<KafkajsDecodedBatch>;
const KafkajsDecoder = require('kafkajs/src/protocol/decoder') as new (buffer: Buffer) => unknown;

const GZIP = 1;
const FIRST_TIMESTAMP = 1_700_000_000_000;

interface Case {
  name: string;
  compression: 'none' | 'gzip';
  transactional?: boolean;
  records: { key: string | Buffer | null; value: string | Buffer | null; headers?: [string, string][]; timestampDelta: number }[];
}

const cases: Case[] = [
  { name: 'one keyless record', compression: 'none', records: [{ key: null, value: 'hello', timestampDelta: 0 }] },
  {
    name: 'keys, headers (one repeated) and timestamps',
    compression: 'none',
    records: [
      { key: 'user-1', value: 'clicked', headers: [['trace', 'abc'], ['tag', 'x'], ['tag', 'y']], timestampDelta: 0 },
      { key: Buffer.from([0, 255]), value: '', timestampDelta: 12 },
      { key: 'user-2', value: null, timestampDelta: 7 },
    ],
  },
  {
    name: '200 records with multi-byte varints and a large value',
    compression: 'none',
    records: Array.from({ length: 200 }, (_, i) => ({
      key: `key-${i}`,
      value: i === 150 ? 'v'.repeat(20_000) : `value-${i}`,
      timestampDelta: i * 1000,
    })),
  },
  {
    name: 'gzip',
    compression: 'gzip',
    records: Array.from({ length: 20 }, (_, i) => ({ key: `k${i % 3}`, value: `payload ${i}`, headers: [['n', String(i)]], timestampDelta: i })),
  },
  { name: 'transactional', compression: 'none', transactional: true, records: [{ key: 'k', value: 'in a transaction', timestampDelta: 0 }] },
];

function kafkajsHeaders(headers: [string, string][] = []): KafkajsHeaders {
  const grouped: Record<string, string[]> = {};
  for (const [key, value] of headers) (grouped[key] ??= []).push(value);
  return Object.fromEntries(Object.entries(grouped).map(([key, values]) => [key, values.length === 1 ? values[0]! : values]));
}

async function encodeWithKafkajs(testCase: Case): Promise<Buffer> {
  const records = testCase.records.map((record, offsetDelta) =>
    KafkajsRecord({ ...record, offsetDelta, headers: kafkajsHeaders(record.headers) }),
  );
  const batch = await RecordBatch({
    compression: testCase.compression === 'gzip' ? GZIP : 0,
    firstTimestamp: FIRST_TIMESTAMP,
    maxTimestamp: FIRST_TIMESTAMP + Math.max(...testCase.records.map((record) => record.timestampDelta)),
    lastOffsetDelta: records.length - 1,
    transactional: testCase.transactional ?? false,
    records,
  });
  return batch.buffer;
}

/** Our builder, with the header values kafkajs's producer sends (it writes 0 where Java writes -1). */
function encodeWithLanes(testCase: Case): Buffer {
  const records: RecordToEncode[] = testCase.records.map((record) => ({
    key: record.key,
    value: record.value,
    headers: (record.headers ?? []).map(([key, value]) => ({ key, value })),
    timestampDelta: record.timestampDelta,
  }));
  return encodeRecordBatch({
    baseOffset: 0,
    partitionLeaderEpoch: 0,
    baseTimestamp: FIRST_TIMESTAMP,
    producerId: -1,
    producerEpoch: 0,
    baseSequence: 0,
    compression: testCase.compression,
    transactional: testCase.transactional,
    records,
  });
}

function asBuffer(value: string | Buffer | null): Buffer | null {
  return typeof value === 'string' ? Buffer.from(value) : value;
}

describe.each(cases)('kafkajs 2.2.4 golden: $name', (testCase) => {
  it('our splitter and decoder read the batch kafkajs encodes', async () => {
    const kafkajsBytes = await encodeWithKafkajs(testCase);

    const [view, ...rest] = splitBatches(kafkajsBytes);
    expect(rest).toHaveLength(0);
    expect(view!.header).toMatchObject({
      compression: testCase.compression,
      isTransactional: testCase.transactional ?? false,
      recordCount: testCase.records.length,
      baseTimestamp: FIRST_TIMESTAMP,
    });
    expect(decodeRecords(view!.bytes)).toEqual(
      testCase.records.map((record, offset) => ({
        offset,
        timestamp: FIRST_TIMESTAMP + record.timestampDelta,
        key: asBuffer(record.key),
        value: asBuffer(record.value),
        headers: (record.headers ?? []).map(([key, value]) => ({ key, value: Buffer.from(value) })),
      })),
    );
  });

  it('our builder produces the same bytes as kafkajs', async () => {
    expect(encodeWithLanes(testCase).equals(await encodeWithKafkajs(testCase))).toBe(true);
  });

  it("kafkajs's consumer-side decoder reads our batch", async () => {
    const decoded = await decodeKafkajsBatch(new KafkajsDecoder(encodeWithLanes(testCase)));
    expect(decoded.records.map((record) => [record.offset, record.timestamp, record.key, record.value])).toEqual(
      testCase.records.map((record, offset) => [
        String(offset),
        String(FIRST_TIMESTAMP + record.timestampDelta),
        asBuffer(record.key),
        asBuffer(record.value),
      ]),
    );
  });
});
