import type { MemberView } from '@lanes/events';

export type MemberStatus = MemberView['status'];

export const STATUS_LABELS: Record<MemberStatus, string> = {
  joining: 'joining',
  active: 'active',
  paused: 'paused',
  crashed: 'crashed',
  idle: 'idle',
  leaving: 'leaving',
};

/**
 * Why a member has nothing to read. Partitions are the unit of parallelism: with more members than
 * partitions the extra ones wait (partitioning-facts.md, "Group assignors").
 */
export function idleReason(memberCount: number, partitionCount: number): string {
  if (partitionCount > 0 && memberCount > partitionCount) return 'More consumers than partitions: this one waits for a partition to free up.';
  return 'No partition assigned yet: it waits for the next rebalance.';
}

/** A member is idle when it is in the group, healthy, and owns nothing. */
export function isIdle(member: Pick<MemberView, 'status' | 'assignment'>): boolean {
  return member.status === 'idle' || (member.status === 'active' && member.assignment.length === 0);
}

/** How many members read nothing, for the card's summary. */
export function idleCount(members: readonly Pick<MemberView, 'status' | 'assignment'>[]): number {
  return members.filter(isIdle).length;
}
