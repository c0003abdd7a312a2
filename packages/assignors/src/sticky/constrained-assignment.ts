/**
 * The sticky plan when every member subscribes to the same topics: a port of the no-rack path of
 * Kafka's AbstractStickyAssignor.ConstrainedAssignmentBuilder (KAFKA-12464 / KAFKA-13406). With T
 * partitions and N members each member ends with floor(T/N) or ceil(T/N) partitions, exactly T % N of
 * them with the larger number; members keep as many previous partitions as those quotas allow.
 */
import { compareStrings, type TopicPartition } from '../assignment-input';
import type { StickyContext } from './sticky-ownership';

export function constrainedAssignment({ members, catalog, ownedBy, claimedByMany }: StickyContext): Map<string, TopicPartition[]> {
  const total = catalog.total;
  const minQuota = Math.floor(total / members.length);
  const maxQuota = Math.ceil(total / members.length);
  const expectedWithExtra = total % members.length;
  let currentWithExtra = 0;

  const assignment = new Map(members.map((member) => [member.memberId, [] as TopicPartition[]]));
  const kept = new Set<TopicPartition>();
  const underMinQuota: string[] = [];
  let atMinQuota: string[] = [];

  // 1. Keep previously owned partitions, up to the quota each member may end with. Java walks a HashMap
  //    here; walking members by id makes the choice of who keeps an extra partition deterministic.
  for (const { memberId } of members) {
    const owned = (ownedBy.get(memberId) ?? []).filter((tp) => !claimedByMany.has(tp)).sort(byPartitionThenTopic);
    const target = assignment.get(memberId)!;
    let keep: TopicPartition[];
    if (owned.length < minQuota) {
      keep = owned;
      underMinQuota.push(memberId);
    } else if (owned.length >= maxQuota && currentWithExtra < expectedWithExtra) {
      currentWithExtra++;
      if (currentWithExtra === expectedWithExtra) atMinQuota = [];
      keep = owned.slice(0, maxQuota);
    } else {
      keep = owned.slice(0, minQuota);
      if (currentWithExtra < expectedWithExtra) atMinQuota.push(memberId);
    }
    target.push(...keep);
    for (const tp of keep) kept.add(tp);
  }

  // 2. Deal the rest round robin: first to members under the minimum, then one extra each to members at it.
  const unassigned = catalog.inTopicOrder([...catalog.partitionCounts.keys()].sort(compareStrings)).filter((tp) => !kept.has(tp));
  underMinQuota.sort(compareStrings);
  atMinQuota.sort(compareStrings);
  let next = 0;
  for (const partition of unassigned) {
    let memberId: string;
    let fromUnderMin = true;
    if (next < underMinQuota.length) {
      memberId = underMinQuota[next++]!;
    } else if (underMinQuota.length > 0) {
      next = 0;
      memberId = underMinQuota[next++]!;
    } else if (atMinQuota.length > 0) {
      memberId = atMinQuota.shift()!;
      fromUnderMin = false;
    } else {
      throw new Error(`Sticky assignor bug: no member can take ${partition.topic}-${partition.partition}; please report it with the input.`);
    }
    const target = assignment.get(memberId)!;
    target.push(partition);
    if (target.length === minQuota && fromUnderMin) {
      underMinQuota.splice(--next, 1);
      atMinQuota.push(memberId);
    } else if (target.length === maxQuota) {
      currentWithExtra++;
    }
  }
  return assignment;
}

/** Java sorts a member's owned partitions by partition number, then topic, before cutting at the quota. */
function byPartitionThenTopic(a: TopicPartition, b: TopicPartition): number {
  return a.partition - b.partition || compareStrings(a.topic, b.topic);
}
