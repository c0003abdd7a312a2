import type { MemberView, RebalanceView, TopicPartition } from '@lanes/events';

/** The phases of a classic (eager) rebalance, in the words the card shows. */
export type RebalancePhase = 'joining' | 'syncing' | 'stable' | 'empty' | 'dead' | 'unknown';

/** Kafka's group states (DescribeGroups) as rebalance phases: JoinGroup round, SyncGroup round, done. */
export function phaseOf(state: string): RebalancePhase {
  switch (state) {
    case 'PreparingRebalance':
      return 'joining';
    case 'CompletingRebalance':
      return 'syncing';
    case 'Stable':
      return 'stable';
    case 'Empty':
      return 'empty';
    case 'Dead':
      return 'dead';
    default:
      return 'unknown';
  }
}

/** With the eager protocol every member gives up every partition while joining and syncing. */
export function isRebalancing(state: string): boolean {
  const phase = phaseOf(state);
  return phase === 'joining' || phase === 'syncing';
}

/** How a member is named in rebalance changes: the gateway's handle when it runs it, else Kafka's ids. */
export function memberKey(member: Pick<MemberView, 'consumerId' | 'memberId' | 'clientId'>): string {
  return member.consumerId ?? member.memberId ?? member.clientId;
}

/** "P3", or "orders P3" when a group reads more than one topic. */
export function partitionLabel(tp: TopicPartition, multiTopic: boolean): string {
  return multiTopic ? `${tp.topic} P${tp.partition}` : `P${tp.partition}`;
}

export function sortPartitions(list: readonly TopicPartition[]): TopicPartition[] {
  return [...list].sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
}

/** "c1 lost P2, gained P4 P5"; "c2 kept P0 P1" when nothing moved for it. */
export function describeChange(change: RebalanceView['changes'][number], multiTopic: boolean, kept: readonly TopicPartition[] = []): string {
  const list = (tps: readonly TopicPartition[]) => sortPartitions(tps).map((tp) => partitionLabel(tp, multiTopic)).join(' ');
  const parts: string[] = [];
  if (change.lost.length) parts.push(`lost ${list(change.lost)}`);
  if (change.gained.length) parts.push(`gained ${list(change.gained)}`);
  if (parts.length === 0) return kept.length ? `${change.member} kept ${list(kept)}` : `${change.member} has nothing to read`;
  return `${change.member} ${parts.join(', ')}`;
}

/** One line per member that moved, members that moved first; members that kept everything last. */
export function summarizeRebalance(rebalance: RebalanceView, members: readonly MemberView[], multiTopic: boolean): string[] {
  const assignments = new Map(members.map((member) => [memberKey(member), member.assignment]));
  const moved = rebalance.changes.filter((change) => change.lost.length || change.gained.length);
  const still = rebalance.changes.filter((change) => !change.lost.length && !change.gained.length);
  return [...moved, ...still].map((change) => describeChange(change, multiTopic, assignments.get(change.member) ?? []));
}

const same = (a: TopicPartition, b: TopicPartition) => a.topic === b.topic && a.partition === b.partition;

/**
 * What each member owned before the rebalance: its assignment now, minus what it gained, plus what it
 * lost. Members that left (or expired) appear only in the changes, so they are included too: their
 * lines are the ones the diagram fades out.
 */
export function previousAssignments(members: readonly MemberView[], rebalance: RebalanceView): Map<string, TopicPartition[]> {
  const before = new Map<string, TopicPartition[]>();
  for (const member of members) before.set(memberKey(member), [...member.assignment]);
  for (const change of rebalance.changes) {
    const current = before.get(change.member) ?? [];
    const kept = current.filter((tp) => !change.gained.some((gained) => same(gained, tp)));
    const restored = change.lost.filter((lost) => !kept.some((tp) => same(tp, lost)));
    before.set(change.member, sortPartitions([...kept, ...restored]));
  }
  return before;
}

/** Members named in a rebalance that are no longer in the group: they left or were expired. */
export function departedMembers(members: readonly MemberView[], rebalance: RebalanceView): string[] {
  const present = new Set(members.map(memberKey));
  return rebalance.changes.map((change) => change.member).filter((member) => !present.has(member));
}

/** The group's newest rebalance: the list is in arrival order, bounded. */
export function newestRebalanceFor(rebalances: readonly RebalanceView[], groupId: string): RebalanceView | undefined {
  for (let i = rebalances.length - 1; i >= 0; i--) if (rebalances[i]!.groupId === groupId) return rebalances[i];
  return undefined;
}

/** Each member's assignment after the rebalance: what it had, minus what it lost, plus what it gained. */
export function nextAssignments(before: ReadonlyMap<string, readonly TopicPartition[]>, rebalance: RebalanceView): Map<string, TopicPartition[]> {
  const after = new Map<string, TopicPartition[]>();
  for (const [member, owned] of before) after.set(member, [...owned]);
  for (const change of rebalance.changes) {
    const kept = (after.get(change.member) ?? []).filter((tp) => !change.lost.some((lost) => same(lost, tp)));
    const added = change.gained.filter((gained) => !kept.some((tp) => same(tp, gained)));
    after.set(change.member, sortPartitions([...kept, ...added]));
  }
  return after;
}

/** How long each stage of the rebalance animation lasts at a given playback speed (0.25 to 2). */
export function rebalanceStageMs(speed: number): { revokeMs: number; drawMs: number } {
  const factor = 1 / Math.min(2, Math.max(0.25, speed || 1));
  return { revokeMs: Math.round(800 * factor), drawMs: Math.round(900 * factor) };
}

/** Only rebalances that just happened animate; one remembered from before a reconnect does not. */
export function isFreshRebalance(rebalance: RebalanceView, browserNow: number, skewMs: number, withinMs = 15_000): boolean {
  return browserNow + skewMs - (rebalance.startedAt + rebalance.durationMs) < withinMs;
}

/** Partitions of the group's topics that no member owns: new partitions the group has not noticed yet. */
export function unassignedPartitions(partitions: readonly TopicPartition[], members: readonly Pick<MemberView, 'assignment'>[]): TopicPartition[] {
  return partitions.filter((tp) => !members.some((member) => member.assignment.some((owned) => same(owned, tp))));
}
