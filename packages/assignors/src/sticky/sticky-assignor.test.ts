import { describe, expect, it } from 'vitest';
import type { Assignment, AssignmentInput, AssignorMember, TopicPartition } from '../assignment-input';
import { assignRoundRobin } from '../roundrobin-assignor';
import { assignSticky, explainSticky } from './sticky-assignor';

const partitionsOf = (topic: string, ...partitions: number[]): TopicPartition[] => partitions.map((partition) => ({ topic, partition }));
const key = ({ topic, partition }: TopicPartition) => `${topic}-${partition}`;
const keys = (partitions: TopicPartition[]) => partitions.map(key).sort();

/** The previous round's result as the members would report it in their user data. */
function rejoin(assignment: Assignment, memberIds: string[], topics: string[], generation: number): AssignorMember[] {
  return memberIds.map((memberId) => ({ memberId, topics, previous: assignment[memberId] ?? [], generation }));
}

function expectEveryPartitionOnce(assignment: Assignment, partitionsPerTopic: Record<string, number>): void {
  const all = Object.values(assignment).flat().map(key).sort();
  const expected = Object.entries(partitionsPerTopic).flatMap(([topic, n]) => Array.from({ length: n }, (_, partition) => key({ topic, partition }))).sort();
  expect(all).toEqual(expected);
}

function expectBalancedWithinOne(assignment: Assignment): void {
  const loads = Object.values(assignment).map((partitions) => partitions.length);
  expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
}

describe('assignSticky (Java StickyAssignor, KIP-54)', () => {
  it('starts like round robin when nobody owned anything (Java’s example 1)', () => {
    const input: AssignmentInput = {
      members: ['C0', 'C1', 'C2'].map((memberId) => ({ memberId, topics: ['t0', 't1', 't2', 't3'] })),
      partitionsPerTopic: { t0: 2, t1: 2, t2: 2, t3: 2 },
    };
    const first = assignSticky(input);
    expect(first).toEqual(assignRoundRobin(input));
    expect(keys(first['C0']!)).toEqual(['t0-0', 't1-1', 't3-0']);
    expect(explainSticky(input)).toBe(
      'sticky: 8 partitions over 3 members, 2 to 3 each (balanced within one); no member reported previous partitions, so this is a fresh deal: C0 → t0-0,t1-1,t3-0; C1 → t0-1,t2-0,t3-1; C2 → t1-0,t2-1',
    );
  });

  it('keeps every partition with its owner when a member leaves, unlike round robin', () => {
    const topics = ['t0', 't1', 't2', 't3'];
    const partitionsPerTopic = { t0: 2, t1: 2, t2: 2, t3: 2 };
    const first = assignSticky({ members: ['C0', 'C1', 'C2'].map((memberId) => ({ memberId, topics })), partitionsPerTopic });
    const second = assignSticky({ members: rejoin(first, ['C0', 'C2'], topics, 1), partitionsPerTopic });
    expect(second['C0']).toEqual(expect.arrayContaining(first['C0']!));
    expect(second['C2']).toEqual(expect.arrayContaining(first['C2']!));
    expectEveryPartitionOnce(second, partitionsPerTopic);
    expectBalancedWithinOne(second);
  });

  it('gives a joining member its share, taken from the fullest members, and moves nothing else', () => {
    const partitionsPerTopic = { t: 7 };
    const before = { c1: partitionsOf('t', 0, 1, 2, 3), c2: partitionsOf('t', 4, 5, 6) };
    const input: AssignmentInput = { members: [...rejoin(before, ['c1', 'c2'], ['t'], 3), { memberId: 'c3', topics: ['t'] }], partitionsPerTopic };
    const after = assignSticky(input);
    expect(after).toEqual({ c1: partitionsOf('t', 0, 1, 2), c2: partitionsOf('t', 4, 5), c3: partitionsOf('t', 3, 6) });
    expect(explainSticky(input)).toBe(
      'sticky: 7 partitions over 3 members, 2 to 3 each (balanced within one); 5 partitions stay with their previous owner, 2 move or are new: c1 → 0,1,2 (kept 0,1,2); c2 → 4,5 (kept 4,5); c3 → 3,6 (took 3 from c1, took 6 from c2)',
    );
  });

  it('keeps an already balanced assignment exactly as it is', () => {
    const before = { a: partitionsOf('t', 5, 0), b: partitionsOf('t', 1, 3), c: partitionsOf('t', 2, 4) };
    expect(assignSticky({ members: rejoin(before, ['a', 'b', 'c'], ['t'], 9), partitionsPerTopic: { t: 6 } })).toEqual({
      a: partitionsOf('t', 0, 5),
      b: partitionsOf('t', 1, 3),
      c: partitionsOf('t', 2, 4),
    });
  });

  it('leaves members beyond the partition count idle', () => {
    const assigned = assignSticky({ members: ['a', 'b', 'c'].map((memberId) => ({ memberId, topics: ['t'] })), partitionsPerTopic: { t: 2 } });
    expect(assigned).toEqual({ a: partitionsOf('t', 0), b: partitionsOf('t', 1), c: [] });
  });

  it('balances better than round robin with unequal subscriptions, and stays sticky when a member leaves (Java’s example 2)', () => {
    const partitionsPerTopic = { t0: 1, t1: 2, t2: 3 };
    const subscriptions: Record<string, string[]> = { C0: ['t0'], C1: ['t0', 't1'], C2: ['t0', 't1', 't2'] };
    const first = assignSticky({ members: Object.entries(subscriptions).map(([memberId, topics]) => ({ memberId, topics })), partitionsPerTopic });
    expect(first).toEqual({ C0: partitionsOf('t0', 0), C1: partitionsOf('t1', 0, 1), C2: partitionsOf('t2', 0, 1, 2) });

    const second = assignSticky({
      members: ['C1', 'C2'].map((memberId) => ({ memberId, topics: subscriptions[memberId]!, previous: first[memberId], generation: 1 })),
      partitionsPerTopic,
    });
    expect(second).toEqual({ C1: [...partitionsOf('t0', 0), ...partitionsOf('t1', 0, 1)], C2: partitionsOf('t2', 0, 1, 2) });
  });

  it('gives a partition claimed by two members to the newer generation (KIP-341)', () => {
    const assigned = assignSticky({
      members: [
        { memberId: 'stale', topics: ['t'], previous: partitionsOf('t', 0, 1), generation: 4 },
        { memberId: 'fresh', topics: ['t'], previous: partitionsOf('t', 0), generation: 5 },
      ],
      partitionsPerTopic: { t: 2 },
    });
    expect(assigned).toEqual({ fresh: partitionsOf('t', 0), stale: partitionsOf('t', 1) });
  });

  it('assigns a partition claimed twice in one generation exactly once', () => {
    const assigned = assignSticky({
      members: [
        { memberId: 'a', topics: ['t'], previous: partitionsOf('t', 0, 1), generation: 2 },
        { memberId: 'b', topics: ['t'], previous: partitionsOf('t', 1, 2), generation: 2 },
      ],
      partitionsPerTopic: { t: 4 },
    });
    expectEveryPartitionOnce(assigned, { t: 4 });
    expectBalancedWithinOne(assigned);
    expect(assigned['a']).toEqual(expect.arrayContaining(partitionsOf('t', 0)));
    expect(assigned['b']).toEqual(expect.arrayContaining(partitionsOf('t', 2)));
  });

  it('drops previous partitions of deleted topics, shrunk topics and topics no longer subscribed', () => {
    const assigned = assignSticky({
      members: [
        { memberId: 'a', topics: ['t'], previous: [...partitionsOf('t', 0, 9), ...partitionsOf('gone', 0)], generation: 1 },
        { memberId: 'b', topics: ['t', 'u'], previous: [...partitionsOf('t', 1), ...partitionsOf('u', 0)], generation: 1 },
        { memberId: 'c', topics: ['u'], previous: partitionsOf('t', 2), generation: 1 },
      ],
      partitionsPerTopic: { t: 3, u: 2 },
    });
    expectEveryPartitionOnce(assigned, { t: 3, u: 2 });
    expect(assigned['a']).toEqual(expect.arrayContaining(partitionsOf('t', 0)));
    expect(assigned['c']!.every(({ topic }) => topic === 'u')).toBe(true);
  });

  it('stays valid, balanced and sticky over many random rebalances', () => {
    const random = seededRandom(42);
    for (let round = 0; round < 200; round++) {
      const partitionsPerTopic = { a: 1 + Math.floor(random() * 6), b: Math.floor(random() * 5), c: 1 + Math.floor(random() * 3) };
      const topics = Object.keys(partitionsPerTopic);
      const everyone = ['m1', 'm2', 'm3', 'm4', 'm5'].filter(() => random() < 0.7);
      const memberIds = everyone.length > 0 ? everyone : ['m1'];
      let assignment = assignSticky({ members: memberIds.map((memberId) => ({ memberId, topics })), partitionsPerTopic });
      const staying = memberIds.filter(() => random() < 0.7);
      const joining = ['n1', 'n2'].filter(() => random() < 0.4);
      const next = [...staying, ...joining];
      if (next.length === 0) continue;
      const previous = assignment;
      assignment = assignSticky({ members: next.map((memberId) => ({ memberId, topics, previous: previous[memberId] ?? [], generation: 1 })), partitionsPerTopic });
      expectEveryPartitionOnce(assignment, partitionsPerTopic);
      expectBalancedWithinOne(assignment);
      const total = Object.values(partitionsPerTopic).reduce((sum, n) => sum + n, 0);
      for (const memberId of staying) {
        // A member keeps all it had, up to the largest share it may end with.
        const kept = assignment[memberId]!.filter((tp) => previous[memberId]!.some((old) => key(old) === key(tp))).length;
        expect(kept).toBeGreaterThanOrEqual(Math.min(previous[memberId]!.length, Math.floor(total / next.length)));
      }
    }
  });

  it('gives every partition to exactly one subscribed member with random unequal subscriptions', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 200; round++) {
      const partitionsPerTopic = { a: 1 + Math.floor(random() * 5), b: 1 + Math.floor(random() * 4), c: Math.floor(random() * 4) };
      const pickTopics = () => Object.keys(partitionsPerTopic).filter(() => random() < 0.6);
      const members = ['m1', 'm2', 'm3', 'm4'].map((memberId) => ({ memberId, topics: pickTopics() }));
      const first = assignSticky({ members, partitionsPerTopic });
      const changed = members.filter(() => random() < 0.8).map((member) => ({ ...member, topics: random() < 0.3 ? pickTopics() : member.topics, previous: first[member.memberId], generation: 1 }));
      for (const [input, assignment] of [
        [members, first],
        [changed, assignSticky({ members: changed, partitionsPerTopic })],
      ] as const) {
        const subscribed = new Set(input.flatMap((member) => member.topics));
        const expected = Object.fromEntries(Object.entries(partitionsPerTopic).filter(([topic]) => subscribed.has(topic)));
        expectEveryPartitionOnce(assignment, expected);
        for (const member of input) expect(assignment[member.memberId]!.every(({ topic }) => member.topics.includes(topic))).toBe(true);
      }
    }
  });
});

/** mulberry32: a small seeded generator, so a failure replays. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
