/** One committed position: where a group resumes reading a partition. */
export interface CommittedOffset {
  topic: string;
  partition: number;
  offset: number;
  metadata: string | null;
}

/**
 * Committed offsets per group, in memory (Kafka keeps them in __consumer_offsets). A later commit
 * of the same partition replaces the earlier one.
 */
export class OffsetStore {
  /** groupId -> topic -> partition -> commit */
  private readonly byGroup = new Map<string, Map<string, Map<number, CommittedOffset>>>();

  commit(groupId: string, offsets: readonly CommittedOffset[]): void {
    let topics = this.byGroup.get(groupId);
    if (topics === undefined) {
      topics = new Map();
      this.byGroup.set(groupId, topics);
    }
    for (const { topic, partition, offset, metadata } of offsets) {
      let partitions = topics.get(topic);
      if (partitions === undefined) {
        partitions = new Map();
        topics.set(topic, partitions);
      }
      partitions.set(partition, { topic, partition, offset, metadata });
    }
  }

  get(groupId: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.byGroup.get(groupId)?.get(topic)?.get(partition);
  }

  /** Every commit of the group, by topic then partition. */
  all(groupId: string): CommittedOffset[] {
    const topics = this.byGroup.get(groupId);
    if (topics === undefined) return [];
    return [...topics.keys()].sort().flatMap((topic) =>
      [...(topics.get(topic)?.values() ?? [])].sort((a, b) => a.partition - b.partition),
    );
  }

  hasOffsets(groupId: string): boolean {
    return this.byGroup.has(groupId);
  }

  deleteGroup(groupId: string): void {
    this.byGroup.delete(groupId);
  }

  /** Forgets the topic's commits in every group; returns the groups left with no commits at all. */
  deleteTopic(topic: string): string[] {
    const emptied: string[] = [];
    for (const [groupId, topics] of this.byGroup) {
      if (!topics.delete(topic)) continue;
      if (topics.size === 0) {
        this.byGroup.delete(groupId);
        emptied.push(groupId);
      }
    }
    return emptied;
  }
}
