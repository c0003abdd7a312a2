import type { RecordView } from '@lanes/events';

/** The latest records of each partition, so a browser that connects mid-demo sees the lanes filled. */
export class RecentRecords {
  private readonly byTopic = new Map<string, Map<number, RecordView[]>>();

  constructor(readonly perPartition: number) {}

  add(records: readonly RecordView[]): void {
    let topic = '';
    let partitions: Map<number, RecordView[]> | undefined;
    for (const record of records) {
      if (record.topic !== topic || !partitions) {
        topic = record.topic;
        partitions = this.byTopic.get(topic);
        if (!partitions) {
          partitions = new Map();
          this.byTopic.set(topic, partitions);
        }
      }
      let list = partitions.get(record.partition);
      if (!list) {
        list = [];
        partitions.set(record.partition, list);
      }
      list.push(record);
      // Trim in bulk, not per record: the list may grow to twice its size between trims.
      if (list.length >= this.perPartition * 2) list.splice(0, list.length - this.perPartition);
    }
  }

  forgetTopic(topic: string): void {
    this.byTopic.delete(topic);
  }

  all(): RecordView[] {
    const all: RecordView[] = [];
    for (const partitions of this.byTopic.values()) {
      for (const list of partitions.values()) all.push(...list.slice(-this.perPartition));
    }
    return all;
  }
}
