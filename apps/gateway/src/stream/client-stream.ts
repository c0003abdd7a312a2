import type { ConsumedBatch, RecordsAggregate } from '@lanes/events';
import { mergeSummary, toAggregates, type PartitionSummary } from './partition-summary';

/** One flush of records, encoded at most once and shared by every browser. */
export interface EncodedBatch {
  /**
   * The records in their wire form (RecordsBatchWriter in @lanes/events); socket.io sends it as a
   * binary attachment, not re-encoded.
   * Worked out when the first browser is sent the batch as records: a batch every browser gets
   * only as counts (they are all behind) is never encoded.
   */
  bytes(): Uint8Array;
  readonly count: number;
  /** Counts and offset ranges per partition: what a lagging browser gets instead. */
  summary(): PartitionSummary;
}

/** What became of an offered batch: sent now, waiting in this browser's backlog, or only counted. */
export type OfferOutcome = 'sent' | 'queued' | 'counted';

export interface ClientSink {
  sendRecords(bytes: Uint8Array, onAck: () => void): void;
  sendAggregates(aggregates: RecordsAggregate[]): void;
  sendConsumed(batch: ConsumedBatch): void;
}

/**
 * Flow control for one browser. At most `maxInFlight` batches may be unacknowledged; past that,
 * batches wait in a backlog bounded by `maxBacklogRecords`. A browser that falls further behind
 * gets counts and offset ranges instead of records (so it still draws the truth), and the memory
 * it costs the gateway stays bounded whatever it does. socket.io has no backpressure of its own.
 * Once a browser is being counted, everything is counted until it acknowledges again: it then gets
 * the counts, and records from there on.
 */
export class ClientStream {
  private inFlight = 0;
  private readonly backlog: EncodedBatch[] = [];
  private backlogRecords = 0;
  private aggregate: PartitionSummary | null = null;
  /** Records this browser was sent as counts rather than records, for tests and the health endpoint. */
  aggregatedRecords = 0;

  constructor(
    private readonly sink: ClientSink,
    private readonly maxInFlight: number,
    private readonly maxBacklogRecords: number,
  ) {}

  offer(batch: EncodedBatch): OfferOutcome {
    if (this.aggregate) {
      mergeSummary(this.aggregate, batch.summary());
      this.aggregatedRecords += batch.count;
      return 'counted';
    }
    if (this.inFlight < this.maxInFlight && this.backlog.length === 0) {
      this.send(batch);
      return 'sent';
    }
    this.backlog.push(batch);
    this.backlogRecords += batch.count;
    if (this.backlogRecords <= this.maxBacklogRecords) return 'queued';
    this.collapseBacklog();
    return 'counted';
  }

  /**
   * What consumers processed goes only to a browser that is keeping up with records: one that is
   * not would only queue it, and group state and lag tell it the same truth at human speed.
   */
  offerConsumed(batch: ConsumedBatch): void {
    if (!this.lagging && this.inFlight < this.maxInFlight) this.sink.sendConsumed(batch);
  }

  get lagging(): boolean {
    return this.backlog.length > 0 || this.aggregate !== null;
  }

  get bufferedRecords(): number {
    return this.backlogRecords;
  }

  private collapseBacklog(): void {
    this.aggregate ??= new Map();
    for (const batch of this.backlog) {
      mergeSummary(this.aggregate, batch.summary());
      this.aggregatedRecords += batch.count;
    }
    this.backlog.length = 0;
    this.backlogRecords = 0;
  }

  private send(batch: EncodedBatch): void {
    this.inFlight++;
    let acked = false;
    this.sink.sendRecords(batch.bytes(), () => {
      if (acked) return;
      acked = true;
      this.inFlight--;
      this.drain();
    });
  }

  private drain(): void {
    if (this.aggregate) {
      this.sink.sendAggregates(toAggregates(this.aggregate));
      this.aggregate = null;
    }
    while (this.inFlight < this.maxInFlight && this.backlog.length > 0) {
      const batch = this.backlog.shift()!;
      this.backlogRecords -= batch.count;
      this.send(batch);
    }
  }
}
