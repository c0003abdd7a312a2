import { RecordsBatchWriter } from '@lanes/events';
import type { EncodedBatch } from './client-stream';
import { addRange, type PartitionSummary } from './partition-summary';
import type { RecordRun } from './record-run';

/** Records `start` to `end` (exclusive) of one run. */
export interface RunSlice {
  readonly run: RecordRun;
  readonly start: number;
  readonly end: number;
}

/** Cuts runs, in order, into batches of at most `size` records. */
export function sliceRuns(runs: readonly RecordRun[], size: number): RunSlice[][] {
  const batches: RunSlice[][] = [];
  let current: RunSlice[] = [];
  let room = size;
  for (const run of runs) {
    for (let start = 0; start < run.length; ) {
      const end = Math.min(run.length, start + room);
      current.push({ run, start, end });
      room -= end - start;
      start = end;
      if (room === 0) {
        batches.push(current);
        current = [];
        room = size;
      }
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * One flush's worth of records for every browser, made from run slices. Counts and offset ranges
 * are worked out at once (from offsets alone); the records' bytes only when a browser is sent the
 * batch as records, after which the runs are let go. A batch waiting in a browser's backlog keeps
 * its runs: the backlog's bound (LANES_CLIENT_BUFFER_RECORDS) bounds what it keeps alive, and a
 * batch that ends up counted is never encoded.
 */
export class RunBatch implements EncodedBatch {
  readonly count: number;
  private readonly counts: PartitionSummary = new Map();
  private slices: RunSlice[] | null;
  private encoded: Uint8Array | null = null;

  constructor(slices: RunSlice[]) {
    this.slices = slices;
    let count = 0;
    for (const { run, start, end } of slices) {
      addRange(this.counts, run.topic, run.partition, end - start, run.offsetAt(start), run.offsetAt(end - 1));
      count += end - start;
    }
    this.count = count;
  }

  summary(): PartitionSummary {
    return this.counts;
  }

  bytes(): Uint8Array {
    if (!this.encoded) {
      const writer = new RecordsBatchWriter();
      for (const { run, start, end } of this.slices!) run.write(start, end, writer);
      this.encoded = writer.finish();
      this.slices = null;
    }
    return this.encoded;
  }
}
