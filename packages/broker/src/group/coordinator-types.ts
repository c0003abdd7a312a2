import type { BrokerEvents, GroupState } from '../broker-events';
import type { ProtocolMetadata } from './protocol-selection';

/**
 * What the request handlers hand to the GroupCoordinator and get back. Field names follow Kafka's
 * message definitions (JoinGroupRequest.json and friends); handlers map versions onto them.
 */

export interface GroupCoordinatorOptions {
  /** Kafka's group.initial.rebalance.delay.ms; Kafka defaults to 3000, here 0 so demos start at once. */
  initialRebalanceDelayMs?: number;
  /** Kafka's group.min.session.timeout.ms (6000 there); 1000 here so demos can show expiry quickly. */
  minSessionTimeoutMs?: number;
  /** Kafka's group.max.session.timeout.ms. */
  maxSessionTimeoutMs?: number;
  /** Kafka's group.max.size; unlimited by default, as in Kafka. */
  maxGroupSize?: number;
  events: BrokerEvents;
  /** Clock for event timestamps (timers themselves are real). */
  now?: () => number;
}

export interface JoinGroupRequest {
  groupId: string;
  /** '' for a member joining for the first time. */
  memberId: string;
  /** Static membership (KIP-345) is not supported: kept and shown, never used to fence. */
  groupInstanceId: string | null;
  sessionTimeoutMs: number;
  /** JoinGroup v0 has none: pass sessionTimeoutMs. */
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: ProtocolMetadata[];
  clientId: string;
  clientHost: string;
  /** True for JoinGroup v4+ (KIP-394): a new member first gets MEMBER_ID_REQUIRED and an id. */
  requireKnownMemberId: boolean;
}

export interface JoinGroupMember {
  memberId: string;
  groupInstanceId: string | null;
  metadata: Buffer;
}

export interface JoinGroupResult {
  errorCode: number;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leader: string;
  memberId: string;
  /** Every member with its metadata for the chosen protocol, for the leader only; empty otherwise. */
  members: JoinGroupMember[];
}

export interface SyncGroupRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  /** SyncGroup v5+; null when the version has no such field. */
  protocolType: string | null;
  protocolName: string | null;
  /** The leader's assignment for each member; empty from followers. */
  assignments: { memberId: string; assignment: Buffer }[];
}

export interface SyncGroupResult {
  errorCode: number;
  protocolType: string | null;
  protocolName: string | null;
  assignment: Buffer;
}

export interface HeartbeatRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
}

export interface LeavingMember {
  memberId: string;
  groupInstanceId: string | null;
}

export interface LeaveGroupRequest {
  groupId: string;
  /** LeaveGroup v0-2 name one member at the top level: pass it as a one-element list. */
  members: LeavingMember[];
}

export interface LeaveGroupResult {
  /**
   * Group-level error. As in Kafka, an unknown member is reported per member with errorCode 0 here;
   * LeaveGroup v0-2 have no per-member errors, so their handlers answer `members[0].errorCode` when
   * this is 0 (Kafka's LeaveGroupResponse does the same).
   */
  errorCode: number;
  members: (LeavingMember & { errorCode: number })[];
}

export interface OffsetToCommit {
  topic: string;
  partition: number;
  offset: number;
  metadata: string | null;
}

export interface OffsetCommitRequest {
  groupId: string;
  /** -1 with memberId '' is a commit from a client that assigns partitions itself. */
  generationId: number;
  memberId: string;
  offsets: OffsetToCommit[];
}

export interface PartitionError {
  topic: string;
  partition: number;
  errorCode: number;
}

export interface FetchedOffset {
  topic: string;
  partition: number;
  /** -1 when nothing is committed. */
  offset: number;
  /** '' when nothing (or null) was committed, as Kafka answers. */
  metadata: string | null;
  errorCode: number;
}

export interface DescribedMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  /** The chosen protocol's metadata; empty unless the group is Stable (Kafka's summaryNoMetadata). */
  metadata: Buffer;
  /** Empty unless the group is Stable. */
  assignment: Buffer;
}

export interface DescribedGroup {
  errorCode: number;
  groupId: string;
  state: GroupState;
  /** '' when the group has none, as on the wire. */
  protocolType: string;
  /** '' unless the group is Stable, as in Kafka. */
  protocolName: string;
  members: DescribedMember[];
}

export interface ListedGroup {
  groupId: string;
  protocolType: string;
  state: GroupState;
}
