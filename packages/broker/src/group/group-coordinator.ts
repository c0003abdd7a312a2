import type { BrokerEvents } from '../broker-events';
import type {
  DescribedGroup,
  FetchedOffset,
  GroupCoordinatorOptions,
  HeartbeatRequest,
  JoinGroupRequest,
  JoinGroupResult,
  LeaveGroupRequest,
  LeaveGroupResult,
  ListedGroup,
  OffsetCommitRequest,
  PartitionError,
  SyncGroupRequest,
  SyncGroupResult,
} from './coordinator-types';
import { ErrorCode } from '@lanes/kafka-protocol';
import { Group, type GroupContext, joinError, syncError } from './group';
import { EMPTY_BUFFER, type MemberJoinInfo } from './group-member';
import { newMemberId } from './member-id';
import { offsetCommitError } from './offset-commit-rules';
import { OffsetStore } from './offset-store';
import { sameProtocols, supportsProtocols } from './protocol-selection';

/** Checks a numeric option at the configuration edge, so a typo fails loudly at start-up. */
function nonNegative(name: string, value: number): number {
  if (!(value >= 0)) throw new RangeError(`GroupCoordinator: ${name} must be a number >= 0, got ${value}`);
  return value;
}

/**
 * Kafka's classic consumer group coordinator (eager rebalancing) for a single broker: the map of
 * groups, the checks Kafka's GroupCoordinator makes before touching a group, and committed offsets.
 * Request handlers decode a request, call one method and encode what it returns; JoinGroup and
 * SyncGroup answer later, when the rebalance lets them.
 *
 * Static membership (KIP-345) is not supported: groupInstanceId is kept and reported but never
 * used, so FENCED_INSTANCE_ID is never answered.
 *
 * @example
 * const coordinator = new GroupCoordinator({ events: new BrokerEvents() });
 * const joined = await coordinator.joinGroup({ groupId: 'g', memberId: '', groupInstanceId: null,
 *   sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, protocolType: 'consumer',
 *   protocols: [{ name: 'range', metadata }], clientId: 'c', clientHost: '/127.0.0.1',
 *   requireKnownMemberId: false });
 */
export class GroupCoordinator {
  private readonly groups = new Map<string, Group>();
  private readonly offsets = new OffsetStore();
  private readonly context: GroupContext;
  private readonly events: BrokerEvents;
  private readonly minSessionTimeoutMs: number;
  private readonly maxSessionTimeoutMs: number;
  private readonly maxGroupSize: number;
  private closed = false;

  constructor(options: GroupCoordinatorOptions) {
    this.events = options.events;
    this.minSessionTimeoutMs = nonNegative('minSessionTimeoutMs', options.minSessionTimeoutMs ?? 1000);
    this.maxSessionTimeoutMs = nonNegative('maxSessionTimeoutMs', options.maxSessionTimeoutMs ?? 300_000);
    this.maxGroupSize = nonNegative('maxGroupSize', options.maxGroupSize ?? Infinity);
    if (this.minSessionTimeoutMs > this.maxSessionTimeoutMs) {
      throw new RangeError(
        `GroupCoordinator: minSessionTimeoutMs (${this.minSessionTimeoutMs}) exceeds maxSessionTimeoutMs (${this.maxSessionTimeoutMs})`,
      );
    }
    this.context = {
      events: options.events,
      now: options.now ?? Date.now,
      initialRebalanceDelayMs: nonNegative('initialRebalanceDelayMs', options.initialRebalanceDelayMs ?? 0),
    };
  }

  /** JoinGroup: resolves when the join phase ends (or at once with an error or MEMBER_ID_REQUIRED). */
  joinGroup(req: JoinGroupRequest): Promise<JoinGroupResult> {
    const fail = (errorCode: number, memberId = req.memberId) => Promise.resolve(joinError(memberId, errorCode));
    if (this.closed) return fail(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    if (req.groupId === '') return fail(ErrorCode.INVALID_GROUP_ID);
    if (req.sessionTimeoutMs < this.minSessionTimeoutMs || req.sessionTimeoutMs > this.maxSessionTimeoutMs) {
      return fail(ErrorCode.INVALID_SESSION_TIMEOUT);
    }
    const isNewMember = req.memberId === '';
    const existing = this.groups.get(req.groupId);
    // Only a new member may create a group; a known id for a missing group is stale (as in Kafka).
    if (existing === undefined && !isNewMember) return fail(ErrorCode.UNKNOWN_MEMBER_ID);
    const others = [...(existing?.members.values() ?? [])].filter((member) => member.memberId !== req.memberId);
    const otherProtocols = others.map((member) => member.protocols);
    if (!supportsProtocols(existing?.protocolType ?? null, otherProtocols, req.protocolType, req.protocols)) {
      return fail(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    }
    const group = existing ?? this.createGroup(req.groupId);
    const info = (memberId: string): MemberJoinInfo => ({
      memberId,
      groupInstanceId: req.groupInstanceId,
      clientId: req.clientId,
      clientHost: req.clientHost,
      sessionTimeoutMs: req.sessionTimeoutMs,
      rebalanceTimeoutMs: req.rebalanceTimeoutMs,
      protocolType: req.protocolType,
      protocols: req.protocols,
    });

    if (isNewMember || group.isPending(req.memberId)) {
      if (group.members.size >= this.maxGroupSize) return fail(ErrorCode.GROUP_MAX_SIZE_REACHED);
      if (!isNewMember) return group.addMemberAndRebalance(info(req.memberId));
      const memberId = newMemberId(req.clientId);
      if (!req.requireKnownMemberId) return group.addMemberAndRebalance(info(memberId));
      // KIP-394 (JoinGroup v4+): hand out the id first; the member joins for real when it comes back.
      group.addPendingMember(memberId, req.sessionTimeoutMs);
      return fail(ErrorCode.MEMBER_ID_REQUIRED, memberId);
    }

    const member = group.members.get(req.memberId);
    if (member === undefined) return fail(ErrorCode.UNKNOWN_MEMBER_ID);
    const unchanged = sameProtocols(member.protocols, req.protocols);
    switch (group.state) {
      case 'PreparingRebalance':
        return group.updateMemberAndRebalance(member, info(member.memberId));
      case 'CompletingRebalance':
        // A repeated JoinGroup (its response was lost) gets the current generation again.
        if (unchanged) return Promise.resolve(group.currentGeneration(member));
        return group.updateMemberAndRebalance(member, info(member.memberId));
      case 'Stable':
        // The leader rejoins to force a new assignment (e.g. partitions were added), so it always rebalances.
        if (unchanged && member.memberId !== group.leaderId) return Promise.resolve(group.currentGeneration(member));
        return group.updateMemberAndRebalance(member, info(member.memberId));
      default:
        return fail(ErrorCode.UNKNOWN_MEMBER_ID);
    }
  }

  /** SyncGroup: followers wait for the leader's assignment; the leader's SyncGroup answers everyone. */
  syncGroup(req: SyncGroupRequest): Promise<SyncGroupResult> {
    const fail = (errorCode: number) => Promise.resolve(syncError(errorCode));
    if (this.closed) return fail(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    if (req.groupId === '') return fail(ErrorCode.INVALID_GROUP_ID);
    const group = this.groups.get(req.groupId);
    const member = group?.members.get(req.memberId);
    if (group === undefined || member === undefined) return fail(ErrorCode.UNKNOWN_MEMBER_ID);
    if (req.generationId !== group.generationId) return fail(ErrorCode.ILLEGAL_GENERATION);
    // SyncGroup v5+ repeats the protocol the member believes was chosen (KIP-559).
    if (
      (req.protocolType !== null && req.protocolType !== group.protocolType) ||
      (req.protocolName !== null && req.protocolName !== group.protocolName)
    ) {
      return fail(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    }
    switch (group.state) {
      case 'PreparingRebalance':
        return fail(ErrorCode.REBALANCE_IN_PROGRESS);
      case 'CompletingRebalance':
        return group.syncWhileCompleting(member, req.assignments);
      case 'Stable':
        return Promise.resolve(group.syncWhenStable(member));
      default:
        return fail(ErrorCode.UNKNOWN_MEMBER_ID);
    }
  }

  /** Heartbeat: keeps the member alive; REBALANCE_IN_PROGRESS is how members learn to rejoin. */
  heartbeat(req: HeartbeatRequest): { errorCode: number } {
    if (this.closed) return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE };
    if (req.groupId === '') return { errorCode: ErrorCode.INVALID_GROUP_ID };
    const group = this.groups.get(req.groupId);
    const member = group?.members.get(req.memberId);
    if (group === undefined || member === undefined) return { errorCode: ErrorCode.UNKNOWN_MEMBER_ID };
    if (req.generationId !== group.generationId) return { errorCode: ErrorCode.ILLEGAL_GENERATION };
    group.heartbeat(member);
    return { errorCode: group.state === 'PreparingRebalance' ? ErrorCode.REBALANCE_IN_PROGRESS : ErrorCode.NONE };
  }

  /** LeaveGroup: each named member goes at once and the rest rebalance without waiting for a timeout. */
  leaveGroup(req: LeaveGroupRequest): LeaveGroupResult {
    if (this.closed) return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, members: [] };
    if (req.groupId === '') return { errorCode: ErrorCode.INVALID_GROUP_ID, members: [] };
    const group = this.groups.get(req.groupId);
    const members = req.members.map((leaving) => {
      const member = group?.members.get(leaving.memberId);
      if (group !== undefined && member !== undefined) {
        group.removeMember(member, 'left');
        return { ...leaving, errorCode: ErrorCode.NONE };
      }
      if (group !== undefined && group.isPending(leaving.memberId)) {
        group.removePendingMember(leaving.memberId);
        return { ...leaving, errorCode: ErrorCode.NONE };
      }
      return { ...leaving, errorCode: ErrorCode.UNKNOWN_MEMBER_ID };
    });
    return { errorCode: ErrorCode.NONE, members };
  }

  /**
   * OffsetCommit. Members commit with their generation; a client that assigns partitions itself
   * commits with generation -1 and member '' (pitfall 9), which only a group without members accepts.
   * Topic existence is the caller's check.
   */
  commitOffsets(req: OffsetCommitRequest): PartitionError[] {
    const answer = (errorCode: number) =>
      req.offsets.map(({ topic, partition }) => ({ topic, partition, errorCode }));
    if (this.closed) return answer(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    let group = this.groups.get(req.groupId);
    if (group === undefined) {
      // Kafka: no group and a real generation means a member of a group that no longer exists.
      if (req.generationId >= 0) return answer(ErrorCode.ILLEGAL_GENERATION);
      group = this.createGroup(req.groupId);
    }
    const errorCode = offsetCommitError(group, req.generationId, req.memberId);
    if (errorCode !== ErrorCode.NONE) return answer(errorCode);
    const member = group.members.get(req.memberId);
    if (member !== undefined) group.touch(member);
    this.offsets.commit(req.groupId, req.offsets);
    this.events.emit('offsets:committed', {
      groupId: req.groupId,
      memberId: req.memberId,
      generationId: req.generationId,
      offsets: req.offsets.map(({ topic, partition, offset, metadata }) => ({ topic, partition, offset, metadata })),
    });
    return answer(ErrorCode.NONE);
  }

  /** OffsetFetch: offset -1 and metadata '' where nothing is committed; `null` asks for every commit. */
  fetchOffsets(groupId: string, partitions: { topic: string; partition: number }[] | null): FetchedOffset[] {
    if (this.closed) {
      return (partitions ?? []).map(({ topic, partition }) => ({
        topic,
        partition,
        offset: -1,
        metadata: '',
        errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE,
      }));
    }
    const wanted = partitions ?? this.offsets.all(groupId);
    return wanted.map(({ topic, partition }) => {
      const committed = this.offsets.get(groupId, topic, partition);
      // Kafka stores a null commit metadata as '' and answers '' when nothing is committed.
      return { topic, partition, offset: committed?.offset ?? -1, metadata: committed?.metadata ?? '', errorCode: ErrorCode.NONE };
    });
  }

  /** DescribeGroups for one group; an unknown group is reported Dead with no error, like Kafka. */
  describeGroup(groupId: string): DescribedGroup {
    const group = this.groups.get(groupId);
    if (this.closed || group === undefined) {
      const errorCode = this.closed ? ErrorCode.COORDINATOR_NOT_AVAILABLE : ErrorCode.NONE;
      return { errorCode, groupId, state: 'Dead', protocolType: '', protocolName: '', members: [] };
    }
    // Kafka's GroupMetadata.summary: protocol, metadata and assignments are shown only when Stable.
    const stable = group.state === 'Stable';
    return {
      errorCode: ErrorCode.NONE,
      groupId,
      state: group.state,
      protocolType: group.protocolType ?? '',
      protocolName: stable ? (group.protocolName ?? '') : '',
      members: [...group.members.values()].map((member) => ({
        memberId: member.memberId,
        groupInstanceId: member.groupInstanceId,
        clientId: member.clientId,
        clientHost: member.clientHost,
        metadata: stable ? member.metadataFor(group.protocolName) : EMPTY_BUFFER,
        assignment: stable ? member.assignment : EMPTY_BUFFER,
      })),
    };
  }

  listGroups(): ListedGroup[] {
    return [...this.groups.values()].map((group) => ({
      groupId: group.groupId,
      protocolType: group.protocolType ?? '',
      state: group.state,
    }));
  }

  /** DeleteGroups: only a group without members can go; its committed offsets go with it. */
  deleteGroups(ids: string[]): { groupId: string; errorCode: number }[] {
    return ids.map((groupId) => {
      if (this.closed) return { groupId, errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE };
      const group = this.groups.get(groupId);
      if (group === undefined) return { groupId, errorCode: ErrorCode.GROUP_ID_NOT_FOUND };
      if (group.state !== 'Empty') return { groupId, errorCode: ErrorCode.NON_EMPTY_GROUP };
      this.removeGroup(group);
      return { groupId, errorCode: ErrorCode.NONE };
    });
  }

  /**
   * A topic was deleted: its commits go. Like Kafka's cleanupGroupMetadata, an Empty group left
   * with no commits at all goes too.
   */
  deleteTopicOffsets(topic: string): void {
    for (const groupId of this.offsets.deleteTopic(topic)) {
      const group = this.groups.get(groupId);
      if (group !== undefined && group.state === 'Empty') this.removeGroup(group);
    }
  }

  /** Stops every timer; parked JoinGroups and SyncGroups answer COORDINATOR_NOT_AVAILABLE, as do later calls. */
  close(): void {
    this.closed = true;
    for (const group of this.groups.values()) group.stopTimers(ErrorCode.COORDINATOR_NOT_AVAILABLE);
  }

  private createGroup(groupId: string): Group {
    const group = new Group(groupId, this.context);
    this.groups.set(groupId, group);
    this.events.emit('group:state', group.stateEvent());
    return group;
  }

  private removeGroup(group: Group): void {
    group.markDead();
    this.groups.delete(group.groupId);
    this.offsets.deleteGroup(group.groupId);
    this.events.emit('group:deleted', { groupId: group.groupId });
  }
}
