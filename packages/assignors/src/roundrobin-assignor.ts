/**
 * The round-robin assignor, as Kafka's Java RoundRobinAssignor and librdkafka's "roundrobin": every
 * subscribed partition, sorted by topic then partition, is dealt in turn over the members sorted by
 * member id; a member not subscribed to the partition's topic is skipped (the turn passes on).
 */
import { checkAssignmentInput, toAssignment, type Assignment, type AssignmentInput, type CheckedInput, type TopicPartition } from './assignment-input';
import { count, formatMemberLines } from './explanation-format';

function dealRoundRobin({ members, partitionCounts }: CheckedInput): Map<string, TopicPartition[]> {
  const byMember = new Map(members.map((member) => [member.memberId, [] as TopicPartition[]]));
  let turn = 0;
  for (const [topic, partitionCount] of partitionCounts) {
    for (let partition = 0; partition < partitionCount; partition++) {
      // Java's CircularIterator: advance until a subscribed member; one exists, or the topic would not be listed.
      while (!members[turn % members.length]!.topics.has(topic)) turn++;
      byMember.get(members[turn % members.length]!.memberId)!.push({ topic, partition });
      turn++;
    }
  }
  return byMember;
}

/**
 * @example
 *   assignRoundRobin({ members: [{ memberId: 'c1', topics: ['t'] }, { memberId: 'c2', topics: ['t'] }], partitionsPerTopic: { t: 3 } })
 *   // { c1: [t-0, t-2], c2: [t-1] }
 */
export function assignRoundRobin(input: AssignmentInput): Assignment {
  return toAssignment(dealRoundRobin(checkAssignmentInput(input)));
}

/** e.g. "roundrobin: 7 partitions dealt in turn to 3 members sorted by id: c1 → 0,3,6; c2 → 1,4; c3 → 2,5". */
export function explainRoundRobin(input: AssignmentInput): string {
  const checked = checkAssignmentInput(input);
  const dealt = dealRoundRobin(checked);
  const total = [...checked.partitionCounts.values()].reduce((sum, n) => sum + n, 0);
  const topics = [...checked.partitionCounts.keys()];
  const sameSubscriptions = checked.members.every((member) => topics.every((topic) => member.topics.has(topic)));
  const order = topics.length > 1 ? ` (${topics.join(', ')} in name order, each partition in number order)` : '';
  const skipping = sameSubscriptions ? '' : ', skipping a member when it is not subscribed to the partition’s topic';
  const memberIds = checked.members.map((member) => member.memberId);
  const lines = formatMemberLines(memberIds, (memberId) => dealt.get(memberId) ?? [], topics.length <= 1);
  return `roundrobin: ${count(total, 'partition')}${order} dealt in turn to ${count(memberIds.length, 'member')} sorted by id${skipping}: ${lines}`;
}
