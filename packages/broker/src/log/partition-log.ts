import type { BrokerEvents } from '../broker-events';
import { LogSegment, type SegmentSummary } from './log-segment';
import { BATCH_HEADER_SIZE, decodeRecords, RecordBatchError, writeBaseOffset, writePartitionLeaderEpoch } from '@lanes/kafka-protocol';
import type { TopicConfig } from './topic-config';
import { SlabCursor, SlabPool } from './slab-pool';

/** What the caller already parsed from the batch header. */
export interface AppendInfo {
  readonly lastOffsetDelta: number;
  readonly maxTimestamp: number;
  readonly recordCount: number;
  /** -1 unless the batch comes from an idempotent producer. */
  readonly producerId: number;
}

export type ReadResult =
  | { readonly error: 'none'; readonly batches: Buffer[]; readonly bytes: number }
  | {
      readonly error: 'OFFSET_OUT_OF_RANGE';
      /** Kafka error code OFFSET_OUT_OF_RANGE. */
      readonly code: 1;
      readonly logStartOffset: number;
      readonly logEndOffset: number;
    };

export interface ReadOptions {
  /**
   * Return the first batch even if it is larger than maxBytes (KIP-74), so a consumer can always
   * make progress. Kafka turns this off for later partitions once a fetch response holds data.
   */
  readonly minOneBatch?: boolean;
}

export interface DeletedSegment {
  readonly baseOffset: number;
  readonly endOffset: number;
  readonly bytes: number;
  readonly reason: 'retention.bytes' | 'retention.ms';
}

export interface PartitionLogOptions {
  readonly topic: string;
  readonly partition: number;
  /** Read on every append and retention pass, so a changed config applies at once. */
  readonly config: () => TopicConfig;
  readonly events: BrokerEvents;
  /** Where the log copies the batches it keeps (shared by the broker's logs). Default: a pool of its own. */
  readonly slabs?: SlabPool;
}

/**
 * One partition's log, in memory: an ordered list of segments, each holding whole record batches
 * (magic 2) as produced. Mirrors Kafka's UnifiedLog for a single replica:
 * high watermark = last stable offset = log end offset (no followers, no transactions).
 *
 * @example
 *   const log = new PartitionLog({ topic: 'orders', partition: 0, config: () => config, events });
 *   const { baseOffset } = log.append(batch, { lastOffsetDelta: 2, maxTimestamp: Date.now() });
 *   const result = log.read(baseOffset, 1024 * 1024);
 */
export class PartitionLog {
  readonly topic: string;
  readonly partition: number;
  private readonly config: () => TopicConfig;
  private readonly events: BrokerEvents;
  private readonly slabs: SlabPool;
  private readonly memory = new SlabCursor();
  /** Oldest first; never empty. The last one is the active segment, the only one appended to. */
  private readonly segmentList: LogSegment[];
  private totalBytes = 0;
  private totalBatches = 0;

  constructor(options: PartitionLogOptions) {
    this.topic = options.topic;
    this.partition = options.partition;
    this.config = options.config;
    this.events = options.events;
    this.slabs = options.slabs ?? new SlabPool();
    this.segmentList = [new LogSegment(0, Date.now())];
  }

  get logStartOffset(): number {
    return this.firstSegment.baseOffset;
  }

  get logEndOffset(): number {
    return this.activeSegment.endOffset;
  }

  /** A single node is the whole in-sync replica set, so everything appended is committed. */
  get highWatermark(): number {
    return this.logEndOffset;
  }

  /** No transactions are open on this broker, so the last stable offset is the high watermark. */
  get lastStableOffset(): number {
    return this.highWatermark;
  }

  /** Bytes stored across all segments. */
  get bytes(): number {
    return this.totalBytes;
  }

  get batchCount(): number {
    return this.totalBatches;
  }

  /**
   * Stores a validated record batch at the log end: a copy in the log's own memory (slab-pool.ts), so
   * the caller's bytes may be reused as soon as this returns. The copy's baseOffset (and its
   * partitionLeaderEpoch, set to 0) are overwritten, which leaves its CRC32C valid: the CRC covers
   * attributes onward.
   */
  append(batch: Buffer, info: AppendInfo): { baseOffset: number } {
    const length = batch.length;
    if (length < BATCH_HEADER_SIZE) {
      throw new RangeError(`A record batch is at least ${BATCH_HEADER_SIZE} bytes; got ${length}`);
    }
    if (!Number.isInteger(info.lastOffsetDelta) || info.lastOffsetDelta < 0) {
      throw new RangeError(`lastOffsetDelta must be a whole number >= 0; got ${info.lastOffsetDelta}`);
    }
    const now = Date.now();
    this.rollIfNeeded(length, now);

    const start = this.slabs.copyIn(batch, this.memory);
    const memory = this.memory.lastMemory;
    const baseOffset = this.logEndOffset;
    writeBaseOffset(memory, baseOffset, start);
    writePartitionLeaderEpoch(memory, 0, start);
    this.activeSegment.append(memory, start, length, baseOffset, baseOffset + info.lastOffsetDelta + 1, info.maxTimestamp, now);
    this.totalBytes += length;
    this.totalBatches += 1;

    // Appends come by the tens of thousands a second; with no one listening, not even the payload is made.
    if (this.events.listenerCount('batch:appended') > 0) {
      this.events.emit('batch:appended', {
        topic: this.topic,
        partition: this.partition,
        baseOffset,
        count: info.recordCount,
        bytes: length,
        maxTimestamp: info.maxTimestamp,
        producerId: info.producerId,
      });
    }
    return { baseOffset };
  }

  /**
   * Whole batches from the one holding `fetchOffset`, oldest first, up to `maxBytes`. The first
   * batch may hold offsets before fetchOffset; consumers skip those records, as they do with Kafka.
   * Reading at the log end returns no batches; before the log start or past the end it is
   * OFFSET_OUT_OF_RANGE, which sends the consumer to its auto.offset.reset policy.
   */
  read(fetchOffset: number, maxBytes: number, options: ReadOptions = {}): ReadResult {
    if (!Number.isInteger(fetchOffset) || fetchOffset < this.logStartOffset || fetchOffset > this.logEndOffset) {
      return {
        error: 'OFFSET_OUT_OF_RANGE',
        code: 1,
        logStartOffset: this.logStartOffset,
        logEndOffset: this.logEndOffset,
      };
    }
    const batches: Buffer[] = [];
    let bytes = 0;
    if (fetchOffset === this.logEndOffset) return { error: 'none', batches, bytes };

    const minOneBatch = options.minOneBatch ?? true;
    let segmentIndex = this.indexOfSegmentContaining(fetchOffset);
    let batchIndex = (this.segmentList[segmentIndex] as LogSegment).indexOfBatchContaining(fetchOffset);
    for (; segmentIndex < this.segmentList.length; segmentIndex++, batchIndex = 0) {
      const segment = this.segmentList[segmentIndex] as LogSegment;
      for (; batchIndex < segment.batchCount; batchIndex++) {
        const length = segment.batchLengthAt(batchIndex);
        const fits = bytes + length <= maxBytes || (minOneBatch && batches.length === 0);
        if (!fits) return { error: 'none', batches, bytes };
        batches.push(segment.batchAt(batchIndex));
        bytes += length;
      }
    }
    return { error: 'none', batches, bytes };
  }

  /**
   * The first record whose timestamp is at or after `timestamp`, for ListOffsets by time, as Kafka
   * answers it: the index finds the batch, then the batch's records are read (gzip is opened; for
   * snappy, lz4 and zstd the answer falls back to the batch's base offset). The special ListOffsets
   * timestamps -1 (latest) and -2 (earliest) are the caller's to resolve.
   */
  offsetForTimestamp(timestamp: number): { offset: number; timestamp: number } | null {
    if (timestamp < 0) {
      throw new RangeError(`offsetForTimestamp takes a real timestamp; resolve ListOffsets ${timestamp} with logStartOffset/logEndOffset`);
    }
    // Segments in order, then binary search inside the first one that reaches the timestamp:
    // segment maxima need not rise (CreateTime comes from producers), so this is Kafka's own
    // approach (UnifiedLog.fetchOffsetByTimestamp scans segments, then uses the time index).
    for (const segment of this.segmentList) {
      const index = segment.indexOfFirstBatchAtOrAfter(timestamp);
      if (index >= 0) return firstRecordAtOrAfter(segment.batchAt(index), timestamp) ?? { offset: segment.baseOffsetAt(index), timestamp: segment.runningMaxTimestampAt(index) };
    }
    return null;
  }

  /**
   * Deletes closed segments, oldest first, as Kafka's log retention does (UnifiedLog
   * deleteRetentionMsBreachedSegments, then deleteRetentionSizeBreachedSegments):
   * - retention.ms: while the segment's newest record is older than retention.ms;
   * - retention.bytes: while deleting the segment still leaves at least retention.bytes, so a
   *   partition keeps retention.bytes and may exceed it by up to one segment, as in Kafka.
   * The active segment is never deleted. logStartOffset moves to the next remaining segment.
   */
  enforceRetention(now: number, only?: 'retention.bytes'): DeletedSegment[] {
    const config = this.config();
    const retentionMs = config.get('retention.ms');
    const retentionBytes = config.get('retention.bytes');
    const deleted: DeletedSegment[] = [];
    if (retentionMs >= 0 && only !== 'retention.bytes') {
      while (this.segmentList.length > 1 && now - this.firstSegment.newestRecordTime > retentionMs) {
        deleted.push(this.deleteOldestSegment('retention.ms'));
      }
    }
    if (retentionBytes >= 0) {
      while (this.segmentList.length > 1 && this.totalBytes - this.firstSegment.bytes >= retentionBytes) {
        deleted.push(this.deleteOldestSegment('retention.bytes'));
      }
    }
    return deleted;
  }

  /** The log is gone (its topic was deleted): its batches' memory may be used again. */
  discard(): void {
    for (const segment of this.segmentList) this.release(segment);
    this.slabs.close(this.memory);
    this.segmentList.splice(0, this.segmentList.length, new LogSegment(this.logEndOffset, Date.now()));
    this.totalBytes = 0;
    this.totalBatches = 0;
  }

  /** Read-only summaries, oldest first; the last is the active segment. */
  segments(): SegmentSummary[] {
    return this.segmentList.map((segment) => segment.summary());
  }

  private get firstSegment(): LogSegment {
    return this.segmentList[0] as LogSegment;
  }

  private get activeSegment(): LogSegment {
    return this.segmentList[this.segmentList.length - 1] as LogSegment;
  }

  /**
   * Kafka rolls before an append that would push the active segment past segment.bytes, or when
   * the segment is older than segment.ms (LogSegment.shouldRoll). An empty segment never rolls, so
   * a batch larger than segment.bytes gets a segment of its own rather than being refused.
   * Age counts from the segment's first append by the wall clock, not from record timestamps.
   */
  private rollIfNeeded(incomingBytes: number, now: number): void {
    const active = this.activeSegment;
    if (active.isEmpty) return;
    const config = this.config();
    const full = active.bytes + incomingBytes > config.get('segment.bytes');
    const old = now - active.createdAt >= config.get('segment.ms');
    if (!full && !old) return;
    const next = new LogSegment(active.endOffset, now);
    this.segmentList.push(next);
    this.events.emit('segment:rolled', {
      topic: this.topic,
      partition: this.partition,
      baseOffset: next.baseOffset,
      closedBaseOffset: active.baseOffset,
    });
    // A segment just closed: the size limit applies now rather than at the next periodic check, so
    // memory stays bounded by retention.bytes however fast records arrive. Time-based retention
    // stays periodic, as in Kafka.
    this.enforceRetention(now, 'retention.bytes');
  }

  private deleteOldestSegment(reason: DeletedSegment['reason']): DeletedSegment {
    const segment = this.segmentList.shift() as LogSegment;
    this.release(segment);
    this.totalBytes -= segment.bytes;
    this.totalBatches -= segment.batchCount;
    this.events.emit('segment:deleted', {
      topic: this.topic,
      partition: this.partition,
      baseOffset: segment.baseOffset,
      endOffset: segment.endOffset,
      reason,
      logStartOffset: this.logStartOffset,
    });
    return { baseOffset: segment.baseOffset, endOffset: segment.endOffset, bytes: segment.bytes, reason };
  }

  private release(segment: LogSegment): void {
    this.slabs.release(segment.batchMemories());
  }

  /** Last segment whose base offset is <= offset (binary search over segment base offsets). */
  private indexOfSegmentContaining(offset: number): number {
    let low = 0;
    let high = this.segmentList.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((this.segmentList[middle] as LogSegment).baseOffset <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/**
 * Kafka answers a time lookup with the first record at or after the time, not the first record of
 * its batch. Batches in codecs Node cannot open (snappy, lz4, zstd) fall back to the batch: null.
 */
function firstRecordAtOrAfter(batch: Buffer, timestamp: number): { offset: number; timestamp: number } | null {
  try {
    const record = decodeRecords(batch).find((r) => r.timestamp >= timestamp);
    return record ? { offset: record.offset, timestamp: record.timestamp } : null;
  } catch (error) {
    if (error instanceof RecordBatchError) return null;
    throw error;
  }
}
