/**
 * Who owned what before this rebalance, as Kafka's AbstractStickyAssignor reads it from each member's
 * user data (KIP-54; the generation rule is KIP-341): a partition claimed by two members goes to the
 * one with the newer generation, and a partition claimed twice in the same generation is owned by
 * neither. Also decides which algorithm runs: the quota-based one when every member subscribes to the
 * same topics, the general one otherwise.
 */
import type { CheckedInput, CheckedMember, TopicPartition } from '../assignment-input';

/** Kafka's AbstractStickyAssignor.DEFAULT_GENERATION: a member that reported none. */
export const NO_GENERATION = -1;

/** One object per existing partition, so partitions can be compared and kept in Sets by identity. */
export class PartitionCatalog {
  private readonly byTopic = new Map<string, TopicPartition[]>();

  constructor(readonly partitionCounts: ReadonlyMap<string, number>) {
    for (const [topic, n] of partitionCounts) this.byTopic.set(topic, Array.from({ length: n }, (_, partition) => ({ topic, partition })));
  }

  get(topic: string, partition: number): TopicPartition | undefined {
    return this.byTopic.get(topic)?.[partition];
  }

  ofTopic(topic: string): readonly TopicPartition[] {
    return this.byTopic.get(topic) ?? [];
  }

  /** All partitions, topic by topic in the order given, each topic's in number order. */
  inTopicOrder(topics: Iterable<string>): TopicPartition[] {
    return [...topics].flatMap((topic) => this.ofTopic(topic));
  }

  get total(): number {
    let sum = 0;
    for (const n of this.partitionCounts.values()) sum += n;
    return sum;
  }
}

export interface StickyContext {
  /** In Java's member order (by id). */
  members: CheckedMember[];
  catalog: PartitionCatalog;
  /** Each member's previously owned partitions that survive the ownership rules (consumerToOwnedPartitions). */
  ownedBy: Map<string, TopicPartition[]>;
  /** Partitions two members claimed in the same generation: owned by neither. */
  claimedByMany: Set<TopicPartition>;
  /** Each member's full previous claim, as the canonical partition objects. */
  claimsOf: Map<string, TopicPartition[]>;
  maxGeneration: number;
  sameSubscriptions: boolean;
}

export function resolveOwnership({ members, partitionCounts }: CheckedInput): StickyContext {
  const catalog = new PartitionCatalog(partitionCounts);
  const ownedBy = new Map<string, TopicPartition[]>();
  const claimsOf = new Map<string, TopicPartition[]>();
  const claimedByMany = new Set<TopicPartition>();
  const ownerOf = new Map<TopicPartition, CheckedMember>();
  let maxGeneration = NO_GENERATION;
  let firstSubscription: ReadonlySet<string> | undefined;
  let sameSubscriptions = true;

  for (const member of members) {
    // Java seeds this comparison with the first non-empty subscription, which would treat a member
    // subscribed to nothing as equal to the others; Java members never join with nothing, ours may.
    if (!firstSubscription) firstSubscription = member.topics;
    else if (!sameSet(firstSubscription, member.topics)) sameSubscriptions = false;

    const generation = member.generation ?? NO_GENERATION;
    maxGeneration = Math.max(maxGeneration, generation);
    const claims = member.previous.map(({ topic, partition }) => catalog.get(topic, partition)).filter((tp) => tp !== undefined);
    claimsOf.set(member.memberId, claims);
    const owned: TopicPartition[] = [];
    ownedBy.set(member.memberId, owned);

    for (const partition of claims) {
      const other = ownerOf.get(partition);
      if (!other) {
        owned.push(partition);
        ownerOf.set(partition, member);
        continue;
      }
      const otherGeneration = other.generation ?? NO_GENERATION;
      if (generation === otherGeneration) {
        claimedByMany.add(partition);
        removeFrom(ownedBy.get(other.memberId)!, partition);
        ownerOf.set(partition, member);
      } else if (generation > otherGeneration) {
        owned.push(partition);
        removeFrom(ownedBy.get(other.memberId)!, partition);
        ownerOf.set(partition, member);
      }
    }
  }
  return { members, catalog, ownedBy, claimedByMany, claimsOf, maxGeneration, sameSubscriptions };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

export function removeFrom<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}
