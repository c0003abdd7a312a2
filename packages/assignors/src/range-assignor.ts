/**
 * The range assignor, as Kafka's Java RangeAssignor (the Java default) and librdkafka's "range": per
 * topic, the members subscribed to it, sorted by member id, take contiguous blocks of partitions; the
 * first (partitions % members) members take one extra. Topics are independent, so with several topics
 * the first members get the extras of every topic (the classic range skew).
 */
import { checkAssignmentInput, toAssignment, type Assignment, type AssignmentInput, type CheckedInput, type TopicPartition } from './assignment-input';
import { count, formatMemberLines } from './explanation-format';

interface TopicRangePlan {
  topic: string;
  partitionCount: number;
  memberIds: string[];
  perMember: number;
  withExtra: number;
  blocks: Map<string, TopicPartition[]>;
}

function planRanges({ members, partitionCounts }: CheckedInput): TopicRangePlan[] {
  return [...partitionCounts].map(([topic, partitionCount]) => {
    const memberIds = members.filter((member) => member.topics.has(topic)).map((member) => member.memberId);
    const perMember = Math.floor(partitionCount / memberIds.length);
    const withExtra = partitionCount % memberIds.length;
    const blocks = new Map<string, TopicPartition[]>();
    memberIds.forEach((memberId, i) => {
      const start = perMember * i + Math.min(i, withExtra);
      const length = perMember + (i < withExtra ? 1 : 0);
      blocks.set(memberId, Array.from({ length }, (_, k) => ({ topic, partition: start + k })));
    });
    return { topic, partitionCount, memberIds, perMember, withExtra, blocks };
  });
}

/**
 * @example
 *   assignRange({ members: [{ memberId: 'c1', topics: ['t'] }, { memberId: 'c2', topics: ['t'] }], partitionsPerTopic: { t: 3 } })
 *   // { c1: [t-0, t-1], c2: [t-2] }
 */
export function assignRange(input: AssignmentInput): Assignment {
  const checked = checkAssignmentInput(input);
  const byMember = new Map(checked.members.map((member) => [member.memberId, [] as TopicPartition[]]));
  for (const plan of planRanges(checked)) {
    for (const [memberId, block] of plan.blocks) byMember.get(memberId)?.push(...block);
  }
  return toAssignment(byMember);
}

/**
 * One line per topic, e.g. "range: 7 partitions / 3 members = 2 each, the first 1 member gets one
 * extra: c1 → 0,1,2; c2 → 3,4; c3 → 5,6". With several topics each line names its topic.
 */
export function explainRange(input: AssignmentInput): string {
  const checked = checkAssignmentInput(input);
  const plans = planRanges(checked);
  if (plans.length === 0) return 'range: no subscribed topic has known partitions, so nobody gets anything.';
  const lines = plans.map((plan) => {
    const prefix = plans.length === 1 ? 'range' : `range, topic ${plan.topic}`;
    const division = `${count(plan.partitionCount, 'partition')} / ${count(plan.memberIds.length, 'member')} = ${plan.perMember} each`;
    const extra = plan.withExtra === 0 ? '' : `, the first ${count(plan.withExtra, 'member')} ${plan.withExtra === 1 ? 'gets' : 'get'} one extra`;
    const members = formatMemberLines(plan.memberIds, (memberId) => plan.blocks.get(memberId) ?? [], true);
    return `${prefix}: ${division}${extra}: ${members}`;
  });
  const unsubscribed = checked.members.filter((member) => !plans.some((plan) => plan.memberIds.includes(member.memberId)));
  if (unsubscribed.length > 0) lines.push(`${unsubscribed.map((member) => member.memberId).join(', ')}: subscribed to no topic with known partitions, idle.`);
  return lines.join('\n');
}
