import { describe, expect, it } from 'vitest';
import { decodeRecordsBatch, type RecordView } from '@lanes/events';
import type { RecordRun } from './record-run';
import { RunBatch, sliceRuns } from './run-batch';

/** A run of `length` records from `firstOffset` that counts the views it made and the records it wrote. */
function countingRun(partition: number, firstOffset: number, length: number) {
  const asked = { views: 0, written: 0 };
  const views = (start: number, end: number) =>
    Array.from({ length: end - start }, (_, i): RecordView => ({
      topic: 'orders',
      partition,
      offset: firstOffset + start + i,
      key: null,
      value: 'v',
      valueBytes: 1,
      timestamp: 0,
      headers: {},
    }));
  const run: RecordRun = {
    topic: 'orders',
    partition,
    length,
    offsetAt: (index) => firstOffset + index,
    views: (start, end) => {
      asked.views += end - start;
      return views(start, end);
    },
    write: (start, end, writer) => {
      asked.written += end - start;
      writer.beginRun('orders', partition);
      for (const view of views(start, end)) writer.addView(view);
    },
  };
  return { run, asked };
}

describe('sliceRuns', () => {
  it('cuts runs into batches of at most the given size, keeping their order', () => {
    const a = countingRun(0, 100, 5).run;
    const b = countingRun(1, 0, 4).run;
    const batches = sliceRuns([a, b], 3);
    expect(batches.map((slices) => slices.map(({ run, start, end }) => [run.partition, start, end]))).toEqual([
      [[0, 0, 3]],
      [[0, 3, 5], [1, 0, 1]],
      [[1, 1, 4]],
    ]);
  });
});

describe('RunBatch', () => {
  it('counts records and offset ranges per partition without encoding a single record', () => {
    const first = countingRun(0, 100, 5);
    const second = countingRun(1, 7, 3);
    const batch = new RunBatch([{ run: first.run, start: 1, end: 5 }, { run: second.run, start: 0, end: 3 }]);
    expect(batch.count).toBe(7);
    expect(batch.summary()).toEqual(new Map([['orders', new Map([[0, { count: 4, fromOffset: 101, toOffset: 104 }], [1, { count: 3, fromOffset: 7, toOffset: 9 }]])]]));
    expect(first.asked).toEqual({ views: 0, written: 0 });
    expect(second.asked).toEqual({ views: 0, written: 0 });
  });

  it('encodes the records it holds once, however many browsers are sent it', () => {
    const { run, asked } = countingRun(0, 0, 3);
    const batch = new RunBatch([{ run, start: 0, end: 3 }]);
    const bytes = batch.bytes();
    expect(batch.bytes()).toBe(bytes);
    expect(decodeRecordsBatch(bytes).records.map((r) => r.offset)).toEqual([0, 1, 2]);
    expect(asked).toEqual({ views: 0, written: 3 });
  });
});
