import { describe, expect, it } from 'vitest';
import { AssignorInputError } from './assignment-input';
import { assignRange, explainRange } from './range-assignor';

const members = (ids: string[], topics = ['t']) => ids.map((memberId) => ({ memberId, topics }));
const partitionsOf = (topic: string, ...partitions: number[]) => partitions.map((partition) => ({ topic, partition }));

describe('assignRange (Java RangeAssignor)', () => {
  it('gives 3 members of 7 partitions contiguous blocks, the first member one extra', () => {
    const input = { members: members(['c3', 'c1', 'c2']), partitionsPerTopic: { t: 7 } };
    expect(assignRange(input)).toEqual({ c1: partitionsOf('t', 0, 1, 2), c2: partitionsOf('t', 3, 4), c3: partitionsOf('t', 5, 6) });
    expect(explainRange(input)).toBe('range: 7 partitions / 3 members = 2 each, the first 1 member gets one extra: c1 → 0,1,2; c2 → 3,4; c3 → 5,6');
  });

  it('splits uneven counts with the extras on the first members by id', () => {
    expect(assignRange({ members: members(['b', 'a']), partitionsPerTopic: { t: 5 } })).toEqual({ a: partitionsOf('t', 0, 1, 2), b: partitionsOf('t', 3, 4) });
    expect(explainRange({ members: members(['a', 'b', 'c', 'd']), partitionsPerTopic: { t: 10 } })).toBe(
      'range: 10 partitions / 4 members = 2 each, the first 2 members get one extra: a → 0,1,2; b → 3,4,5; c → 6,7; d → 8,9',
    );
  });

  it('leaves members beyond the partition count idle', () => {
    const input = { members: members(['c1', 'c2', 'c3', 'c4']), partitionsPerTopic: { t: 2 } };
    expect(assignRange(input)).toEqual({ c1: partitionsOf('t', 0), c2: partitionsOf('t', 1), c3: [], c4: [] });
    expect(explainRange(input)).toBe('range: 2 partitions / 4 members = 0 each, the first 2 members get one extra: c1 → 0; c2 → 1; c3 → nothing (idle); c4 → nothing (idle)');
  });

  it('reshuffles the blocks when a member leaves (range is not sticky)', () => {
    expect(assignRange({ members: members(['c1', 'c3']), partitionsPerTopic: { t: 7 } })).toEqual({ c1: partitionsOf('t', 0, 1, 2, 3), c3: partitionsOf('t', 4, 5, 6) });
  });

  it('splits each topic on its own, so the first members collect every topic’s extra (Java’s own example)', () => {
    const input = { members: members(['C1', 'C0'], ['t0', 't1']), partitionsPerTopic: { t0: 3, t1: 3 } };
    expect(assignRange(input)).toEqual({ C0: [...partitionsOf('t0', 0, 1), ...partitionsOf('t1', 0, 1)], C1: [...partitionsOf('t0', 2), ...partitionsOf('t1', 2)] });
    expect(explainRange(input)).toBe(
      ['range, topic t0: 3 partitions / 2 members = 1 each, the first 1 member gets one extra: C0 → 0,1; C1 → 2', 'range, topic t1: 3 partitions / 2 members = 1 each, the first 1 member gets one extra: C0 → 0,1; C1 → 2'].join('\n'),
    );
  });

  it('divides a topic only among the members subscribed to it', () => {
    const input = {
      members: [
        { memberId: 'a', topics: ['orders', 'payments'] },
        { memberId: 'b', topics: ['orders'] },
        { memberId: 'c', topics: ['payments', 'unknown-topic'] },
      ],
      partitionsPerTopic: { orders: 3, payments: 4, unrelated: 9 },
    };
    expect(assignRange(input)).toEqual({
      a: [...partitionsOf('orders', 0, 1), ...partitionsOf('payments', 0, 1)],
      b: partitionsOf('orders', 2),
      c: partitionsOf('payments', 2, 3),
    });
  });

  it('sorts member ids as Java compares strings, not as numbers or by locale', () => {
    const assigned = assignRange({ members: members(['c2', 'c10', 'C3']), partitionsPerTopic: { t: 3 } });
    expect(assigned).toEqual({ C3: partitionsOf('t', 0), c10: partitionsOf('t', 1), c2: partitionsOf('t', 2) });
  });

  it('orders static members (KIP-345) by group instance id ahead of dynamic ones', () => {
    const assigned = assignRange({
      members: [
        { memberId: 'a-dynamic', topics: ['t'] },
        { memberId: 'z-static', groupInstanceId: 'instance-1', topics: ['t'] },
        { memberId: 'b-static', groupInstanceId: 'instance-2', topics: ['t'] },
      ],
      partitionsPerTopic: { t: 3 },
    });
    expect(assigned).toEqual({ 'z-static': partitionsOf('t', 0), 'b-static': partitionsOf('t', 1), 'a-dynamic': partitionsOf('t', 2) });
  });

  it('keeps a member id like __proto__ an ordinary key', () => {
    const assigned = assignRange({ members: members(['__proto__', 'b']), partitionsPerTopic: { t: 2 } });
    expect(Object.keys(assigned)).toEqual(['__proto__', 'b']);
    expect(assigned['__proto__']).toEqual(partitionsOf('t', 0));
  });

  it('rejects bad input with an error that says what is wrong', () => {
    expect(() => assignRange({ members: members(['a', 'a']), partitionsPerTopic: { t: 1 } })).toThrow(new AssignorInputError('Member id "a" appears twice; member ids must be unique.'));
    expect(() => assignRange({ members: members(['a']), partitionsPerTopic: { t: -1 } })).toThrow(/Partition count of topic "t" must be a whole number of at least 0, got -1/);
    expect(() => assignRange({ members: [{ memberId: '', topics: [] }], partitionsPerTopic: {} })).toThrow(/memberId must be a non-empty string/);
    expect(() => assignRange({ members: [{ memberId: 'a', topics: 't' as unknown as string[] }], partitionsPerTopic: {} })).toThrow(/topics must be an array/);
    expect(() => assignRange(null as never)).toThrow(AssignorInputError);
  });

  it('explains a group whose topics have no known partitions', () => {
    expect(explainRange({ members: members(['a']), partitionsPerTopic: {} })).toBe('range: no subscribed topic has known partitions, so nobody gets anything.');
    expect(assignRange({ members: [], partitionsPerTopic: { t: 3 } })).toEqual({});
  });
});
