import type { TopicPartition } from '@lanes/events';
import { partitionKey, sortPartitions, withoutPartitions } from './topic-partitions';

/** One member's successful join and sync (kafkajs GROUP_JOIN), with the assignment it received. */
export interface MemberJoin {
  consumerId: string;
  /** The generation, when known at join time (the embedded broker tells); null otherwise. */
  generation: number | null;
  assignment: TopicPartition[];
  /** When GROUP_JOIN arrived. */
  at: number;
  /** How long this member's JoinGroup + SyncGroup took (GROUP_JOIN duration). */
  durationMs: number;
}

/** Why a member of the previous generation is missing from the new one; null if it is still alive. */
export type DepartureOf = (consumerId: string) => 'left' | 'expired' | 'gone' | null;

export interface CompletedRebalance {
  generation: number | null;
  startedAt: number;
  durationMs: number;
  reason: string;
  changes: { member: string; lost: TopicPartition[]; gained: TopicPartition[] }[];
  /** Every member's assignment in the new generation. */
  assignments: Map<string, TopicPartition[]>;
}

interface Round {
  generation: number | null;
  joins: Map<string, MemberJoin>;
}

/**
 * Turns the members' GROUP_JOIN events into one rebalance per generation. kafkajs uses the eager
 * protocol only: every member revokes everything and rejoins, so what a member lost and gained is the
 * difference between its assignment in the previous generation and the new one.
 *
 * A round ends when every member the group expects has joined, when a newer generation begins (a
 * member joins twice, or the embedded broker's generation moves on), or when the caller gives up
 * waiting (`finish`), e.g. for a member that never completes its sync.
 *
 * @example
 *   const tracker = new RebalanceTracker();
 *   tracker.join({ consumerId: 'c1', generation: 1, assignment, at: Date.now(), durationMs: 20 }, new Set(['c1']), () => null);
 *   // -> [{ generation: 1, reason: 'consumer c1 joined', changes: [{ member: 'c1', lost: [], gained: assignment }], ... }]
 */
export class RebalanceTracker {
  private owned = new Map<string, TopicPartition[]>();
  private round: Round | null = null;
  private earliestStart: number | null = null;

  /** Something that starts a rebalance happened (a member asked to rejoin, left, or expired). */
  noteStart(at: number): void {
    this.earliestStart = this.earliestStart === null ? at : Math.min(this.earliestStart, at);
  }

  get roundOpen(): boolean {
    return this.round !== null;
  }

  /** A member joined; returns the rebalances this completes (an older round it supersedes, and its own). */
  join(join: MemberJoin, expected: ReadonlySet<string>, departureOf: DepartureOf): CompletedRebalance[] {
    const completed: CompletedRebalance[] = [];
    const open = this.round;
    if (open && (open.joins.has(join.consumerId) || (join.generation !== null && open.generation !== null && join.generation !== open.generation))) {
      completed.push(this.close(open, departureOf));
    }
    const round = this.round ?? { generation: join.generation, joins: new Map<string, MemberJoin>() };
    round.generation ??= join.generation;
    round.joins.set(join.consumerId, join);
    this.round = round;
    const done = this.recheck(expected, departureOf);
    if (done) completed.push(done);
    return completed;
  }

  /** The expected members changed (one was removed or crashed): the open round may be complete now. */
  recheck(expected: ReadonlySet<string>, departureOf: DepartureOf): CompletedRebalance | null {
    const round = this.round;
    if (!round || ![...expected].every((id) => round.joins.has(id))) return null;
    return this.close(round, departureOf);
  }

  /** Ends the open round with the members that did join. */
  finish(departureOf: DepartureOf): CompletedRebalance | null {
    return this.round ? this.close(this.round, departureOf) : null;
  }

  assignmentOf(consumerId: string): TopicPartition[] {
    return this.owned.get(consumerId) ?? [];
  }

  /** Who owns a partition in the latest completed generation. */
  ownerOf(topic: string, partition: number): string | undefined {
    for (const [consumerId, partitions] of this.owned) {
      if (partitions.some((p) => p.topic === topic && p.partition === partition)) return consumerId;
    }
    return undefined;
  }

  /** A member that is gone for good: it owns nothing from now on. */
  forget(consumerId: string): void {
    this.owned.delete(consumerId);
  }

  private close(round: Round, departureOf: DepartureOf): CompletedRebalance {
    this.round = null;
    const assignments = new Map([...round.joins].map(([id, join]) => [id, sortPartitions(join.assignment)]));
    const previous = this.owned;
    const members = [...new Set([...previous.keys(), ...assignments.keys()])].sort(byConsumerId);
    const changes = members.map((member) => {
      const before = previous.get(member) ?? [];
      const after = assignments.get(member) ?? [];
      return { member, lost: withoutPartitions(before, after), gained: withoutPartitions(after, before) };
    });
    const joins = [...round.joins.values()];
    const joinStarts = joins.map((join) => join.at - join.durationMs);
    const startedAt = Math.min(...joinStarts, this.earliestStart ?? Infinity);
    const endedAt = Math.max(...joins.map((join) => join.at));
    this.earliestStart = null;
    this.owned = assignments;
    return {
      generation: round.generation,
      startedAt,
      durationMs: Math.max(0, endedAt - startedAt),
      reason: describeReason(previous, assignments, departureOf),
      changes,
      assignments,
    };
  }
}

/** "consumer c3 joined", "consumer c2 left", "c1's session expired", "partitions added to orders". */
function describeReason(previous: Map<string, TopicPartition[]>, next: Map<string, TopicPartition[]>, departureOf: DepartureOf): string {
  const reasons: string[] = [];
  for (const id of [...next.keys()].sort(byConsumerId)) if (!previous.has(id)) reasons.push(`consumer ${id} joined`);
  for (const id of [...previous.keys()].sort(byConsumerId)) {
    if (next.has(id)) continue;
    const departure = departureOf(id);
    if (departure === 'left') reasons.push(`consumer ${id} left`);
    else if (departure === 'expired') reasons.push(`${id}'s session expired`);
    else if (departure === 'gone') reasons.push(`consumer ${id} is gone`);
  }
  if (reasons.length > 0) return reasons.join(', ');
  const before = new Set([...previous.values()].flat().map(({ topic, partition }) => partitionKey(topic, partition)));
  const added = [...new Set([...next.values()].flat().filter(({ topic, partition }) => !before.has(partitionKey(topic, partition))).map(({ topic }) => topic))];
  if (before.size > 0 && added.length > 0) return `partitions added to ${added.join(', ')}`;
  return 'the members rejoined';
}

/** c2 before c10. */
function byConsumerId(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
