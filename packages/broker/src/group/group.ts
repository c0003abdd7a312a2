import type { BrokerEventMap, BrokerEvents, GroupState } from '../broker-events';
import type { JoinGroupMember, JoinGroupResult, SyncGroupResult } from './coordinator-types';
import { ErrorCode } from '@lanes/kafka-protocol';
import { EMPTY_BUFFER, GroupMember, type MemberJoinInfo } from './group-member';
import { MemberLiveness } from './member-liveness';
import { selectProtocol } from './protocol-selection';
import { unrefTimeout } from './unref-timeout';

/** What every group of one coordinator shares. */
export interface GroupContext {
  events: BrokerEvents;
  now: () => number;
  initialRebalanceDelayMs: number;
}

/** The JoinGroup answer for a failed join (Kafka's JoinGroupResult(memberId, error)). */
export function joinError(memberId: string, errorCode: number): JoinGroupResult {
  return { errorCode, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId, members: [] };
}

/** The SyncGroup answer for a failed sync. */
export function syncError(errorCode: number): SyncGroupResult {
  return { errorCode, protocolType: null, protocolName: null, assignment: EMPTY_BUFFER };
}

/**
 * One classic-protocol consumer group with eager rebalancing: Kafka's GroupMetadata plus the timing
 * that Kafka's GroupCoordinator keeps in purgatories (the join phase, session and pending-member
 * expiry). Request validation lives in GroupCoordinator; this class trusts its callers.
 *
 * Empty -> PreparingRebalance -> CompletingRebalance -> Stable, back to PreparingRebalance whenever
 * membership or subscriptions change, Empty when the last member goes, Dead when deleted.
 */
export class Group {
  state: GroupState = 'Empty';
  generationId = 0;
  protocolType: string | null = null;
  protocolName: string | null = null;
  leaderId: string | null = null;
  readonly members = new Map<string, GroupMember>();
  private readonly liveness: MemberLiveness;
  /** Members of the current generation that have not sent SyncGroup yet. */
  private readonly pendingSync = new Set<string>();
  private joinTimer: NodeJS.Timeout | null = null;
  /** 'initial' while KIP-134's initial delay runs: only the timer ends it, to let more members arrive. */
  private joinPhase: 'initial' | 'regular' | null = null;
  private newMemberAdded = false;
  private syncTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly groupId: string,
    private readonly context: GroupContext,
  ) {
    this.liveness = new MemberLiveness(
      context.now,
      (member) => this.removeMember(member, 'expired'),
      () => this.tryCompleteJoin(),
    );
  }

  /** Was this id handed out with MEMBER_ID_REQUIRED and not yet used? */
  isPending(memberId: string): boolean {
    return this.liveness.isPending(memberId);
  }

  /** Remembers an id handed out with MEMBER_ID_REQUIRED; the member must rejoin with it in time. */
  addPendingMember(memberId: string, sessionTimeoutMs: number): void {
    this.liveness.addPending(memberId, sessionTimeoutMs);
  }

  /** A pending member left; a join phase waiting for it may now end. */
  removePendingMember(memberId: string): void {
    this.liveness.forgetPending(memberId);
    this.tryCompleteJoin();
  }

  /** Adds a member whose JoinGroup waits for the join phase to end, starting a rebalance if needed. */
  addMemberAndRebalance(info: MemberJoinInfo): Promise<JoinGroupResult> {
    this.liveness.forgetPending(info.memberId);
    const member = new GroupMember(info, this.context.now());
    if (this.members.size === 0) this.protocolType = info.protocolType;
    this.members.set(member.memberId, member);
    this.leaderId ??= member.memberId;
    if (this.joinPhase === 'initial') this.newMemberAdded = true;
    const result = this.parkJoin(member);
    this.context.events.emit('member:joined', {
      groupId: this.groupId,
      memberId: member.memberId,
      clientId: member.clientId,
      clientHost: member.clientHost,
      sessionTimeoutMs: member.sessionTimeoutMs,
    });
    this.touch(member);
    this.maybePrepareRebalance();
    this.tryCompleteJoin();
    return result;
  }

  /** A known member rejoins (possibly with new subscriptions): it waits for the join phase to end. */
  updateMemberAndRebalance(member: GroupMember, info: MemberJoinInfo): Promise<JoinGroupResult> {
    member.update(info);
    const result = this.parkJoin(member);
    this.touch(member);
    this.maybePrepareRebalance();
    this.tryCompleteJoin();
    return result;
  }

  /**
   * The answer to a JoinGroup repeated with unchanged metadata after the join phase ended, such as
   * a retry after a lost response: the current generation, without another rebalance (as Kafka).
   */
  currentGeneration(member: GroupMember): JoinGroupResult {
    this.touch(member);
    return this.joinResult(member);
  }

  /** SyncGroup while CompletingRebalance: waits; the leader's SyncGroup answers everyone. */
  syncWhileCompleting(member: GroupMember, assignments: { memberId: string; assignment: Buffer }[]): Promise<SyncGroupResult> {
    const result = new Promise<SyncGroupResult>((resolve) => {
      member.answerSync(syncError(ErrorCode.REBALANCE_IN_PROGRESS)); // a superseded duplicate
      member.awaitingSync = resolve;
    });
    this.pendingSync.delete(member.memberId);
    this.touch(member);
    if (member.memberId === this.leaderId) {
      // Members the leader left out get an empty assignment, as in Kafka's doSyncGroup.
      const byMember = new Map(assignments.map((entry) => [entry.memberId, entry.assignment]));
      for (const each of this.members.values()) each.assignment = byMember.get(each.memberId) ?? EMPTY_BUFFER;
      this.transitionTo('Stable');
      for (const each of this.members.values()) {
        if (each.awaitingSync === null) continue;
        each.answerSync(this.syncResult(each));
        this.touch(each);
      }
    }
    return result;
  }

  /** SyncGroup once Stable (a follower whose leader synced first): its assignment at once. */
  syncWhenStable(member: GroupMember): SyncGroupResult {
    this.pendingSync.delete(member.memberId);
    this.touch(member);
    return this.syncResult(member);
  }

  /** A Heartbeat request: the member is alive for another session timeout, and observers hear of it. */
  heartbeat(member: GroupMember): void {
    this.touch(member);
    this.context.events.emit('member:heartbeat', {
      groupId: this.groupId,
      memberId: member.memberId,
      at: member.lastHeartbeatAt,
      sessionTimeoutMs: member.sessionTimeoutMs,
    });
  }

  /** Removes a member that left or went silent and rebalances the rest (Kafka's removeMemberAndUpdateGroup). */
  removeMember(member: GroupMember, reason: 'left' | 'expired'): void {
    if (reason === 'left') {
      this.context.events.emit('member:left', { groupId: this.groupId, memberId: member.memberId });
    } else {
      this.context.events.emit('member:expired', {
        groupId: this.groupId,
        memberId: member.memberId,
        sessionTimeoutMs: member.sessionTimeoutMs,
        lastHeartbeatAt: member.lastHeartbeatAt,
      });
    }
    member.answerJoin(joinError(member.memberId, ErrorCode.UNKNOWN_MEMBER_ID));
    member.answerSync(syncError(ErrorCode.UNKNOWN_MEMBER_ID));
    this.liveness.forget(member);
    this.members.delete(member.memberId);
    this.pendingSync.delete(member.memberId);
    if (this.leaderId === member.memberId) this.leaderId = this.members.keys().next().value ?? null;
    if (this.state === 'Stable' || this.state === 'CompletingRebalance') this.prepareRebalance();
    else this.tryCompleteJoin();
  }

  /** Deleted (DeleteGroups, or its offsets went with a topic): nothing of it may fire again. */
  markDead(): void {
    this.stopTimers(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    this.transitionTo('Dead');
  }

  /** Clears every timer and answers parked requests with `errorCode`; the group stays as it is. */
  stopTimers(errorCode: number): void {
    clearTimeout(this.joinTimer ?? undefined);
    clearTimeout(this.syncTimer ?? undefined);
    this.joinTimer = null;
    this.syncTimer = null;
    this.joinPhase = null;
    this.liveness.stop(this.members.values());
    for (const member of this.members.values()) {
      member.answerJoin(joinError(member.memberId, errorCode));
      member.answerSync(syncError(errorCode));
    }
  }

  /** Every member with its metadata for the chosen protocol: what the leader's JoinGroup carries. */
  joinMembers(): JoinGroupMember[] {
    return [...this.members.values()].map((member) => ({
      memberId: member.memberId,
      groupInstanceId: member.groupInstanceId,
      metadata: member.metadataFor(this.protocolName),
    }));
  }

  stateEvent(): BrokerEventMap['group:state'] {
    return {
      groupId: this.groupId,
      state: this.state,
      generationId: this.generationId,
      protocolType: this.protocolType,
      protocolName: this.protocolName,
      leaderId: this.leaderId,
      members: [...this.members.values()].map((member) => member.view()),
    };
  }

  private transitionTo(state: GroupState): void {
    this.state = state;
    this.context.events.emit('group:state', this.stateEvent());
  }

  private parkJoin(member: GroupMember): Promise<JoinGroupResult> {
    return new Promise<JoinGroupResult>((resolve) => {
      // Two JoinGroups in flight for one member: the older one is superseded (Kafka drops it unanswered).
      member.answerJoin(joinError(member.memberId, ErrorCode.REBALANCE_IN_PROGRESS));
      member.awaitingJoin = resolve;
    });
  }

  private joinResult(member: GroupMember): JoinGroupResult {
    return {
      errorCode: ErrorCode.NONE,
      generationId: this.generationId,
      protocolType: this.protocolType,
      protocolName: this.protocolName,
      leader: this.leaderId ?? '',
      memberId: member.memberId,
      members: member.memberId === this.leaderId ? this.joinMembers() : [],
    };
  }

  private syncResult(member: GroupMember): SyncGroupResult {
    return {
      errorCode: ErrorCode.NONE,
      protocolType: this.protocolType,
      protocolName: this.protocolName,
      assignment: member.assignment,
    };
  }

  private maybePrepareRebalance(): void {
    if (this.state === 'Empty' || this.state === 'Stable' || this.state === 'CompletingRebalance') this.prepareRebalance();
  }

  private prepareRebalance(): void {
    if (this.state === 'CompletingRebalance') {
      // Kafka's resetAndPropagateAssignmentError: parked SyncGroups learn that they must rejoin.
      for (const member of this.members.values()) {
        member.assignment = EMPTY_BUFFER;
        member.answerSync(syncError(ErrorCode.REBALANCE_IN_PROGRESS));
      }
    }
    clearTimeout(this.syncTimer ?? undefined);
    this.syncTimer = null;
    this.pendingSync.clear();
    const rebalanceTimeoutMs = Math.max(0, ...[...this.members.values()].map((member) => member.rebalanceTimeoutMs));
    if (this.state === 'Empty') {
      // KIP-134: the first generation waits group.initial.rebalance.delay.ms for more members,
      // restarting while new ones keep arriving, but never beyond the rebalance timeout.
      const delayMs = this.context.initialRebalanceDelayMs;
      this.newMemberAdded = false;
      this.startInitialDelay(delayMs, Math.max(rebalanceTimeoutMs - delayMs, 0));
    } else {
      this.joinPhase = 'regular';
      this.joinTimer = unrefTimeout(() => this.completeJoin(), rebalanceTimeoutMs);
    }
    this.transitionTo('PreparingRebalance');
    // Kafka's tryCompleteElseWatch: a phase with nobody left to wait for (the last member left) ends at once.
    this.tryCompleteJoin();
  }

  private startInitialDelay(delayMs: number, remainingMs: number): void {
    this.joinPhase = 'initial';
    this.joinTimer = unrefTimeout(() => {
      if (this.newMemberAdded && remainingMs > 0) {
        this.newMemberAdded = false;
        const nextDelayMs = Math.min(this.context.initialRebalanceDelayMs, remainingMs);
        this.startInitialDelay(nextDelayMs, Math.max(remainingMs - nextDelayMs, 0));
      } else {
        this.completeJoin();
      }
    }, delayMs);
  }

  /** The join phase ends early once every member and every pending member has (re)joined. */
  private tryCompleteJoin(): void {
    if (this.state !== 'PreparingRebalance' || this.joinPhase !== 'regular') return;
    if (this.liveness.pendingCount > 0) return;
    for (const member of this.members.values()) if (member.awaitingJoin === null) return;
    this.completeJoin();
  }

  /** Kafka's onCompleteJoin: drop members that did not rejoin, start the next generation, answer joins. */
  private completeJoin(): void {
    clearTimeout(this.joinTimer ?? undefined);
    this.joinTimer = null;
    this.joinPhase = null;
    if (this.state !== 'PreparingRebalance') return;
    for (const member of [...this.members.values()]) {
      if (member.awaitingJoin === null) this.removeMember(member, 'expired');
    }
    this.generationId += 1;
    const members = [...this.members.values()];
    if (members.length === 0) {
      this.protocolName = null;
      this.leaderId = null;
      this.transitionTo('Empty');
      return;
    }
    this.protocolName = selectProtocol(members.map((member) => member.protocols));
    if (this.leaderId === null || !this.members.has(this.leaderId)) this.leaderId = members[0]?.memberId ?? null;
    this.transitionTo('CompletingRebalance');
    for (const member of members) {
      this.pendingSync.add(member.memberId);
      member.answerJoin(this.joinResult(member));
      this.touch(member);
    }
    // KAFKA-13258 (Kafka 3.2): members that never send SyncGroup are removed after the rebalance
    // timeout, so a leader that heartbeats but never assigns cannot stall the group forever.
    const generationId = this.generationId;
    const rebalanceTimeoutMs = Math.max(...members.map((member) => member.rebalanceTimeoutMs));
    this.syncTimer = unrefTimeout(() => this.expirePendingSync(generationId), rebalanceTimeoutMs);
  }

  private expirePendingSync(generationId: number): void {
    this.syncTimer = null;
    if (generationId !== this.generationId) return;
    if (this.state !== 'CompletingRebalance' && this.state !== 'Stable') return;
    for (const memberId of [...this.pendingSync]) {
      const member = this.members.get(memberId);
      if (member !== undefined) this.removeMember(member, 'expired');
    }
  }

  /** Any request from a member (JoinGroup, SyncGroup, OffsetCommit) proves it alive. */
  touch(member: GroupMember): void {
    this.liveness.touch(member);
  }
}
