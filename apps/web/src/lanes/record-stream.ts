import type { RecordsAggregate, RecordView } from '@lanes/events';
import { SecondBuckets } from './second-buckets';

/** A record as the canvas draws it: where it landed and when it arrived in this browser. */
export interface LandedRecord extends RecordView {
  /** performance.now() when the batch carrying it arrived. */
  readonly arrivedAt: number;
}

/** What a lane knows about its partition, whatever the traffic. */
export interface PartitionHistory {
  /** The latest records, oldest first, at most `recentCapacity`. */
  readonly recent: LandedRecord[];
  /** Records seen since the page loaded (from batches and from aggregates). */
  count: number;
  /** Highest offset seen + 1 (-1 before any). */
  endOffset: number;
  /** Lowest offset seen. */
  firstOffset: number;
  /** Landings per second, smoothed (for switching to aggregate drawing). */
  rate: number;
  lastRateUpdate: number;
  countAtLastRate: number;
}

const RECENT_CAPACITY = 400;
const ARRIVAL_CAPACITY = 8192;
const WINDOW_SECONDS = 60;

/**
 * High-rate data lives here, outside React: batches from the socket go in, one requestAnimationFrame
 * loop takes arrivals out to animate, and panels read summaries at human speed. Everything is
 * bounded, so a million records cost what a few thousand do.
 */
export class RecordStream {
  private readonly partitions = new Map<string, PartitionHistory>();
  private arrivals: LandedRecord[] = [];
  /** Records per second-bucket per topic-partition over the last minute, for the skew histogram. */
  private readonly windows = new Map<string, Map<number, SecondBuckets>>();
  /** Key → partitions it was seen in, per topic (bounded), for the key table and ordering lessons. */
  private readonly keys = new Map<string, Map<string, { partitions: Set<number>; count: number; lastOffset: number; lastPartition: number }>>();
  private readonly listeners = new Set<() => void>();
  version = 0;

  history(topic: string, partition: number): PartitionHistory {
    const id = `${topic}\u0000${partition}`;
    let history = this.partitions.get(id);
    if (!history) {
      history = { recent: [], count: 0, endOffset: -1, firstOffset: -1, rate: 0, lastRateUpdate: now(), countAtLastRate: 0 };
      this.partitions.set(id, history);
    }
    return history;
  }

  /**
   * Takes a decoded batch. The records become LandedRecords in place (they were parsed for this page
   * alone), and per-partition bookkeeping is done once per run of records from the same partition:
   * batches arrive grouped by partition, so at 20,000 records a second this is a few hundred runs.
   */
  push(records: readonly RecordView[]): void {
    const arrivedAt = now();
    let history: PartitionHistory | null = null;
    let topic = '';
    let partition = -1;
    let run = 0;
    for (const record of records) {
      if (record.partition !== partition || record.topic !== topic) {
        if (history && run > 0) this.finishRun(history, topic, partition, run);
        topic = record.topic;
        partition = record.partition;
        history = this.history(topic, partition);
        run = 0;
      }
      const landed = record as LandedRecord & { arrivedAt: number };
      landed.arrivedAt = arrivedAt;
      history!.recent.push(landed);
      history!.count++;
      if (record.offset + 1 > history!.endOffset) history!.endOffset = record.offset + 1;
      if (history!.firstOffset < 0 || record.offset < history!.firstOffset) history!.firstOffset = record.offset;
      if (record.key !== null) this.rememberKey(record.topic, record.key, record.partition, record.offset);
      this.arrivals.push(landed);
      run++;
    }
    if (history && run > 0) this.finishRun(history, topic, partition, run);
    if (this.arrivals.length > ARRIVAL_CAPACITY) this.arrivals.splice(0, this.arrivals.length - ARRIVAL_CAPACITY);
    this.changed();
  }

  /** Bookkeeping once per run of records from one partition: the window count, and trimming its history. */
  private finishRun(history: PartitionHistory, topic: string, partition: number, run: number): void {
    this.countInWindow(topic, partition, run);
    if (history.recent.length > RECENT_CAPACITY * 1.5) history.recent.splice(0, history.recent.length - RECENT_CAPACITY);
  }

  /** Counts for records the gateway summarised because this browser fell behind. */
  pushAggregate(aggregate: RecordsAggregate): void {
    for (const range of aggregate.partitions) {
      const history = this.history(aggregate.topic, range.partition);
      history.count += range.count;
      history.endOffset = Math.max(history.endOffset, range.toOffset + 1);
      if (history.firstOffset < 0 || range.fromOffset < history.firstOffset) history.firstOffset = range.fromOffset;
      this.countInWindow(aggregate.topic, range.partition, range.count);
    }
    this.changed();
  }

  /** Forgets everything (a new snapshot is the truth) and starts again from `records`. */
  reset(records: readonly RecordView[]): void {
    this.partitions.clear();
    this.windows.clear();
    this.keys.clear();
    this.arrivals = [];
    this.push(records);
    // Records from a snapshot are already there: they appear in place rather than fly in, and they
    // are history, not traffic, so they do not count toward a lane's landing rate.
    this.arrivals = [];
    for (const history of this.partitions.values()) history.countAtLastRate = history.count;
  }

  forgetTopic(topic: string): void {
    for (const id of this.partitions.keys()) if (id.startsWith(`${topic}\u0000`)) this.partitions.delete(id);
    this.windows.delete(topic);
    this.keys.delete(topic);
    this.changed();
  }

  /** Arrivals not yet animated, oldest first; the animation loop takes them. */
  takeArrivals(): LandedRecord[] {
    const taken = this.arrivals;
    this.arrivals = [];
    return taken;
  }

  /** Updates each partition's smoothed landing rate; called by the animation loop about once a second. */
  updateRates(at = now()): void {
    for (const history of this.partitions.values()) {
      const seconds = (at - history.lastRateUpdate) / 1000;
      if (seconds < 0.25) continue;
      const instant = (history.count - history.countAtLastRate) / seconds;
      history.rate = history.rate * 0.5 + instant * 0.5;
      history.lastRateUpdate = at;
      history.countAtLastRate = history.count;
    }
  }

  /** Records per partition over the last `seconds` (by arrival time), for the skew histogram. */
  countsInWindow(topic: string, partitionCount: number, seconds = WINDOW_SECONDS): number[] {
    const counts = new Array<number>(partitionCount).fill(0);
    const at = Date.now();
    for (const [partition, buckets] of this.windows.get(topic) ?? []) {
      if (partition < partitionCount) counts[partition] = buckets.total(at, seconds);
    }
    return counts;
  }

  /** Keys seen on a topic, most frequent first. */
  keyTable(topic: string, limit = 200): { key: string; partitions: number[]; count: number; lastOffset: number; lastPartition: number }[] {
    const keys = this.keys.get(topic);
    if (!keys) return [];
    return [...keys]
      .map(([key, info]) => ({ key, partitions: [...info.partitions].sort((a, b) => a - b), count: info.count, lastOffset: info.lastOffset, lastPartition: info.lastPartition }))
      .sort((a, b) => b.count - a.count)
      .slice(0, limit);
  }

  /** Called at most once per animation frame by subscribers that redraw summaries. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  private countInWindow(topic: string, partition: number, count: number): void {
    let byPartition = this.windows.get(topic);
    if (!byPartition) {
      byPartition = new Map();
      this.windows.set(topic, byPartition);
    }
    let buckets = byPartition.get(partition);
    if (!buckets) {
      buckets = new SecondBuckets(WINDOW_SECONDS);
      byPartition.set(partition, buckets);
    }
    buckets.add(count, Date.now());
  }

  private rememberKey(topic: string, key: string, partition: number, offset: number): void {
    let keys = this.keys.get(topic);
    if (!keys) {
      keys = new Map();
      this.keys.set(topic, keys);
    }
    let info = keys.get(key);
    if (!info) {
      if (keys.size >= 5000) return;
      info = { partitions: new Set(), count: 0, lastOffset: offset, lastPartition: partition };
      keys.set(key, info);
    }
    info.partitions.add(partition);
    info.count++;
    info.lastOffset = offset;
    info.lastPartition = partition;
  }
}

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

/** The one stream of this page. */
export const recordStream = new RecordStream();
