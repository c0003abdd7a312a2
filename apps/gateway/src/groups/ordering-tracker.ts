/** A processed record as the ordering check sees it. */
export interface ProcessedInOrder {
  topic: string;
  partition: number;
  offset: number;
  /** The record's timestamp: when it was produced (CreateTime). */
  producedAt: number;
  consumerId: string;
}

/**
 * Per-key ordering within one consumer group. Kafka keeps order only inside a partition; when one
 * key's records sit in two partitions (an explicit partition, a changed partition count, another
 * client's partitioner), the group may process them out of produce order. Produce order is the
 * record timestamp, then the offset within one partition.
 *
 * The group remembers, per key, the latest-produced record it processed; a record produced before
 * it but processed after it is a violation. Keys are bounded (least recently seen go first) so a
 * load generator with a million keys cannot grow memory without limit.
 *
 * @example
 *   const ordering = new OrderingTracker();
 *   ordering.processed('k', { topic: 't', partition: 0, offset: 0, producedAt: 2000, consumerId: 'c1' }); // null
 *   ordering.processed('k', { topic: 't', partition: 1, offset: 0, producedAt: 1000, consumerId: 'c2' }); // the first record
 */
export class OrderingTracker {
  private readonly latest = new Map<string, ProcessedInOrder>();

  constructor(private readonly maxKeys = 10_000) {}

  /** Returns the record processed earlier that was produced later, when `record` is out of order. */
  processed(key: string, record: ProcessedInOrder): ProcessedInOrder | null {
    const previous = this.latest.get(key);
    if (previous && producedBefore(record, previous)) return previous;
    this.latest.delete(key);
    this.latest.set(key, record);
    if (this.latest.size > this.maxKeys) this.latest.delete(this.latest.keys().next().value as string);
    return null;
  }

  /** Forgets every key, e.g. after a seek sent the group back to re-read. */
  clear(): void {
    this.latest.clear();
  }
}

function producedBefore(a: ProcessedInOrder, b: ProcessedInOrder): boolean {
  if (a.producedAt !== b.producedAt) return a.producedAt < b.producedAt;
  // Offsets say which came first only inside one partition.
  return a.topic === b.topic && a.partition === b.partition && a.offset < b.offset;
}
