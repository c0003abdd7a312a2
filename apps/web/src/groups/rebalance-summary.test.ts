import { describe, expect, it } from 'vitest';
import type { MemberView, RebalanceView } from '@lanes/events';
import { departedMembers, describeChange, isFreshRebalance, isRebalancing, newestRebalanceFor, nextAssignments, phaseOf, previousAssignments, rebalanceStageMs, summarizeRebalance, unassignedPartitions } from './rebalance-summary';

const p = (...partitions: number[]) => partitions.map((partition) => ({ topic: 'orders', partition }));

function member(consumerId: string, partitions: number[]): MemberView {
  return { memberId: `${consumerId}-id`, consumerId, clientId: 'lanes', clientHost: '/127.0.0.1', assignment: p(...partitions), status: partitions.length ? 'active' : 'idle' };
}

function rebalance(changes: RebalanceView['changes'], generation = 3, groupId = 'g'): RebalanceView {
  return { groupId, generation, startedAt: 1000, durationMs: 120, reason: 'member joined', protocol: 'eager', changes };
}

describe('rebalance summaries', () => {
  it('names what each member lost and gained, in partition order', () => {
    expect(describeChange({ member: 'c1', lost: p(4, 2), gained: p(5) }, false)).toBe('c1 lost P2 P4, gained P5');
    expect(describeChange({ member: 'c3', lost: [], gained: p(0, 1) }, false)).toBe('c3 gained P0 P1');
    expect(describeChange({ member: 'c2', lost: p(1), gained: [] }, true)).toBe('c2 lost orders P1');
  });

  it('says when a member kept everything, and lists movers first', () => {
    const members = [member('c1', [0, 1]), member('c2', [2]), member('c3', [3])];
    const lines = summarizeRebalance(rebalance([{ member: 'c1', lost: [], gained: [] }, { member: 'c2', lost: p(3), gained: [] }, { member: 'c3', lost: [], gained: p(3) }]), members, false);
    expect(lines).toEqual(['c2 lost P3', 'c3 gained P3', 'c1 kept P0 P1']);
  });

  it('rebuilds the assignment before the rebalance, including members that left', () => {
    // c2 crashed owning P2 P3; c1 took them over.
    const members = [member('c1', [0, 1, 2, 3])];
    const before = previousAssignments(members, rebalance([{ member: 'c1', lost: [], gained: p(2, 3) }, { member: 'c2', lost: p(2, 3), gained: [] }]));
    expect(before.get('c1')).toEqual(p(0, 1));
    expect(before.get('c2')).toEqual(p(2, 3));
    expect(departedMembers(members, rebalance([{ member: 'c2', lost: p(2, 3), gained: [] }]))).toEqual(['c2']);
  });

  it('maps Kafka group states to the phases of an eager rebalance', () => {
    expect(phaseOf('PreparingRebalance')).toBe('joining');
    expect(phaseOf('CompletingRebalance')).toBe('syncing');
    expect(phaseOf('Stable')).toBe('stable');
    expect(phaseOf('Whatever')).toBe('unknown');
    expect(isRebalancing('CompletingRebalance')).toBe(true);
    expect(isRebalancing('Stable')).toBe(false);
  });

  it('finds the newest rebalance of one group', () => {
    const list = [rebalance([], 1, 'g'), rebalance([], 5, 'other'), rebalance([], 2, 'g')];
    expect(newestRebalanceFor(list, 'g')?.generation).toBe(2);
    expect(newestRebalanceFor(list, 'none')).toBeUndefined();
  });
});

describe('rebalance animation inputs', () => {
  it('rebuilds the assignment after the rebalance from the one before', () => {
    const before = new Map([
      ['c1', p(0, 1, 2)],
      ['c2', p(3, 4, 5)],
    ]);
    const after = nextAssignments(before, rebalance([{ member: 'c1', lost: p(2), gained: [] }, { member: 'c2', lost: p(5), gained: [] }, { member: 'c3', lost: [], gained: p(2, 5) }]));
    expect(after.get('c1')).toEqual(p(0, 1));
    expect(after.get('c2')).toEqual(p(3, 4));
    expect(after.get('c3')).toEqual(p(2, 5));
  });

  it('is the inverse of previousAssignments', () => {
    const members = [member('c1', [0, 1]), member('c2', [2, 3])];
    const change = rebalance([{ member: 'c1', lost: p(2), gained: p(1) }, { member: 'c2', lost: p(1), gained: p(2, 3) }]);
    const after = nextAssignments(previousAssignments(members, change), change);
    expect(after.get('c1')).toEqual(p(0, 1));
    expect(after.get('c2')).toEqual(p(2, 3));
  });

  it('slows the animation down in slow motion and keeps it within bounds', () => {
    expect(rebalanceStageMs(1)).toEqual({ revokeMs: 800, drawMs: 900 });
    expect(rebalanceStageMs(0.25).revokeMs).toBe(3200);
    expect(rebalanceStageMs(2).drawMs).toBe(450);
    expect(rebalanceStageMs(0).revokeMs).toBe(800);
  });

  it('animates only recent rebalances, on the gateway clock', () => {
    const done = rebalance([]); // finished at 1000 + 120 gateway time
    expect(isFreshRebalance(done, 5_000, 0)).toBe(true);
    expect(isFreshRebalance(done, 5_000, 20_000)).toBe(false);
  });
});

describe('unassigned partitions', () => {
  it('lists partitions no member owns, such as ones just added', () => {
    expect(unassignedPartitions(p(0, 1, 2, 3), [member('c1', [0, 1]), member('c2', [2])])).toEqual(p(3));
    expect(unassignedPartitions(p(0, 1), [member('c1', [0, 1])])).toEqual([]);
  });
});
