import { AssignerProtocol, type GroupDescription, type MemberDescription } from 'kafkajs';
import type { GroupView, LagView, MemberView, TopicPartition } from '@lanes/events';
import { sortPartitions } from '../groups/topic-partitions';

/** A member as DescribeGroups reports it, with the consumer-protocol bytes decoded where they can be. */
export interface DecodedMember {
  memberId: string;
  clientId: string;
  clientHost: string;
  /** Topics in the member's subscription (its JoinGroup metadata). */
  subscribed: string[];
  assignment: TopicPartition[];
}

/** Committed offset per partition of each topic (only partitions the group has committed). */
export type CommittedOffsets = Map<string, Map<number, number>>;
/** Log end offset per partition of each topic. */
export type LogEndOffsets = Map<string, Map<number, number>>;

/** What the broker itself said about a group, when the embedded broker's events are available. */
export interface BrokerGroupDetail {
  generationId: number;
  sessionTimeoutMs: Map<string, number>;
}

/**
 * Generation shown when it is not known: DescribeGroups does not report the generation, so on a real
 * cluster (no broker events) the dashboard cannot know it.
 */
export const UNKNOWN_GENERATION = -1;

/**
 * Decodes a member's subscription and assignment. Only groups of protocol type "consumer" carry the
 * consumer protocol (ConsumerProtocolSubscription/Assignment in Kafka's clients); Kafka Connect
 * workers and others carry their own bytes, and an empty assignment means none yet (mid-rebalance).
 * Bytes that do not decode are shown as no assignment rather than failing the whole group.
 */
export function decodeMember(member: MemberDescription, protocolType: string): DecodedMember {
  const decoded: DecodedMember = { memberId: member.memberId, clientId: member.clientId, clientHost: member.clientHost, subscribed: [], assignment: [] };
  if (protocolType !== 'consumer') return decoded;
  try {
    if (member.memberMetadata.length > 0) decoded.subscribed = [...(AssignerProtocol.MemberMetadata.decode(member.memberMetadata)?.topics ?? [])].sort();
  } catch {
    decoded.subscribed = [];
  }
  try {
    const assignment = member.memberAssignment.length > 0 ? AssignerProtocol.MemberAssignment.decode(member.memberAssignment) : null;
    if (assignment) {
      decoded.assignment = sortPartitions(Object.entries(assignment.assignment).flatMap(([topic, partitions]) => partitions.map((partition) => ({ topic, partition }))));
    }
  } catch {
    decoded.assignment = [];
  }
  return decoded;
}

/**
 * Member status as far as the protocol shows it: joining while the group rebalances, idle when the
 * group is stable but the member got no partition (more members than partitions), active otherwise.
 */
function memberStatus(groupState: string, member: DecodedMember): MemberView['status'] {
  if (groupState === 'PreparingRebalance' || groupState === 'CompletingRebalance') return 'joining';
  if (groupState === 'Stable' && member.assignment.length === 0) return 'idle';
  return 'active';
}

/**
 * Lag per partition the group has committed: log end offset minus committed offset (the definition in
 * kafka-consumer-groups.sh). Partitions without a commit are left out, as that tool shows them as "-".
 */
export function lagFor(topics: readonly string[], committed: CommittedOffsets, logEnd: LogEndOffsets): LagView[] {
  const lag: LagView[] = [];
  for (const topic of topics) {
    const ends = logEnd.get(topic);
    const commits = committed.get(topic);
    if (!ends || !commits) continue;
    for (const [partition, offset] of [...commits].sort((a, b) => a[0] - b[0])) {
      const logEndOffset = ends.get(partition);
      if (logEndOffset === undefined) continue;
      lag.push({ topic, partition, committed: offset, logEndOffset, lag: Math.max(0, logEndOffset - offset) });
    }
  }
  return lag;
}

export interface ExternalGroupInput {
  description: GroupDescription;
  members: DecodedMember[];
  topics: readonly string[];
  /** The assignor last seen for this group; DescribeGroups reports none for an Empty group. */
  assignor: string;
  lag: LagView[];
  broker: BrokerGroupDetail | undefined;
}

/** The dashboard's view of a group Lanes does not run. */
export function externalGroupView(input: ExternalGroupInput): GroupView {
  const { description, broker } = input;
  const members = [...input.members]
    .sort((a, b) => (a.clientId === b.clientId ? (a.memberId < b.memberId ? -1 : 1) : a.clientId < b.clientId ? -1 : 1))
    .map((member): MemberView => {
      const view: MemberView = {
        memberId: member.memberId,
        clientId: member.clientId,
        clientHost: member.clientHost,
        assignment: member.assignment,
        status: memberStatus(description.state, member),
      };
      const sessionTimeoutMs = broker?.sessionTimeoutMs.get(member.memberId);
      if (sessionTimeoutMs !== undefined) view.sessionTimeoutMs = sessionTimeoutMs;
      return view;
    });
  return {
    groupId: description.groupId,
    managed: false,
    topics: [...input.topics].sort(),
    assignor: input.assignor,
    state: description.state,
    generation: broker?.generationId ?? UNKNOWN_GENERATION,
    members,
    lag: input.lag,
  };
}
