import { DeliveryTracker, type DeliveryObservation } from './delivery-tracker';
import type { GroupHub } from './group-hub';
import type { ProcessedRecord } from './managed-consumer';
import { OrderingTracker } from './ordering-tracker';

/**
 * What a group's consumers processed, streamed as it happens: each record (coalesced by the hub),
 * duplicates and gaps (delivery semantics made visible), and records of one key processed out of
 * produce order.
 */
export class ProcessingMonitor {
  private readonly delivery = new DeliveryTracker();
  private readonly ordering = new OrderingTracker();

  constructor(
    private readonly groupId: string,
    private readonly hub: GroupHub,
    /** The partition's current log start offset: offsets below it were deleted by retention, not lost. */
    private readonly logStartOf: (topic: string, partition: number) => Promise<number>,
    private readonly log: (message: string) => void,
  ) {}

  /** The group will read this partition from `offset` (where it starts, or where a seek sent it). */
  expectNext(topic: string, partition: number, offset: number): void {
    this.report(this.delivery.expectNext(topic, partition, offset));
  }

  /** A seek begins: re-reading is not out of order (each partition's move is announced with expectNext). */
  seeking(): void {
    this.ordering.clear();
  }

  processed(consumerId: string, record: ProcessedRecord): void {
    const { topic, partition, offset, key } = record;
    this.hub.publishConsumed({ groupId: this.groupId, consumerId, records: [{ topic, partition, offset, key }] });
    const { duplicate, observations } = this.delivery.processed(consumerId, topic, partition, offset);
    this.report(observations);
    // A re-delivered record is reported as a duplicate; calling it out of order too would say it twice.
    if (duplicate || key === null) return;
    const current = { topic, partition, offset, producedAt: record.timestamp, consumerId };
    const earlier = this.ordering.processed(key, current);
    if (earlier) this.hub.emit('ordering:violation', { groupId: this.groupId, key, records: [current, earlier] });
  }

  batchEnded(topic: string, partition: number): void {
    this.report(this.delivery.flush(topic, partition));
  }

  private report(observations: DeliveryObservation[]): void {
    for (const observation of observations) {
      if (observation.kind === 'gap') void this.reportGap(observation);
      else this.hub.emit('delivery:anomaly', { groupId: this.groupId, ...observation });
    }
  }

  /** Offsets that retention deleted were never there to lose: only the rest of a gap is reported. */
  private async reportGap(gap: DeliveryObservation): Promise<void> {
    let logStart = 0;
    try {
      logStart = await this.logStartOf(gap.topic, gap.partition);
    } catch (error) {
      this.log(`Could not read the log start of ${gap.topic}[${gap.partition}] to check a gap: ${error instanceof Error ? error.message : String(error)}`);
    }
    const fromOffset = Math.max(gap.fromOffset, logStart);
    if (fromOffset > gap.toOffset) return;
    this.hub.emit('delivery:anomaly', { groupId: this.groupId, ...gap, fromOffset });
  }
}
