/**
 * The sticky assignor (KIP-54), as Kafka's Java StickyAssignor ("sticky"): as balanced as possible
 * (within one partition when subscriptions are equal), and, second to balance, every member keeps as
 * many of its previous partitions as it can. It is still an eager protocol: every member gives up all
 * partitions before rejoining, and reports what it had in its subscription user data.
 */
import { checkAssignmentInput, compareTopicPartitions, toAssignment, type Assignment, type AssignmentInput, type TopicPartition } from '../assignment-input';
import { count, formatMemberLines, formatPartitions } from '../explanation-format';
import { constrainedAssignment } from './constrained-assignment';
import { generalAssignment } from './general-assignment';
import { resolveOwnership, type StickyContext } from './sticky-ownership';

function planSticky(input: AssignmentInput): { context: StickyContext; plan: Map<string, TopicPartition[]> } {
  const context = resolveOwnership(checkAssignmentInput(input));
  if (context.members.length === 0) return { context, plan: new Map() };
  const plan = context.sameSubscriptions ? constrainedAssignment(context) : generalAssignment(context);
  return { context, plan };
}

/**
 * @example
 *   assignSticky({
 *     members: [
 *       { memberId: 'c1', topics: ['t'], previous: [{ topic: 't', partition: 0 }, { topic: 't', partition: 1 }], generation: 4 },
 *       { memberId: 'c3', topics: ['t'], previous: [{ topic: 't', partition: 2 }], generation: 4 },
 *     ],
 *     partitionsPerTopic: { t: 4 },
 *   }) // { c1: [t-0, t-1], c3: [t-2, t-3] }: both keep what they had, the free partition goes to the lighter one
 */
export function assignSticky(input: AssignmentInput): Assignment {
  return toAssignment(planSticky(input).plan);
}

/** e.g. "sticky: 6 partitions over 3 members, 2 each (balanced within one); 4 stay with their previous owner, 2 move: c1 → 0,1 (kept 0,1); …". */
export function explainSticky(input: AssignmentInput): string {
  const { context, plan } = planSticky(input);
  const total = context.catalog.total;
  const memberIds = context.members.map((member) => member.memberId);
  if (memberIds.length === 0) return 'sticky: no members, nothing to assign.';
  const oneTopic = context.catalog.partitionCounts.size <= 1;
  const claimant = new Map<TopicPartition, string>();
  for (const [memberId, claims] of context.claimsOf) for (const tp of claims) claimant.set(tp, memberId);

  const loads = memberIds.map((memberId) => plan.get(memberId)?.length ?? 0);
  const low = Math.min(...loads);
  const high = Math.max(...loads);
  const spread = low === high ? `${low} each` : `${low} to ${high} each`;
  const balance = context.sameSubscriptions ? `${spread} (balanced within one)` : `${spread} (as balanced as the different subscriptions allow)`;

  const keptCount = memberIds.reduce((sum, memberId) => sum + (plan.get(memberId) ?? []).filter((tp) => claimant.get(tp) === memberId).length, 0);
  const history = claimant.size === 0 ? 'no member reported previous partitions, so this is a fresh deal' : `${count(keptCount, 'partition')} stay with their previous owner, ${total - keptCount} move or are new`;

  const sorted = (memberId: string): TopicPartition[] => [...(plan.get(memberId) ?? [])].sort(compareTopicPartitions);
  const note = (memberId: string): string => {
    const partitions = sorted(memberId);
    if (partitions.length === 0 || claimant.size === 0) return '';
    const kept = partitions.filter((tp) => claimant.get(tp) === memberId);
    const gained = partitions.filter((tp) => claimant.get(tp) !== memberId);
    const parts: string[] = [];
    if (kept.length > 0) parts.push(`kept ${formatPartitions(kept, oneTopic)}`);
    for (const tp of gained) {
      const from = claimant.get(tp);
      parts.push(from === undefined ? `new ${formatPartitions([tp], oneTopic)}` : `took ${formatPartitions([tp], oneTopic)} from ${from}`);
    }
    return ` (${parts.join(', ')})`;
  };
  return `sticky: ${count(total, 'partition')} over ${count(memberIds.length, 'member')}, ${balance}; ${history}: ${formatMemberLines(memberIds, sorted, oneTopic, note)}`;
}
