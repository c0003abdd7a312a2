import { describe, expect, it } from 'vitest';
import { formStableGroup, joinRequest, useCoordinators } from './coordinator-test-kit';
import { ErrorCode } from '@lanes/kafka-protocol';

const start = useCoordinators();

const offsets = [
  { topic: 'payments', partition: 0, offset: 120, metadata: 'checkpoint' },
  { topic: 'payments', partition: 1, offset: 7, metadata: null },
];
const errorsOf = (results: { errorCode: number }[]) => results.map((result) => result.errorCode);

describe('GroupCoordinator offset commits', () => {
  it('accepts a member commit for its generation and rejects other generations and unknown members', async () => {
    const t = start();
    const [member] = await formStableGroup(t.coordinator, 1);
    const commit = (generationId: number, memberId: string) =>
      errorsOf(t.coordinator.commitOffsets({ groupId: 'orders', generationId, memberId, offsets }));

    expect(commit(1, member!.memberId)).toEqual([0, 0]);
    expect(commit(0, member!.memberId)).toEqual([ErrorCode.ILLEGAL_GENERATION, ErrorCode.ILLEGAL_GENERATION]);
    expect(commit(1, 'someone-else')).toEqual([ErrorCode.UNKNOWN_MEMBER_ID, ErrorCode.UNKNOWN_MEMBER_ID]);
    // The manual-assignment form is refused while the group has members.
    expect(commit(-1, '')).toEqual([ErrorCode.UNKNOWN_MEMBER_ID, ErrorCode.UNKNOWN_MEMBER_ID]);
    expect(t.of('offsets:committed')).toEqual([{ groupId: 'orders', memberId: member!.memberId, generationId: 1, offsets }]);
  });

  it('creates an Empty group for a manual-assignment commit (generation -1, member "")', () => {
    const t = start();
    expect(errorsOf(t.coordinator.commitOffsets({ groupId: 'manual', generationId: -1, memberId: '', offsets }))).toEqual([0, 0]);
    expect(t.coordinator.listGroups()).toEqual([{ groupId: 'manual', protocolType: '', state: 'Empty' }]);
    expect(t.coordinator.fetchOffsets('manual', [{ topic: 'payments', partition: 0 }])).toEqual([
      { topic: 'payments', partition: 0, offset: 120, metadata: 'checkpoint', errorCode: 0 },
    ]);
  });

  it('refuses a commit with a real generation for a group that does not exist', () => {
    const t = start();
    const result = t.coordinator.commitOffsets({ groupId: 'gone', generationId: 3, memberId: 'm', offsets });
    expect(errorsOf(result)).toEqual([ErrorCode.ILLEGAL_GENERATION, ErrorCode.ILLEGAL_GENERATION]);
    expect(t.coordinator.listGroups()).toEqual([]);
  });

  it('answers REBALANCE_IN_PROGRESS to a commit between JoinGroup and SyncGroup', async () => {
    const t = start();
    const join = await t.coordinator.joinGroup(joinRequest());
    const result = t.coordinator.commitOffsets({ groupId: 'orders', generationId: 1, memberId: join.memberId, offsets });
    expect(errorsOf(result)).toEqual([ErrorCode.REBALANCE_IN_PROGRESS, ErrorCode.REBALANCE_IN_PROGRESS]);
  });

  it('accepts a commit from the current generation while the group prepares a rebalance (eager revoke)', async () => {
    const t = start();
    const [member] = await formStableGroup(t.coordinator, 1);
    void t.coordinator.joinGroup(joinRequest());
    const result = t.coordinator.commitOffsets({ groupId: 'orders', generationId: 1, memberId: member!.memberId, offsets });
    expect(errorsOf(result)).toEqual([0, 0]);
  });
});

describe('GroupCoordinator offset fetches', () => {
  it('answers -1 where nothing is committed and lists every commit for a null partition list', () => {
    const t = start();
    t.coordinator.commitOffsets({ groupId: 'manual', generationId: -1, memberId: '', offsets });
    t.coordinator.commitOffsets({
      groupId: 'manual',
      generationId: -1,
      memberId: '',
      offsets: [{ topic: 'audit', partition: 2, offset: 5, metadata: null }],
    });

    expect(t.coordinator.fetchOffsets('manual', [{ topic: 'payments', partition: 9 }])).toEqual([
      { topic: 'payments', partition: 9, offset: -1, metadata: '', errorCode: 0 },
    ]);
    expect(t.coordinator.fetchOffsets('nobody', [{ topic: 'payments', partition: 0 }])[0]?.offset).toBe(-1);
    expect(t.coordinator.fetchOffsets('manual', null).map(({ topic, partition, offset }) => [topic, partition, offset])).toEqual([
      ['audit', 2, 5],
      ['payments', 0, 120],
      ['payments', 1, 7],
    ]);
    expect(t.coordinator.fetchOffsets('nobody', null)).toEqual([]);
  });

  it('keeps the latest commit of a partition', () => {
    const t = start();
    const commit = (offset: number) =>
      t.coordinator.commitOffsets({ groupId: 'manual', generationId: -1, memberId: '', offsets: [{ topic: 'payments', partition: 0, offset, metadata: null }] });
    commit(10);
    commit(25);
    expect(t.coordinator.fetchOffsets('manual', [{ topic: 'payments', partition: 0 }])[0]?.offset).toBe(25);
  });

  it('forgets a deleted topic and removes Empty groups left with no commits', async () => {
    const t = start();
    t.coordinator.commitOffsets({ groupId: 'manual', generationId: -1, memberId: '', offsets });
    t.coordinator.commitOffsets({
      groupId: 'mixed',
      generationId: -1,
      memberId: '',
      offsets: [...offsets, { topic: 'audit', partition: 0, offset: 1, metadata: null }],
    });
    const [member] = await formStableGroup(t.coordinator, 1);
    t.coordinator.commitOffsets({ groupId: 'orders', generationId: 1, memberId: member!.memberId, offsets });

    t.coordinator.deleteTopicOffsets('payments');

    expect(t.coordinator.fetchOffsets('mixed', null).map((fetched) => fetched.topic)).toEqual(['audit']);
    expect(t.coordinator.fetchOffsets('orders', null)).toEqual([]);
    expect(t.coordinator.listGroups().map((group) => group.groupId).sort()).toEqual(['mixed', 'orders']);
    expect(t.of('group:deleted')).toEqual([{ groupId: 'manual' }]);
  });
});
