import { describe, expect, it } from 'vitest';
import { BrokerEvents, type BrokerEventMap } from '../broker-events';
import { PartitionLog } from './partition-log';
import { SlabPool } from './slab-pool';
import { makeTestBatch } from './test-batch';
import { TopicConfig } from './topic-config';

function setUp(configs: Record<string, string> = {}) {
  const events = new BrokerEvents();
  const config = TopicConfig.parse(configs);
  const log = new PartitionLog({ topic: 'orders', partition: 2, config: () => config, events });
  const seen = {
    appended: [] as BrokerEventMap['batch:appended'][],
    rolled: [] as BrokerEventMap['segment:rolled'][],
    deleted: [] as BrokerEventMap['segment:deleted'][],
  };
  events.on('batch:appended', (event) => seen.appended.push(event));
  events.on('segment:rolled', (event) => seen.rolled.push(event));
  events.on('segment:deleted', (event) => seen.deleted.push(event));
  return { log, seen };
}

function appendRecords(log: PartitionLog, records: number, payloadBytes = 10, timestamp?: number) {
  const { batch, info } = makeTestBatch({ records, payloadBytes, timestamp });
  return { ...log.append(batch, info), batch };
}

function baseOffsetsOf(batches: Buffer[]): number[] {
  return batches.map((batch) => Number(batch.readBigInt64BE(0)));
}

/** The stored batches from `offset` on. */
function storedFrom(log: PartitionLog, offset: number): Buffer[] {
  const result = log.read(offset, 1_000_000);
  if (result.error !== 'none') throw new Error(`expected data at offset ${offset}`);
  return result.batches;
}

/** 61-byte header + 139 bytes = 200 bytes per batch, so 5 batches fit a 1024-byte segment. */
const BATCH_200 = 139;

describe('PartitionLog append', () => {
  it('assigns consecutive offsets across many appends and writes them into each stored batch', () => {
    const { log, seen } = setUp();
    let expected = 0;
    const baseOffsets: number[] = [];
    for (let i = 0; i < 200; i++) {
      const records = (i % 7) + 1;
      const { baseOffset } = appendRecords(log, records);
      expect(baseOffset).toBe(expected);
      baseOffsets.push(expected);
      expected += records;
    }
    const stored = storedFrom(log, 0);
    expect(baseOffsetsOf(stored)).toEqual(baseOffsets);
    expect(stored.map((batch) => batch.readInt32BE(12))).toEqual(baseOffsets.map(() => 0)); // partitionLeaderEpoch
    expect(log.logStartOffset).toBe(0);
    expect(log.logEndOffset).toBe(expected);
    expect(log.highWatermark).toBe(expected);
    expect(log.lastStableOffset).toBe(expected);
    expect(log.batchCount).toBe(200);
    expect(seen.appended).toHaveLength(200);
    expect(seen.appended[1]).toEqual({
      topic: 'orders',
      partition: 2,
      baseOffset: 1,
      count: 2,
      bytes: 71,
      maxTimestamp: expect.any(Number),
      producerId: -1,
    });
  });

  it('reports the producer id and max timestamp of the batch in its event', () => {
    const { log, seen } = setUp();
    const { batch, info } = makeTestBatch({ records: 3, timestamp: 1_700_000_000_123, producerId: 4242 });
    log.append(batch, info);
    expect(seen.appended[0]).toMatchObject({ count: 3, maxTimestamp: 1_700_000_000_123, producerId: 4242 });
  });

  it('stores a copy, so the bytes it was given may be reused as soon as append returns', () => {
    const { log } = setUp();
    const read = Buffer.alloc(64 * 1024);
    const { batch, info } = makeTestBatch({ records: 2, payloadBytes: 500 });
    batch.copy(read, 100);
    const view = read.subarray(100, 100 + batch.length);
    log.append(view, info);
    read.fill(0x5a);

    const [stored] = storedFrom(log, 0);
    expect(stored!.buffer).not.toBe(read.buffer);
    expect(Number(stored!.readBigInt64BE(0))).toBe(0);
    expect(stored!.subarray(16)).toEqual(batch.subarray(16));
    expect(Number(batch.readBigInt64BE(0))).toBe(-1); // what the caller passed was left as it was
  });

  it('keeps batches intact across many slabs, and a batch larger than a slab in memory of its own', () => {
    const { log } = setUp();
    const payloads = [10, 9_000, 30_000, 700_000, 200, 40_000];
    const batches = payloads.map((payloadBytes, i) => {
      const { batch, info } = makeTestBatch({ records: 1, payloadBytes, timestamp: 1_700_000_000_000 + i });
      log.append(batch, info);
      return batch;
    });
    const stored = storedFrom(log, 0);
    expect(baseOffsetsOf(stored)).toEqual([0, 1, 2, 3, 4, 5]);
    stored.forEach((batch, i) => expect(batch.subarray(16)).toEqual(batches[i]!.subarray(16)));
  });

  it('refuses a buffer too short to be a record batch with a clear error', () => {
    const { log } = setUp();
    expect(() => log.append(Buffer.alloc(20), { lastOffsetDelta: 0, maxTimestamp: 0, recordCount: 1, producerId: -1 })).toThrow(
      'A record batch is at least 61 bytes; got 20',
    );
    expect(log.logEndOffset).toBe(0);
  });
});

describe('PartitionLog segments', () => {
  it('rolls a new segment before an append would exceed segment.bytes and says so', () => {
    const { log, seen } = setUp({ 'segment.bytes': '1024' });
    for (let i = 0; i < 12; i++) appendRecords(log, 2, BATCH_200);
    expect(log.segments()).toEqual([
      { baseOffset: 0, endOffset: 10, bytes: 1000, batches: 5, createdAt: expect.any(Number), maxTimestamp: expect.any(Number) },
      { baseOffset: 10, endOffset: 20, bytes: 1000, batches: 5, createdAt: expect.any(Number), maxTimestamp: expect.any(Number) },
      { baseOffset: 20, endOffset: 24, bytes: 400, batches: 2, createdAt: expect.any(Number), maxTimestamp: expect.any(Number) },
    ]);
    expect(seen.rolled).toEqual([
      { topic: 'orders', partition: 2, baseOffset: 10, closedBaseOffset: 0 },
      { topic: 'orders', partition: 2, baseOffset: 20, closedBaseOffset: 10 },
    ]);
    expect(log.bytes).toBe(2400);
    expect(log.batchCount).toBe(12);
  });

  it('gives a batch larger than segment.bytes a segment of its own instead of refusing it', () => {
    const { log } = setUp({ 'segment.bytes': '1024' });
    appendRecords(log, 1, 10);
    appendRecords(log, 1, 3000);
    appendRecords(log, 1, 10);
    expect(log.segments().map((segment) => segment.batches)).toEqual([1, 1, 1]);
  });

  it('rolls when the active segment is older than segment.ms', async () => {
    const { log, seen } = setUp({ 'segment.ms': '40' });
    appendRecords(log, 1);
    appendRecords(log, 1);
    expect(seen.rolled).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    appendRecords(log, 1);
    expect(seen.rolled).toEqual([{ topic: 'orders', partition: 2, baseOffset: 2, closedBaseOffset: 0 }]);
    expect(log.segments().map((segment) => segment.batches)).toEqual([2, 1]);
  });
});

describe('PartitionLog read', () => {
  function logWithBatches() {
    const { log } = setUp({ 'segment.bytes': '1024' });
    // 12 batches of 3 records, 200 bytes each: offsets 0-2, 3-5, ... 33-35 over three segments.
    for (let i = 0; i < 12; i++) appendRecords(log, 3, BATCH_200);
    return log;
  }

  it('starts with the batch holding the fetch offset, even in the middle of a batch', () => {
    const log = logWithBatches();
    const result = log.read(16, 450);
    expect(result).toMatchObject({ error: 'none', bytes: 400 });
    if (result.error !== 'none') return;
    expect(baseOffsetsOf(result.batches)).toEqual([15, 18]);
  });

  it('reads across segment boundaries up to maxBytes', () => {
    const log = logWithBatches();
    const result = log.read(9, 1000);
    if (result.error !== 'none') throw new Error('expected data');
    expect(baseOffsetsOf(result.batches)).toEqual([9, 12, 15, 18, 21]);
    expect(result.bytes).toBe(1000);
  });

  it('returns everything from the offset when maxBytes allows', () => {
    const log = logWithBatches();
    const result = log.read(0, 1_000_000);
    if (result.error !== 'none') throw new Error('expected data');
    expect(result.batches).toHaveLength(12);
    expect(result.bytes).toBe(2400);
  });

  it('returns no batches at the log end', () => {
    const log = logWithBatches();
    expect(log.read(36, 1_000_000)).toEqual({ error: 'none', batches: [], bytes: 0 });
    expect(setUp().log.read(0, 1000)).toEqual({ error: 'none', batches: [], bytes: 0 });
  });

  it('returns one whole batch larger than maxBytes so the consumer can progress (KIP-74)', () => {
    const { log } = setUp();
    appendRecords(log, 1, 5000);
    appendRecords(log, 1, 10);
    const result = log.read(0, 100);
    if (result.error !== 'none') throw new Error('expected data');
    expect(result.batches).toHaveLength(1);
    expect(result.bytes).toBe(5061);
    expect(log.read(0, 100, { minOneBatch: false })).toEqual({ error: 'none', batches: [], bytes: 0 });
  });

  it('answers OFFSET_OUT_OF_RANGE past the log end and before the log start', () => {
    const log = logWithBatches();
    expect(log.read(37, 1000)).toEqual({ error: 'OFFSET_OUT_OF_RANGE', code: 1, logStartOffset: 0, logEndOffset: 36 });
    expect(log.read(-1, 1000)).toMatchObject({ error: 'OFFSET_OUT_OF_RANGE' });
  });

  it('finds the batch holding any offset in a long log of many segments', () => {
    const { log } = setUp({ 'segment.bytes': '1024' });
    const starts: number[] = [];
    for (let i = 0; i < 2000; i++) starts.push(appendRecords(log, (i % 5) + 1, (i * 37) % 400).baseOffset);
    expect(log.segments().length).toBeGreaterThan(100);
    for (let offset = 0; offset < log.logEndOffset; offset += 7) {
      const result = log.read(offset, 1);
      if (result.error !== 'none') throw new Error(`offset ${offset} out of range`);
      const expectedStart = starts.filter((start) => start <= offset).at(-1);
      expect(baseOffsetsOf(result.batches)).toEqual([expectedStart]);
    }
  });
});

describe('PartitionLog offsetForTimestamp', () => {
  it('finds the first batch whose max timestamp reaches the target, across segments', () => {
    const { log } = setUp({ 'segment.bytes': '1024' });
    // Producer timestamps need not rise: 1000, 3000, 2000, 4000, ...
    const timestamps = [1000, 3000, 2000, 4000, 3500, 6000, 5000, 8000];
    for (const timestamp of timestamps) appendRecords(log, 2, BATCH_200, timestamp);
    expect(log.segments().length).toBeGreaterThan(1);
    expect(log.offsetForTimestamp(0)).toEqual({ offset: 0, timestamp: 1000 });
    expect(log.offsetForTimestamp(1000)).toEqual({ offset: 0, timestamp: 1000 });
    expect(log.offsetForTimestamp(2500)).toEqual({ offset: 2, timestamp: 3000 });
    expect(log.offsetForTimestamp(3800)).toEqual({ offset: 6, timestamp: 4000 });
    expect(log.offsetForTimestamp(5500)).toEqual({ offset: 10, timestamp: 6000 });
    expect(log.offsetForTimestamp(7000)).toEqual({ offset: 14, timestamp: 8000 });
    expect(log.offsetForTimestamp(8001)).toBeNull();
  });

  it('answers null on an empty log and refuses ListOffsets sentinels', () => {
    const { log } = setUp();
    expect(log.offsetForTimestamp(5)).toBeNull();
    expect(() => log.offsetForTimestamp(-1)).toThrow(/resolve ListOffsets -1/);
  });
});

describe('PartitionLog retention', () => {
  it('deletes whole closed segments by size as segments roll, oldest first, keeping at least retention.bytes', () => {
    const { log, seen } = setUp({ 'segment.bytes': '1024', 'retention.bytes': '1500' });
    for (let i = 0; i < 17; i++) appendRecords(log, 1, BATCH_200); // segments of 5, 5, 5, 2 batches
    // When the fourth segment opens: 3000 bytes -> 2000 (1000 would drop below 1500: Kafka's rule), then 2 more batches.
    expect(log.enforceRetention(Date.now()), 'nothing left for the periodic check').toEqual([]);
    expect(log.logStartOffset).toBe(5);
    expect(log.bytes).toBe(2400);
    expect(seen.deleted).toEqual([
      { topic: 'orders', partition: 2, baseOffset: 0, endOffset: 5, reason: 'retention.bytes', logStartOffset: 5 },
    ]);
    expect(log.read(4, 1000)).toMatchObject({ error: 'OFFSET_OUT_OF_RANGE', logStartOffset: 5 });
    expect(log.read(5, 1)).toMatchObject({ error: 'none', bytes: 200 });
  });

  it('stores new batches in the memory of segments retention deleted, and keeps the data intact', () => {
    const events = new BrokerEvents();
    const config = TopicConfig.parse({ 'segment.bytes': String(64 * 1024), 'retention.bytes': String(128 * 1024) });
    const slabs = new SlabPool({ smallestSlabBytes: 16 * 1024, largestSlabBytes: 64 * 1024 });
    const log = new PartitionLog({ topic: 'orders', partition: 2, config: () => config, events, slabs });
    const memoryOf = new Set<ArrayBufferLike>();
    for (let i = 0; i < 200; i++) {
      const { batch, info } = makeTestBatch({ payloadBytes: 4000 });
      batch.fill(i % 251, 61);
      log.append(batch, info);
      const [stored] = storedFrom(log, i);
      memoryOf.add(stored!.buffer);
    }
    // 200 batches of 4 KB is 800 KB; retention keeps about 192 KB, so later batches reuse the memory of deleted ones.
    expect(log.logStartOffset).toBeGreaterThan(140);
    expect(memoryOf.size).toBeLessThan(10);
    const kept = storedFrom(log, log.logStartOffset);
    kept.forEach((batch, i) => expect(batch.subarray(61).every((byte) => byte === (log.logStartOffset + i) % 251)).toBe(true));
  });

  it('never deletes the active segment, however small retention.bytes is', () => {
    const { log } = setUp({ 'segment.bytes': '1024', 'retention.bytes': '0' });
    for (let i = 0; i < 12; i++) appendRecords(log, 1, BATCH_200);
    log.enforceRetention(Date.now());
    expect(log.segments()).toHaveLength(1);
    expect(log.logStartOffset).toBe(10);
    expect(log.logEndOffset).toBe(12);
  });

  it('deletes closed segments whose newest record is older than retention.ms', () => {
    const { log, seen } = setUp({ 'segment.bytes': '1024', 'retention.ms': '60000' });
    const now = Date.now();
    for (let i = 0; i < 5; i++) appendRecords(log, 1, BATCH_200, now - 120_000);
    for (let i = 0; i < 4; i++) appendRecords(log, 1, BATCH_200, now - 90_000);
    appendRecords(log, 1, BATCH_200, now - 30_000); // closes the second segment with a fresh record
    for (let i = 0; i < 5; i++) appendRecords(log, 1, BATCH_200, now - 120_000); // active, old
    expect(log.segments().map((segment) => segment.baseOffset)).toEqual([0, 5, 10]);

    const deleted = log.enforceRetention(now);
    expect(deleted).toEqual([{ baseOffset: 0, endOffset: 5, bytes: 1000, reason: 'retention.ms' }]);
    expect(seen.deleted[0]).toMatchObject({ reason: 'retention.ms', logStartOffset: 5 });
    expect(log.logStartOffset).toBe(5);

    // Later, the second segment's newest record expires too; the old active segment stays.
    expect(log.enforceRetention(now + 31_000)).toEqual([{ baseOffset: 5, endOffset: 10, bytes: 1000, reason: 'retention.ms' }]);
    expect(log.logStartOffset).toBe(10);
    expect(log.segments()).toHaveLength(1);
  });

  it('keeps everything when retention is -1', () => {
    const { log } = setUp({ 'segment.bytes': '1024', 'retention.ms': '-1', 'retention.bytes': '-1' });
    for (let i = 0; i < 12; i++) appendRecords(log, 1, BATCH_200, 1);
    expect(log.enforceRetention(Date.now())).toEqual([]);
    expect(log.logStartOffset).toBe(0);
  });
});
