import { describe, expect, it } from 'vitest';
import type { GroupView, MemberView } from '@lanes/events';
import { computeTopicMarkers, lagOf } from './lane-markers';

function member(consumerId: string, partitions: number[], status: MemberView['status'] = 'active'): MemberView {
  return { memberId: `${consumerId}-id`, consumerId, clientId: `client-${consumerId}`, clientHost: '/127.0.0.1', assignment: partitions.map((partition) => ({ topic: 'orders', partition })), status };
}

function group(groupId: string, members: MemberView[], committed: Record<number, number> = {}): GroupView {
  return {
    groupId,
    managed: true,
    topics: ['orders'],
    assignor: 'roundrobin',
    state: 'Stable',
    generation: 1,
    members,
    lag: Object.entries(committed).map(([partition, offset]) => ({ topic: 'orders', partition: Number(partition), committed: offset, logEndOffset: 10, lag: 10 - offset })),
  };
}

describe('computeTopicMarkers', () => {
  it('puts each group in its own row with committed offset, reader and live position per partition', () => {
    const groups = [group('billing', [member('c1', [0]), member('c2', [1])], { 0: 4, 1: -1 })];
    const markers = computeTopicMarkers('orders', 2, groups, [{ groupId: 'billing', consumerId: 'c1', topic: 'orders', partition: 0, position: 6, at: 0 }]);
    expect(markers.groups).toEqual(['billing']);
    expect(markers.byPartition[0]).toEqual([{ groupId: 'billing', row: 0, committed: 4, reader: 'c1', position: 6 }]);
    // -1 is Kafka's "no committed offset": drawn as no flag, not as offset -1.
    expect(markers.byPartition[1]).toEqual([{ groupId: 'billing', row: 0, committed: null, reader: 'c2', position: null }]);
  });

  it('ignores groups reading other topics and limits rows, counting the rest', () => {
    const other = { ...group('audit', []), topics: ['payments'] };
    const groups = [group('d', []), group('a', []), group('c', []), group('b', []), other];
    const markers = computeTopicMarkers('orders', 1, groups, []);
    expect(markers.groups).toEqual(['a', 'b', 'c']);
    expect(markers.hiddenGroups).toBe(1);
    expect(markers.byPartition[0]!.map((m) => m.row)).toEqual([0, 1, 2]);
  });

  it('shows no reader for a crashed member and no position for an unassigned partition', () => {
    const groups = [group('g', [member('c1', [0], 'crashed')], { 0: 2 })];
    const markers = computeTopicMarkers('orders', 1, groups, [{ groupId: 'g', consumerId: 'c1', topic: 'orders', partition: 0, position: 3, at: 0 }]);
    expect(markers.byPartition[0]![0]).toMatchObject({ reader: null, position: null, committed: 2 });
  });

  it('names members of external groups by their client id', () => {
    const external: MemberView = { memberId: 'm', clientId: 'rdkafka', clientHost: '/10.0.0.2', assignment: [{ topic: 'orders', partition: 0 }], status: 'active' };
    expect(computeTopicMarkers('orders', 1, [group('ext', [external])], []).byPartition[0]![0]!.reader).toBe('rdkafka');
  });
});

describe('lagOf', () => {
  it('is log end minus committed, never negative, and unknown before a commit', () => {
    expect(lagOf(4, 10)).toBe(6);
    expect(lagOf(12, 10)).toBe(0);
    expect(lagOf(null, 10)).toBeNull();
  });
});
