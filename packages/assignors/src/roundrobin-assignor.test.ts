import { describe, expect, it } from 'vitest';
import { assignRoundRobin, explainRoundRobin } from './roundrobin-assignor';

const members = (ids: string[], topics = ['t']) => ids.map((memberId) => ({ memberId, topics }));
const partitionsOf = (topic: string, ...partitions: number[]) => partitions.map((partition) => ({ topic, partition }));

describe('assignRoundRobin (Java RoundRobinAssignor)', () => {
  it('deals 7 partitions in turn over 3 members sorted by id', () => {
    const input = { members: members(['c2', 'c3', 'c1']), partitionsPerTopic: { t: 7 } };
    expect(assignRoundRobin(input)).toEqual({ c1: partitionsOf('t', 0, 3, 6), c2: partitionsOf('t', 1, 4), c3: partitionsOf('t', 2, 5) });
    expect(explainRoundRobin(input)).toBe('roundrobin: 7 partitions dealt in turn to 3 members sorted by id: c1 → 0,3,6; c2 → 1,4; c3 → 2,5');
  });

  it('deals across topics in name order, so extras do not pile up on the first member (Java’s own example)', () => {
    const input = { members: members(['C1', 'C0'], ['t1', 't0']), partitionsPerTopic: { t0: 3, t1: 3 } };
    expect(assignRoundRobin(input)).toEqual({ C0: [...partitionsOf('t0', 0, 2), ...partitionsOf('t1', 1)], C1: [...partitionsOf('t0', 1), ...partitionsOf('t1', 0, 2)] });
    expect(explainRoundRobin(input)).toBe('roundrobin: 6 partitions (t0, t1 in name order, each partition in number order) dealt in turn to 2 members sorted by id: C0 → t0-0,t0-2,t1-1; C1 → t0-1,t1-0,t1-2');
  });

  it('skips members not subscribed to a partition’s topic (Java’s unequal-subscription example)', () => {
    const input = {
      members: [
        { memberId: 'C0', topics: ['t0'] },
        { memberId: 'C1', topics: ['t0', 't1'] },
        { memberId: 'C2', topics: ['t0', 't1', 't2'] },
      ],
      partitionsPerTopic: { t0: 1, t1: 2, t2: 3 },
    };
    expect(assignRoundRobin(input)).toEqual({ C0: partitionsOf('t0', 0), C1: partitionsOf('t1', 0), C2: [...partitionsOf('t1', 1), ...partitionsOf('t2', 0, 1, 2)] });
    expect(explainRoundRobin(input)).toContain('skipping a member when it is not subscribed to the partition’s topic');
  });

  it('leaves members beyond the partition count idle and rebalances when one leaves', () => {
    expect(assignRoundRobin({ members: members(['a', 'b', 'c']), partitionsPerTopic: { t: 2 } })).toEqual({ a: partitionsOf('t', 0), b: partitionsOf('t', 1), c: [] });
    expect(explainRoundRobin({ members: members(['a', 'b', 'c']), partitionsPerTopic: { t: 2 } })).toContain('c → nothing (idle)');
    expect(assignRoundRobin({ members: members(['a', 'c']), partitionsPerTopic: { t: 5 } })).toEqual({ a: partitionsOf('t', 0, 2, 4), c: partitionsOf('t', 1, 3) });
  });
});
