/** What observers see of a segment: read-only numbers, never the stored bytes. */
export interface SegmentSummary {
  readonly baseOffset: number;
  /** The offset after the last record in the segment (its base offset when empty). */
  readonly endOffset: number;
  readonly bytes: number;
  readonly batches: number;
  /** Wall-clock time (ms) the segment received its first batch. */
  readonly createdAt: number;
  /** Largest record timestamp in the segment, or -1 before its first batch. */
  readonly maxTimestamp: number;
}

/**
 * One segment of a partition log, in memory: the stored batches plus two indexes, as Kafka keeps
 * an offset index and a time index beside each segment file (Kafka docs, "Log" in Implementation).
 *
 * - The offset index is the batch base offsets, ascending, so the batch holding an offset is found
 *   by binary search.
 * - The time index is the running maximum of batch max timestamps. CreateTime timestamps come from
 *   producers and need not rise, but a running maximum does, and the first batch where it reaches
 *   a target is exactly the first batch whose own maxTimestamp reaches it, so binary search works.
 */
export class LogSegment {
  /** Each batch as the memory it was copied into, where it starts there, and its length. */
  private readonly memories: Buffer[] = [];
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly batchBaseOffsets: number[] = [];
  private readonly runningMaxTimestamps: number[] = [];
  private size = 0;
  private nextOffset: number;
  private largestTimestamp = -1;
  private openedAt: number;
  private lastAppendedAt: number;

  constructor(
    readonly baseOffset: number,
    now: number,
  ) {
    this.nextOffset = baseOffset;
    this.openedAt = now;
    this.lastAppendedAt = now;
  }

  get endOffset(): number {
    return this.nextOffset;
  }

  get bytes(): number {
    return this.size;
  }

  get batchCount(): number {
    return this.lengths.length;
  }

  get isEmpty(): boolean {
    return this.lengths.length === 0;
  }

  get createdAt(): number {
    return this.openedAt;
  }

  get maxTimestamp(): number {
    return this.largestTimestamp;
  }

  /**
   * When the newest record in this segment was written, for retention.ms. Kafka uses the largest
   * record timestamp and falls back to the file's modification time when batches carry none (-1);
   * the last append time is that modification time here.
   */
  get newestRecordTime(): number {
    return this.largestTimestamp >= 0 ? this.largestTimestamp : this.lastAppendedAt;
  }

  /** Adds the batch held in `memory` from `start`, `length` bytes long. */
  append(memory: Buffer, start: number, length: number, baseOffset: number, nextOffset: number, maxTimestamp: number, now: number): void {
    // A segment's age for segment.ms counts from its first batch, not from when it was opened empty.
    if (this.lengths.length === 0) this.openedAt = now;
    this.memories.push(memory);
    this.starts.push(start);
    this.lengths.push(length);
    this.batchBaseOffsets.push(baseOffset);
    this.largestTimestamp = Math.max(this.largestTimestamp, maxTimestamp);
    this.runningMaxTimestamps.push(this.largestTimestamp);
    this.size += length;
    this.nextOffset = nextOffset;
    this.lastAppendedAt = now;
  }

  /** The memory each batch is held in, oldest first (one entry per batch). */
  batchMemories(): readonly Buffer[] {
    return this.memories;
  }

  batchAt(index: number): Buffer {
    const memory = this.memories[index];
    if (memory === undefined) throw new RangeError(`Segment ${this.baseOffset} has no batch ${index}`);
    const start = this.starts[index]!;
    return memory.subarray(start, start + this.lengths[index]!);
  }

  batchLengthAt(index: number): number {
    return this.lengths[index] ?? 0;
  }

  baseOffsetAt(index: number): number {
    const offset = this.batchBaseOffsets[index];
    if (offset === undefined) throw new RangeError(`Segment ${this.baseOffset} has no batch ${index}`);
    return offset;
  }

  /** Index of the batch holding `offset`, which must lie in [baseOffset, endOffset). */
  indexOfBatchContaining(offset: number): number {
    // Last batch whose base offset is <= offset: batches are contiguous, so it holds the offset.
    let low = 0;
    let high = this.batchBaseOffsets.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((this.batchBaseOffsets[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Index of the first batch whose maxTimestamp >= timestamp, or -1 when there is none. */
  indexOfFirstBatchAtOrAfter(timestamp: number): number {
    if (this.largestTimestamp < timestamp) return -1;
    let low = 0;
    let high = this.runningMaxTimestamps.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.runningMaxTimestamps[middle] as number) >= timestamp) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** The batch's own max timestamp equals the running maximum where the maximum first rises to it. */
  runningMaxTimestampAt(index: number): number {
    return this.runningMaxTimestamps[index] ?? -1;
  }

  summary(): SegmentSummary {
    return {
      baseOffset: this.baseOffset,
      endOffset: this.nextOffset,
      bytes: this.size,
      batches: this.lengths.length,
      createdAt: this.openedAt,
      maxTimestamp: this.largestTimestamp,
    };
  }
}
