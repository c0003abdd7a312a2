import type { ConsumedBatch } from '@lanes/events';

/** Where each consumer of each group last processed, per partition: read by the lanes canvas each frame. */
export interface ConsumerPosition {
  groupId: string;
  consumerId: string;
  topic: string;
  partition: number;
  /** The next offset this consumer will process (last processed + 1). */
  position: number;
  at: number;
}

/**
 * Consumed batches arrive at flush rate (up to 60 a second): too often for React, so they land
 * here and the canvas draws member positions from it.
 */
export class GroupActivity {
  private readonly positions = new Map<string, ConsumerPosition>();
  private readonly processed = new Map<string, number>();

  push(batch: ConsumedBatch): void {
    const at = Date.now();
    for (const record of batch.records) {
      const id = `${batch.groupId}\u0000${record.topic}\u0000${record.partition}`;
      const current = this.positions.get(id);
      if (!current || current.position <= record.offset || current.consumerId !== batch.consumerId) {
        this.positions.set(id, { groupId: batch.groupId, consumerId: batch.consumerId, topic: record.topic, partition: record.partition, position: record.offset + 1, at });
      }
    }
    const counter = `${batch.groupId}\u0000${batch.consumerId}`;
    this.processed.set(counter, (this.processed.get(counter) ?? 0) + batch.processed);
  }

  positionsFor(topic: string): ConsumerPosition[] {
    return [...this.positions.values()].filter((p) => p.topic === topic);
  }

  processedBy(groupId: string, consumerId: string): number {
    return this.processed.get(`${groupId}\u0000${consumerId}`) ?? 0;
  }

  forgetGroup(groupId: string): void {
    for (const id of this.positions.keys()) if (id.startsWith(`${groupId}\u0000`)) this.positions.delete(id);
  }

  reset(): void {
    this.positions.clear();
    this.processed.clear();
  }
}

export const groupActivity = new GroupActivity();
