import { describe, expect, it } from 'vitest';
import { assignmentFor, formStableGroup, joinRequest, useCoordinators } from './coordinator-test-kit';
import { ErrorCode } from '@lanes/kafka-protocol';

const start = useCoordinators();

describe('GroupCoordinator DescribeGroups and ListGroups', () => {
  it('describes a Stable group with each member’s chosen-protocol metadata and assignment', async () => {
    const t = start();
    const joins = await formStableGroup(t.coordinator, 2, {
      clientId: 'kcat',
      protocols: [
        { name: 'roundrobin', metadata: Buffer.from('rr-subscription') },
        { name: 'range', metadata: Buffer.from('range-subscription') },
      ],
    });
    const described = t.coordinator.describeGroup('orders');
    expect(described).toMatchObject({ errorCode: 0, groupId: 'orders', state: 'Stable', protocolType: 'consumer', protocolName: 'roundrobin' });
    expect(described.members).toEqual(
      joins.map((join) => ({
        memberId: join.memberId,
        groupInstanceId: null,
        clientId: 'kcat',
        clientHost: '/127.0.0.1',
        metadata: Buffer.from('rr-subscription'),
        assignment: assignmentFor(join.memberId),
      })),
    );
  });

  it('hides protocol, metadata and assignments while rebalancing, as Kafka does', async () => {
    const t = start();
    await formStableGroup(t.coordinator, 1);
    void t.coordinator.joinGroup(joinRequest());
    const described = t.coordinator.describeGroup('orders');
    expect(described).toMatchObject({ state: 'PreparingRebalance', protocolName: '' });
    expect(described.members.every((member) => member.metadata.length === 0 && member.assignment.length === 0)).toBe(true);
  });

  it('reports an unknown group as Dead without an error and lists the groups that exist', async () => {
    const t = start();
    await formStableGroup(t.coordinator, 1);
    expect(t.coordinator.describeGroup('missing')).toEqual({
      errorCode: 0,
      groupId: 'missing',
      state: 'Dead',
      protocolType: '',
      protocolName: '',
      members: [],
    });
    expect(t.coordinator.listGroups()).toEqual([{ groupId: 'orders', protocolType: 'consumer', state: 'Stable' }]);
  });
});

describe('GroupCoordinator DeleteGroups', () => {
  it('refuses a group with members, deletes an Empty one with its offsets, and reports unknown ids', async () => {
    const t = start();
    await formStableGroup(t.coordinator, 1);
    t.coordinator.commitOffsets({
      groupId: 'manual',
      generationId: -1,
      memberId: '',
      offsets: [{ topic: 'payments', partition: 0, offset: 3, metadata: null }],
    });

    expect(t.coordinator.deleteGroups(['orders', 'manual', 'never'])).toEqual([
      { groupId: 'orders', errorCode: ErrorCode.NON_EMPTY_GROUP },
      { groupId: 'manual', errorCode: 0 },
      { groupId: 'never', errorCode: ErrorCode.GROUP_ID_NOT_FOUND },
    ]);
    expect(t.coordinator.listGroups().map((group) => group.groupId)).toEqual(['orders']);
    expect(t.coordinator.fetchOffsets('manual', [{ topic: 'payments', partition: 0 }])[0]?.offset).toBe(-1);
    expect(t.of('group:deleted')).toEqual([{ groupId: 'manual' }]);
    expect(t.of('group:state').filter((event) => event.groupId === 'manual').map((event) => event.state)).toEqual(['Empty', 'Dead']);
  });
});
