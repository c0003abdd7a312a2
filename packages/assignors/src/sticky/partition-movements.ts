/**
 * Which partitions moved between which members during one sticky rebalance, after Kafka's
 * AbstractStickyAssignor.PartitionMovements. Its use: when a partition is about to move from A to B
 * and some partition of the same topic already moved from B to A, move that one back instead, so a
 * rebalance never swaps partitions of one topic between two members (KIP-54 stickiness).
 */
import type { TopicPartition } from '../assignment-input';

interface Movement {
  from: string;
  to: string;
}

const pairKey = (from: string, to: string): string => JSON.stringify([from, to]);

export class PartitionMovements {
  private readonly byPartition = new Map<TopicPartition, Movement>();
  /** topic → "from→to" → partitions of that topic that made that move, in the order they moved. */
  private readonly byTopic = new Map<string, Map<string, Set<TopicPartition>>>();

  /** The partition that should really move from `from` to `to` when `partition` was picked. */
  partitionToMove(partition: TopicPartition, from: string, to: string): TopicPartition {
    const movesOfTopic = this.byTopic.get(partition.topic);
    if (!movesOfTopic) return partition;
    const earlier = this.byPartition.get(partition);
    const origin = earlier ? earlier.from : from;
    const reverse = movesOfTopic.get(pairKey(to, origin));
    // Java takes the first of a HashSet; the first moved is as good a choice and is deterministic.
    return reverse?.values().next().value ?? partition;
  }

  record(partition: TopicPartition, from: string, to: string): void {
    const earlier = this.byPartition.get(partition);
    if (!earlier) {
      this.add(partition, { from, to });
      return;
    }
    this.remove(partition, earlier);
    // Moving back to where it started cancels the movement altogether.
    if (earlier.from !== to) this.add(partition, { from: earlier.from, to });
  }

  private add(partition: TopicPartition, movement: Movement): void {
    this.byPartition.set(partition, movement);
    let movesOfTopic = this.byTopic.get(partition.topic);
    if (!movesOfTopic) this.byTopic.set(partition.topic, (movesOfTopic = new Map()));
    const key = pairKey(movement.from, movement.to);
    let partitions = movesOfTopic.get(key);
    if (!partitions) movesOfTopic.set(key, (partitions = new Set()));
    partitions.add(partition);
  }

  private remove(partition: TopicPartition, movement: Movement): void {
    this.byPartition.delete(partition);
    const movesOfTopic = this.byTopic.get(partition.topic)!;
    const key = pairKey(movement.from, movement.to);
    const partitions = movesOfTopic.get(key)!;
    partitions.delete(partition);
    if (partitions.size === 0) movesOfTopic.delete(key);
    if (movesOfTopic.size === 0) this.byTopic.delete(partition.topic);
  }
}
