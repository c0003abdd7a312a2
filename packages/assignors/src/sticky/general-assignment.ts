/**
 * The sticky plan when members subscribe to different topics: a port of the no-rack path of Kafka's
 * AbstractStickyAssignor.GeneralAssignmentBuilder (KIP-54). Keep every valid previous assignment, give
 * each unassigned partition to the least-loaded member that can take it, then move partitions from
 * members that have two or more than someone who could take them, undoing the moves if that did not
 * improve the balance. Java's HashMaps are replaced by member-id and insertion order.
 */
import { compareStrings, type TopicPartition } from '../assignment-input';
import { PartitionMovements } from './partition-movements';
import { NO_GENERATION, removeFrom, type StickyContext } from './sticky-ownership';

interface PreviousOwner {
  memberId: string;
  generation: number;
}

export function generalAssignment(context: StickyContext): Map<string, TopicPartition[]> {
  return new GeneralAssignment(context).build();
}

class GeneralAssignment {
  private readonly topicsOf = new Map<string, string[]>();
  private readonly membersOf = new Map<string, string[]>();
  private readonly current = new Map<string, TopicPartition[]>();
  private readonly ownerOf = new Map<TopicPartition, string>();
  private readonly movements = new PartitionMovements();
  private sortedPartitions: TopicPartition[];
  private revocationRequired = false;

  constructor(private readonly context: StickyContext) {
    const { members, catalog, ownedBy } = context;
    for (const topic of catalog.partitionCounts.keys()) this.membersOf.set(topic, []);
    for (const member of members) {
      const topics = [...member.topics].filter((topic) => catalog.partitionCounts.has(topic));
      this.topicsOf.set(member.memberId, topics);
      for (const topic of topics) this.membersOf.get(topic)!.push(member.memberId);
      this.current.set(member.memberId, [...(ownedBy.get(member.memberId) ?? [])]);
    }
    for (const [memberId, partitions] of this.current) for (const tp of partitions) this.ownerOf.set(tp, memberId);
    // Topics with the fewest candidate members first, so the hardest-to-place partitions go first.
    const topics = [...this.membersOf.keys()].sort((a, b) => this.membersOf.get(a)!.length - this.membersOf.get(b)!.length || compareStrings(a, b));
    this.sortedPartitions = catalog.inTopicOrder(topics);
  }

  build(): Map<string, TopicPartition[]> {
    const previousOwners = this.previousOwners();
    const kept = this.keepOwnedPartitions();
    const unassigned = this.sortedPartitions.filter((tp) => !kept.has(tp));
    this.balance(previousOwners, unassigned);
    return this.current;
  }

  /** Older claims (below the newest generation), so a partition can go back to its owner before last. */
  private previousOwners(): Map<TopicPartition, PreviousOwner> {
    const { members, claimsOf, maxGeneration } = this.context;
    const previous = new Map<TopicPartition, PreviousOwner>();
    for (const member of members) {
      let generation: number;
      if (member.generation !== undefined && member.generation < maxGeneration) generation = member.generation;
      else if (member.generation === undefined && maxGeneration > NO_GENERATION) generation = NO_GENERATION;
      else continue;
      for (const tp of claimsOf.get(member.memberId) ?? []) {
        const known = previous.get(tp);
        if (!known || generation > known.generation) previous.set(tp, { memberId: member.memberId, generation });
      }
    }
    return previous;
  }

  private keepOwnedPartitions(): Set<TopicPartition> {
    const kept = new Set<TopicPartition>();
    for (const member of this.context.members) {
      const partitions = this.current.get(member.memberId)!;
      for (const tp of [...partitions]) {
        if (!member.topics.has(tp.topic)) {
          removeFrom(partitions, tp);
          this.revocationRequired = true;
        } else {
          kept.add(tp);
        }
      }
    }
    return kept;
  }

  /** Members by how many partitions they hold, then by id: Java's sortedCurrentSubscriptions. */
  private byLoad(): string[] {
    return [...this.current.keys()].sort((a, b) => this.load(a) - this.load(b) || compareStrings(a, b));
  }

  private load(memberId: string): number {
    return this.current.get(memberId)?.length ?? 0;
  }

  private maxLoad(memberId: string): number {
    return (this.topicsOf.get(memberId) ?? []).reduce((sum, topic) => sum + this.context.catalog.ofTopic(topic).length, 0);
  }

  private canTopicMove(topic: string): boolean {
    return (this.membersOf.get(topic)?.length ?? 0) >= 2;
  }

  private canMemberTakePart(memberId: string): boolean {
    if (this.load(memberId) < this.maxLoad(memberId)) return true;
    return this.current.get(memberId)!.some((tp) => this.canTopicMove(tp.topic));
  }

  private balance(previousOwners: Map<TopicPartition, PreviousOwner>, unassigned: TopicPartition[]): void {
    const byLoad = this.byLoad();
    const initializing = byLoad.length === 0 || this.load(byLoad[byLoad.length - 1]!) === 0;

    for (const partition of unassigned) {
      const taker = this.byLoad().find((memberId) => this.topicsOf.get(memberId)!.includes(partition.topic));
      if (taker === undefined) continue;
      this.current.get(taker)!.push(partition);
      this.ownerOf.set(partition, taker);
    }

    // Only partitions with two or more candidates, and members that could change, take part.
    const movable = (tp: TopicPartition): boolean => this.canTopicMove(tp.topic);
    this.sortedPartitions = this.sortedPartitions.filter(movable);
    const newlyAssigned = unassigned.filter(movable);
    const fixed = new Map<string, TopicPartition[]>();
    for (const member of this.context.members) {
      if (this.canMemberTakePart(member.memberId)) continue;
      fixed.set(member.memberId, this.current.get(member.memberId)!);
      this.current.delete(member.memberId);
    }

    const before = copyAssignment(this.current);
    const ownersBefore = new Map(this.ownerOf);
    // Without forced revocations, first try to balance by moving only partitions nobody owned.
    if (!this.revocationRequired) this.reassign(newlyAssigned, previousOwners);
    const moved = this.reassign(this.sortedPartitions, previousOwners);
    if (!initializing && moved && balanceScore(this.current) >= balanceScore(before)) {
      this.current.clear();
      for (const [memberId, partitions] of before) this.current.set(memberId, partitions);
      this.ownerOf.clear();
      for (const [tp, memberId] of ownersBefore) this.ownerOf.set(tp, memberId);
    }
    for (const [memberId, partitions] of fixed) this.current.set(memberId, partitions);
  }

  private reassign(partitions: readonly TopicPartition[], previousOwners: Map<TopicPartition, PreviousOwner>): boolean {
    let moved = false;
    let modified: boolean;
    // A bound Java does not have: a broker must not hang on a pathological input.
    let rounds = 0;
    do {
      modified = false;
      for (const partition of partitions) {
        if (this.isBalanced()) break;
        const owner = this.ownerOf.get(partition);
        if (owner === undefined || !this.current.has(owner)) continue;
        const previous = previousOwners.get(partition);
        if (previous && this.current.has(previous.memberId) && this.load(owner) > this.load(previous.memberId) + 1) {
          this.move(partition, previous.memberId);
          moved = modified = true;
          continue;
        }
        const lighter = this.membersOf.get(partition.topic)!.some((other) => this.current.has(other) && this.load(owner) > this.load(other) + 1);
        if (lighter) {
          const taker = this.byLoad().find((memberId) => this.topicsOf.get(memberId)!.includes(partition.topic))!;
          this.move(partition, taker);
          moved = modified = true;
        }
      }
    } while (modified && ++rounds < 10_000);
    return moved;
  }

  private move(picked: TopicPartition, to: string): void {
    const from = this.ownerOf.get(picked)!;
    const partition = this.movements.partitionToMove(picked, from, to);
    const owner = this.ownerOf.get(partition)!;
    this.movements.record(partition, owner, to);
    removeFrom(this.current.get(owner)!, partition);
    this.current.get(to)!.push(partition);
    this.ownerOf.set(partition, to);
  }

  /** Java's isBalanced: loads differ by at most one, or no partition could move to a member 2+ lighter. */
  private isBalanced(): boolean {
    const byLoad = this.byLoad();
    if (byLoad.length === 0) return true;
    if (this.load(byLoad[0]!) >= this.load(byLoad[byLoad.length - 1]!) - 1) return true;
    for (const memberId of byLoad) {
      const load = this.load(memberId);
      if (load === this.maxLoad(memberId)) continue;
      const mine = new Set(this.current.get(memberId));
      for (const topic of this.topicsOf.get(memberId)!) {
        for (const tp of this.context.catalog.ofTopic(topic)) {
          if (mine.has(tp)) continue;
          const other = this.ownerOf.get(tp);
          if (other !== undefined && this.current.has(other) && load + 1 < this.load(other)) return false;
        }
      }
    }
    return true;
  }
}

function copyAssignment(assignment: Map<string, TopicPartition[]>): Map<string, TopicPartition[]> {
  return new Map([...assignment].map(([memberId, partitions]) => [memberId, [...partitions]]));
}

/** Sum over member pairs of the difference in partition counts; 0 is perfectly even. */
function balanceScore(assignment: Map<string, TopicPartition[]>): number {
  const loads = [...assignment.values()].map((partitions) => partitions.length);
  let score = 0;
  for (let i = 0; i < loads.length; i++) for (let j = i + 1; j < loads.length; j++) score += Math.abs(loads[i]! - loads[j]!);
  return score;
}
