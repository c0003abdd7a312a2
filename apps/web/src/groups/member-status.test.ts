import { describe, expect, it } from 'vitest';
import { idleCount, idleReason, isIdle } from './member-status';

describe('idle members', () => {
  it('blames the partition count only when there are more members than partitions', () => {
    expect(idleReason(7, 6)).toContain('More consumers than partitions');
    expect(idleReason(2, 6)).toContain('next rebalance');
    expect(idleReason(2, 0)).toContain('next rebalance');
  });

  it('counts healthy members that own nothing as idle, not crashed or joining ones', () => {
    const members = [
      { status: 'idle' as const, assignment: [] },
      { status: 'active' as const, assignment: [] },
      { status: 'active' as const, assignment: [{ topic: 't', partition: 0 }] },
      { status: 'crashed' as const, assignment: [] },
      { status: 'joining' as const, assignment: [] },
    ];
    expect(members.map(isIdle)).toEqual([true, true, false, false, false]);
    expect(idleCount(members)).toBe(2);
  });
});
