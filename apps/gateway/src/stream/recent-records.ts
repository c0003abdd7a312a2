import type { RecordView } from '@lanes/events';

/** The latest records of each partition, so a browser that connects mid-demo sees the lanes filled. */
export class RecentRecords {
  private readonly byPartition = new Map<string, RecordView[]>();

  constructor(private readonly perPartition: number) {}

  add(records: readonly RecordView[]): void {
    for (const record of records) {
      const key = `${record.topic}\u0000${record.partition}`;
      let list = this.byPartition.get(key);
      if (!list) {
        list = [];
        this.byPartition.set(key, list);
      }
      list.push(record);
      if (list.length > this.perPartition * 2) list.splice(0, list.length - this.perPartition);
    }
  }

  forgetTopic(topic: string): void {
    for (const key of this.byPartition.keys()) if (key.startsWith(`${topic}\u0000`)) this.byPartition.delete(key);
  }

  all(): RecordView[] {
    return [...this.byPartition.values()].flatMap((list) => list.slice(-this.perPartition));
  }
}
