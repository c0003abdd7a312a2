import { partitionKey } from './topic-partitions';

/** An offset range one group processed twice (duplicate) or never (gap), and who noticed. */
export interface DeliveryObservation {
  kind: 'duplicate' | 'gap';
  consumerId: string;
  topic: string;
  partition: number;
  fromOffset: number;
  toOffset: number;
}

interface PartitionProgress {
  /** The highest offset the group has processed, or the one before where it is expected to start. */
  highest: number;
  /** Consecutive re-processed offsets not yet reported, so a re-read of 500 records is one event. */
  duplicates: { consumerId: string; from: number; to: number } | null;
}

/**
 * What one consumer group processed on each partition, to make delivery semantics visible: a record
 * at or below the highest offset already processed is a duplicate (at-least-once: a crash before the
 * commit re-delivers), a jump past the next offset is a gap (at-most-once: a commit before the
 * processing that never happened). Positions the group was sent to on purpose (its start, a seek)
 * are announced with `expectNext`, so they are neither.
 *
 * @example
 *   const tracker = new DeliveryTracker();
 *   tracker.expectNext('orders', 0, 0);
 *   tracker.processed('c1', 'orders', 0, 0);  // {duplicate: false, observations: []}
 *   tracker.processed('c2', 'orders', 0, 0);  // duplicate; reported by the next record or flush()
 */
export class DeliveryTracker {
  private readonly partitions = new Map<string, PartitionProgress>();

  /** The group will read this partition from `offset` next (its start or a seek target). */
  expectNext(topic: string, partition: number, offset: number): DeliveryObservation[] {
    const observations = this.flush(topic, partition);
    this.partitions.set(partitionKey(topic, partition), { highest: offset - 1, duplicates: null });
    return observations;
  }

  /** Whether the partition has a known position (a start, a seek, or something processed). */
  knows(topic: string, partition: number): boolean {
    return this.partitions.has(partitionKey(topic, partition));
  }

  /**
   * One record was processed. Returns whether it was a duplicate and any range this record closes:
   * a gap at once, a run of duplicates when the run ends.
   */
  processed(consumerId: string, topic: string, partition: number, offset: number): { duplicate: boolean; observations: DeliveryObservation[] } {
    const key = partitionKey(topic, partition);
    const progress = this.partitions.get(key);
    if (!progress) {
      // Nothing known about where this partition started (a partition added later, or 'latest'):
      // its first record is the start.
      this.partitions.set(key, { highest: offset, duplicates: null });
      return { duplicate: false, observations: [] };
    }
    if (offset <= progress.highest) {
      const run = progress.duplicates;
      if (run && run.consumerId === consumerId && offset === run.to + 1) {
        run.to = offset;
        return { duplicate: true, observations: [] };
      }
      const observations = this.closeRun(topic, partition, progress);
      progress.duplicates = { consumerId, from: offset, to: offset };
      return { duplicate: true, observations };
    }
    const observations = this.closeRun(topic, partition, progress);
    if (offset > progress.highest + 1) {
      observations.push({ kind: 'gap', consumerId, topic, partition, fromOffset: progress.highest + 1, toOffset: offset - 1 });
    }
    progress.highest = offset;
    return { duplicate: false, observations };
  }

  /** Reports a run of duplicates still open (call at the end of each batch). */
  flush(topic: string, partition: number): DeliveryObservation[] {
    const progress = this.partitions.get(partitionKey(topic, partition));
    return progress ? this.closeRun(topic, partition, progress) : [];
  }

  /** Forgets everything, e.g. after the group was sent elsewhere on every partition. */
  clear(): void {
    this.partitions.clear();
  }

  private closeRun(topic: string, partition: number, progress: PartitionProgress): DeliveryObservation[] {
    const run = progress.duplicates;
    if (!run) return [];
    progress.duplicates = null;
    return [{ kind: 'duplicate', consumerId: run.consumerId, topic, partition, fromOffset: run.from, toOffset: run.to }];
  }
}
