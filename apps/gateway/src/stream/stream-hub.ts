import type { ConsumedBatch, ServerToClientEvents } from '@lanes/events';
import { ClientStream, type ClientSink } from './client-stream';
import { RecentRecords } from './recent-records';
import type { RecordRun } from './record-run';
import { RunBatch, sliceRuns } from './run-batch';

export interface StreamHubOptions {
  flushIntervalMs: number;
  /** Records a lagging browser may have waiting before it gets counts instead. */
  clientBufferRecords: number;
  /** Unacknowledged record batches per browser. */
  maxInFlightBatches?: number;
  /** Records per emitted batch: a burst (one big fetch) goes out as several modest batches. */
  maxRecordsPerBatch?: number;
  recentPerPartition?: number;
}

/** Per consumer per flush: enough to place every partition's position, whatever the rate. */
const CONSUMED_RECORDS_KEPT = 500;

type Broadcast = <E extends keyof ServerToClientEvents>(event: E, ...args: Parameters<ServerToClientEvents[E]>) => void;

/** How the hub reaches every browser at once. */
export interface BroadcastTarget {
  emit: Broadcast;
}

/**
 * Everything the gateway streams to browsers goes through here. Records and consumed batches are
 * coalesced: at most one flush per flush interval, never one emit per record. A flush is encoded
 * once and shared by all browsers; each browser's ClientStream bounds what it may cost when it falls
 * behind.
 *
 * Flushes happen when there is something to send, not on a clock: the first records after a quiet
 * spell go out as soon as the fetch that brought them has been handled (setImmediate lets every
 * partition of that fetch join in), later ones wait for the rest of the interval. So records are
 * not held back when they trickle in, and an idle gateway does no work.
 *
 * A flush that makes several batches (a burst: one fetch can bring 40,000 records) offers the first
 * at once and the rest in the next turn of the event loop. socket.io writes an event only after the
 * turn that emitted it, so offering them all at once kept the first batch from the browser until
 * every batch was encoded (tens of milliseconds); now the browser parses the first while the
 * gateway encodes the rest. Everything a flush made is offered by the end of the next turn, so
 * nothing piles up however fast records come.
 */
export class StreamHub {
  private pendingRuns: RecordRun[] = [];
  /** Batches a flush made that are not yet offered to the browsers, oldest first. */
  private unoffered: RunBatch[] = [];
  private cancelOffering: (() => void) | null = null;
  private pendingConsumed = new Map<string, ConsumedBatch>();
  private readonly clients = new Map<string, ClientStream>();
  private cancelScheduled: (() => void) | null = null;
  private lastFlushAt = -Infinity;
  private closed = false;
  readonly recent: RecentRecords;
  /** Totals since start, for the health endpoint and benchmarks. */
  readonly totals = { records: 0, batches: 0 };

  constructor(
    private readonly target: BroadcastTarget,
    private readonly options: StreamHubOptions,
  ) {
    this.recent = new RecentRecords(options.recentPerPartition ?? 200);
  }

  addClient(id: string, sink: ClientSink): void {
    this.clients.set(id, new ClientStream(sink, this.options.maxInFlightBatches ?? 8, this.options.clientBufferRecords));
  }

  removeClient(id: string): void {
    this.clients.delete(id);
  }

  client(id: string): ClientStream | undefined {
    return this.clients.get(id);
  }

  publishRecords(run: RecordRun): void {
    this.pendingRuns.push(run);
    this.scheduleFlush();
  }

  /**
   * Records one consumer processed; merged with the same consumer's others until the next flush,
   * keeping the latest few hundred (enough for positions) and the count of all.
   */
  publishConsumed(batch: Omit<ConsumedBatch, 'processed'> & { processed?: number }): void {
    const key = `${batch.groupId}\u0000${batch.consumerId}`;
    let pending = this.pendingConsumed.get(key);
    if (!pending) {
      pending = { groupId: batch.groupId, consumerId: batch.consumerId, records: [], processed: 0 };
      this.pendingConsumed.set(key, pending);
    }
    pending.records.push(...batch.records);
    pending.processed += batch.processed ?? batch.records.length;
    if (pending.records.length > CONSUMED_RECORDS_KEPT * 2) pending.records.splice(0, pending.records.length - CONSUMED_RECORDS_KEPT);
    this.scheduleFlush();
  }

  /** Events at human rates (group changes, commits, notices) go out at once. */
  emit: Broadcast = (event, ...args) => this.target.emit(event, ...args);

  private scheduleFlush(): void {
    if (this.cancelScheduled || this.closed) return;
    const wait = this.lastFlushAt + this.options.flushIntervalMs - performance.now();
    const flush = () => {
      this.cancelScheduled = null;
      this.flush();
    };
    if (wait > 0) {
      const timer = setTimeout(flush, wait);
      this.cancelScheduled = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(flush);
      this.cancelScheduled = () => clearImmediate(immediate);
    }
  }

  /** Sends what is pending now. */
  flush(): void {
    this.lastFlushAt = performance.now();
    if (this.pendingRuns.length > 0) {
      const runs = this.pendingRuns;
      this.pendingRuns = [];
      for (const run of runs) this.recent.add(run.views(Math.max(0, run.length - this.recent.perPartition), run.length));
      // Modest batches keep each encoded batch short-lived (cheap to collect) and let a browser
      // acknowledge, and draw, a burst progressively instead of parsing megabytes at once.
      for (const slices of sliceRuns(runs, this.options.maxRecordsPerBatch ?? 1000)) {
        const batch = new RunBatch(slices);
        this.totals.records += batch.count;
        this.totals.batches += 1;
        this.unoffered.push(batch);
      }
      if (!this.cancelOffering) this.offerFirst();
    }
    if (this.pendingConsumed.size > 0) {
      const batches = [...this.pendingConsumed.values()];
      this.pendingConsumed = new Map();
      for (const batch of batches) {
        if (batch.records.length > CONSUMED_RECORDS_KEPT) batch.records.splice(0, batch.records.length - CONSUMED_RECORDS_KEPT);
        for (const client of this.clients.values()) client.offerConsumed(batch);
      }
    }
  }

  /** Offers the oldest unoffered batch to every browser now and the others in the next turn. */
  private offerFirst(): void {
    const first = this.unoffered.shift();
    if (first) this.offer(first);
    if (this.unoffered.length === 0) return;
    const immediate = setImmediate(() => this.offerAll());
    this.cancelOffering = () => clearImmediate(immediate);
  }

  private offerAll(): void {
    this.cancelOffering = null;
    const batches = this.unoffered;
    this.unoffered = [];
    for (const batch of batches) this.offer(batch);
  }

  private offer(batch: RunBatch): void {
    for (const client of this.clients.values()) client.offer(batch);
  }

  close(): void {
    this.closed = true;
    this.cancelScheduled?.();
    this.cancelScheduled = null;
    this.flush();
    this.cancelOffering?.();
    this.offerAll();
  }
}
