/**
 * Turns a pure assignor into a kafkajs PartitionAssigner that speaks the standard consumer protocol
 * under the name Java and librdkafka use, so a kafkajs consumer can share a group with them: whoever
 * is elected leader, every member can read the others' subscriptions and the leader's assignment.
 */
import type { Assigner, Cluster, GroupMember, GroupMemberAssignment, PartitionAssigner } from 'kafkajs';
import type { Assignment, AssignmentInput, AssignorMember } from '../assignment-input';
import { encodeAssignment } from '../consumer-protocol/assignment';
import { ConsumerProtocolError } from '../consumer-protocol/protocol-bytes';
import { decodeSubscription, encodeSubscription, type ConsumerSubscription } from '../consumer-protocol/subscription';
import { groupByTopic } from '../consumer-protocol/topic-partitions';

export interface KafkajsAssignerSpec {
  /** The JoinGroup protocol name: 'range', 'roundrobin', 'sticky'. */
  name: string;
  assign(input: AssignmentInput): Assignment;
  /** User data this member puts in its subscription; empty unless given. */
  userData?(): Uint8Array | null;
  /** What the assignor reads from each member's subscription besides its topics. */
  readMember?(subscription: ConsumerSubscription, memberId: string): Pick<AssignorMember, 'previous' | 'generation'>;
}

/** The subscription version our members send: v0 carries everything an eager assignor needs. */
const SUBSCRIPTION_VERSION = 0;
const ASSIGNMENT_VERSION = 0;

export function kafkajsAssigner(spec: KafkajsAssignerSpec): PartitionAssigner {
  return ({ cluster }) => {
    const assigner: Assigner = {
      name: spec.name,
      version: SUBSCRIPTION_VERSION,
      protocol: ({ topics }) => ({
        name: spec.name,
        metadata: encodeSubscription({ version: SUBSCRIPTION_VERSION, topics, userData: spec.userData ? spec.userData() : Buffer.alloc(0) }),
      }),
      assign: async ({ members, topics }) => assignGroup(spec, cluster, members, topics),
    };
    return assigner;
  };
}

async function assignGroup(spec: KafkajsAssignerSpec, cluster: Cluster, members: GroupMember[], leaderTopics: string[]): Promise<GroupMemberAssignment[]> {
  const assignorMembers = members.map((member): AssignorMember => {
    const subscription = readSubscription(spec.name, member);
    const groupInstanceId = (member as GroupMember & { groupInstanceId?: string | null }).groupInstanceId ?? undefined;
    return { memberId: member.memberId, groupInstanceId, topics: subscription.topics, ...spec.readMember?.(subscription, member.memberId) };
  });
  // Java's leader assigns every topic any member subscribes to, not only its own (kafkajs passes its own).
  const topics = [...new Set([...leaderTopics, ...assignorMembers.flatMap((member) => member.topics)])];
  const partitionsPerTopic = await readPartitionCounts(cluster, topics);
  const plan = spec.assign({ members: assignorMembers, partitionsPerTopic });
  // Every member gets an answer, idle ones an empty list, as Java's leader sends.
  return assignorMembers.map(({ memberId }) => ({
    memberId,
    memberAssignment: encodeAssignment({ version: ASSIGNMENT_VERSION, assignedPartitions: groupByTopic(plan[memberId] ?? []) }),
  }));
}

function readSubscription(protocol: string, member: GroupMember): ConsumerSubscription {
  try {
    return decodeSubscription(member.memberMetadata);
  } catch (error) {
    if (!(error instanceof ConsumerProtocolError)) throw error;
    throw new ConsumerProtocolError(`Group member ${member.memberId} offered protocol "${protocol}" with metadata that is not a consumer subscription: ${error.message}`);
  }
}

/**
 * Partition counts from the leader's metadata. Topics only other members subscribe to are fetched
 * first, as Java's leader does; a topic still unknown is left out, and Java skips it too.
 */
async function readPartitionCounts(cluster: Cluster, topics: string[]): Promise<Record<string, number>> {
  const known = (topic: string): number => {
    try {
      return cluster.findTopicPartitionMetadata(topic).length;
    } catch {
      return 0;
    }
  };
  const missing = topics.filter((topic) => known(topic) === 0);
  if (missing.length > 0) {
    try {
      await cluster.addMultipleTargetTopics(missing);
    } catch {
      // A topic that cannot be described (deleted, not yet created) gets no partitions this round.
    }
  }
  const counts: [string, number][] = topics.map((topic) => [topic, known(topic)]);
  return Object.fromEntries(counts.filter(([, n]) => n > 0));
}
