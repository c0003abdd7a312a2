import type { GroupMember } from './group-member';
import { unrefTimeout } from './unref-timeout';

/**
 * Decides when a group stops waiting for someone: each member's session timer, restarted by every
 * request it sends, and the ids handed out with MEMBER_ID_REQUIRED (KIP-394) that the new member
 * must come back with within its session timeout. A crashed consumer is noticed only this way.
 */
export class MemberLiveness {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly now: () => number,
    private readonly onSilent: (member: GroupMember) => void,
    private readonly onPendingExpired: (memberId: string) => void,
  ) {}

  /** The member just sent a request: it is alive for another session timeout. */
  touch(member: GroupMember): void {
    member.lastHeartbeatAt = this.now();
    this.schedule(member);
  }

  /** The member is gone: its timer must never fire. */
  forget(member: GroupMember): void {
    clearTimeout(member.sessionTimer ?? undefined);
    member.sessionTimer = null;
  }

  isPending(memberId: string): boolean {
    return this.pending.has(memberId);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  addPending(memberId: string, sessionTimeoutMs: number): void {
    this.forgetPending(memberId);
    const timer = unrefTimeout(() => {
      this.pending.delete(memberId);
      this.onPendingExpired(memberId);
    }, sessionTimeoutMs);
    this.pending.set(memberId, timer);
  }

  /** The pending member came back (or left): stop its expiry. */
  forgetPending(memberId: string): void {
    clearTimeout(this.pending.get(memberId));
    this.pending.delete(memberId);
  }

  /** Clears every timer, for these members and all pending ids. */
  stop(members: Iterable<GroupMember>): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const member of members) this.forget(member);
  }

  private schedule(member: GroupMember): void {
    clearTimeout(member.sessionTimer ?? undefined);
    member.sessionTimer = unrefTimeout(() => {
      member.sessionTimer = null;
      // Kafka's MemberMetadata.shouldKeepAlive: a member parked in JoinGroup or SyncGroup cannot
      // heartbeat, so it stays while it waits; the join phase has its own (rebalance) timeout.
      if (member.awaitingJoin !== null || member.awaitingSync !== null) this.schedule(member);
      else this.onSilent(member);
    }, member.sessionTimeoutMs);
  }
}
