import { describe, expect, it } from 'vitest';
import { RebalanceTracker, type DepartureOf } from './rebalance-tracker';

const p = (...partitions: number[]) => partitions.map((partition) => ({ topic: 't', partition }));
const alive: DepartureOf = () => null;

describe('RebalanceTracker', () => {
  it('completes a generation when every expected member has joined, with what each gained', () => {
    const tracker = new RebalanceTracker();
    tracker.noteStart(1000);
    expect(tracker.join({ consumerId: 'c1', generation: 1, assignment: p(0, 1), at: 1050, durationMs: 30 }, new Set(['c1', 'c2']), alive)).toEqual([]);
    const [done] = tracker.join({ consumerId: 'c2', generation: 1, assignment: p(2, 3), at: 1080, durationMs: 60 }, new Set(['c1', 'c2']), alive);
    expect(done).toMatchObject({
      generation: 1,
      startedAt: 1000,
      durationMs: 80,
      reason: 'consumer c1 joined, consumer c2 joined',
      changes: [
        { member: 'c1', lost: [], gained: p(0, 1) },
        { member: 'c2', lost: [], gained: p(2, 3) },
      ],
    });
    expect(tracker.roundOpen).toBe(false);
    expect(tracker.ownerOf('t', 3)).toBe('c2');
  });

  it('reports what a departed member lost and why', () => {
    const tracker = new RebalanceTracker();
    tracker.join({ consumerId: 'c1', generation: 1, assignment: p(0), at: 0, durationMs: 0 }, new Set(['c1', 'c2']), alive);
    tracker.join({ consumerId: 'c2', generation: 1, assignment: p(1), at: 0, durationMs: 0 }, new Set(['c1', 'c2']), alive);
    const [done] = tracker.join({ consumerId: 'c1', generation: 2, assignment: p(0, 1), at: 5000, durationMs: 20 }, new Set(['c1']), (id) => (id === 'c2' ? 'expired' : null));
    expect(done).toMatchObject({
      generation: 2,
      reason: "c2's session expired",
      changes: [
        { member: 'c1', lost: [], gained: p(1) },
        { member: 'c2', lost: p(1), gained: [] },
      ],
    });
    expect(tracker.assignmentOf('c2')).toEqual([]);
  });

  it('a newer generation closes a round still waiting for a member', () => {
    const tracker = new RebalanceTracker();
    const expected = new Set(['c1', 'c2']);
    expect(tracker.join({ consumerId: 'c1', generation: 1, assignment: p(0, 1), at: 0, durationMs: 0 }, expected, alive)).toEqual([]);
    const completed = tracker.join({ consumerId: 'c1', generation: 2, assignment: p(0), at: 10, durationMs: 0 }, expected, alive);
    expect(completed.map((c) => c.generation)).toEqual([1]);
    expect(tracker.join({ consumerId: 'c2', generation: 2, assignment: p(1), at: 20, durationMs: 0 }, expected, alive).map((c) => c.generation)).toEqual([2]);
  });

  it('without generations, a member joining twice starts the next round', () => {
    const tracker = new RebalanceTracker();
    const expected = new Set(['c1', 'c2']);
    tracker.join({ consumerId: 'c1', generation: null, assignment: p(0, 1), at: 0, durationMs: 0 }, expected, alive);
    const [first] = tracker.join({ consumerId: 'c1', generation: null, assignment: p(0), at: 10, durationMs: 0 }, expected, alive);
    expect(first).toMatchObject({ generation: null, changes: [{ member: 'c1', gained: p(0, 1) }] });
    expect(tracker.roundOpen).toBe(true);
  });

  it('recheck completes a round once a member it waited for is no longer expected', () => {
    const tracker = new RebalanceTracker();
    tracker.join({ consumerId: 'c1', generation: 3, assignment: p(0), at: 0, durationMs: 0 }, new Set(['c1', 'c2']), alive);
    expect(tracker.recheck(new Set(['c1', 'c2']), alive)).toBeNull();
    expect(tracker.recheck(new Set(['c1']), alive)).toMatchObject({ generation: 3 });
  });

  it('names added partitions when membership did not change', () => {
    const tracker = new RebalanceTracker();
    tracker.join({ consumerId: 'c1', generation: 1, assignment: p(0), at: 0, durationMs: 0 }, new Set(['c1']), alive);
    const [done] = tracker.join({ consumerId: 'c1', generation: 2, assignment: p(0, 1), at: 0, durationMs: 0 }, new Set(['c1']), alive);
    expect(done!.reason).toBe('partitions added to t');
  });
});
