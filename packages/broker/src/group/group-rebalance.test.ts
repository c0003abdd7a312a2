import { describe, expect, it } from 'vitest';
import {
  assignmentFor,
  type CoordinatorUnderTest,
  formStableGroup,
  joinRequest,
  keepAlive,
  sleep,
  useCoordinators,
} from './coordinator-test-kit';
import { ErrorCode } from '@lanes/kafka-protocol';

const start = useCoordinators();

const heartbeat = (t: CoordinatorUnderTest, memberId: string, generationId: number) =>
  t.coordinator.heartbeat({ groupId: 'orders', generationId, memberId, groupInstanceId: null }).errorCode;

describe('GroupCoordinator join and sync', () => {
  it('gives three members joining together one generation, one leader, and the member list to the leader only', async () => {
    const t = start();
    const joins = await Promise.all([1, 2, 3].map((n) => t.coordinator.joinGroup(joinRequest({ clientId: `consumer-${n}` }))));

    expect(joins.map((join) => join.errorCode)).toEqual([0, 0, 0]);
    expect(new Set(joins.map((join) => join.generationId))).toEqual(new Set([1]));
    expect(new Set(joins.map((join) => join.leader)).size).toBe(1);
    expect(new Set(joins.map((join) => join.memberId)).size).toBe(3);
    joins.forEach((join, index) => expect(join.memberId).toMatch(new RegExp(`^consumer-${index + 1}-[0-9a-f-]{36}$`)));
    const leader = joins.find((join) => join.memberId === join.leader);
    expect(leader?.members.map((member) => member.memberId).sort()).toEqual(joins.map((join) => join.memberId).sort());
    expect(leader?.members[0]?.metadata).toEqual(Buffer.from('subscription'));
    expect(joins.filter((join) => join.members.length === 0)).toHaveLength(2);
    expect(joins[0]?.protocolName).toBe('range');
    expect(t.coordinator.describeGroup('orders').state).toBe('CompletingRebalance');
  });

  it('holds followers in SyncGroup until the leader assigns, then delivers each their own assignment', async () => {
    const t = start();
    const joins = await Promise.all([1, 2, 3].map(() => t.coordinator.joinGroup(joinRequest())));
    const leader = joins.find((join) => join.memberId === join.leader)!;
    const followers = joins.filter((join) => join !== leader);
    let followersAnswered = false;
    const followerSyncs = Promise.all(
      followers.map((follower) =>
        t.coordinator.syncGroup({
          groupId: 'orders',
          generationId: 1,
          memberId: follower.memberId,
          groupInstanceId: null,
          protocolType: 'consumer',
          protocolName: 'range',
          assignments: [],
        }),
      ),
    ).then((results) => {
      followersAnswered = true;
      return results;
    });
    await sleep(50);
    expect(followersAnswered).toBe(false);

    const leaderSync = await t.coordinator.syncGroup({
      groupId: 'orders',
      generationId: 1,
      memberId: leader.memberId,
      groupInstanceId: null,
      protocolType: null,
      protocolName: null,
      assignments: joins.map((join) => ({ memberId: join.memberId, assignment: assignmentFor(join.memberId) })),
    });
    const followerResults = await followerSyncs;

    expect(leaderSync).toMatchObject({ errorCode: 0, assignment: assignmentFor(leader.memberId), protocolName: 'range' });
    followerResults.forEach((result, index) =>
      expect(result).toMatchObject({ errorCode: 0, protocolType: 'consumer', assignment: assignmentFor(followers[index]!.memberId) }),
    );
    const described = t.coordinator.describeGroup('orders');
    expect(described).toMatchObject({ state: 'Stable', protocolType: 'consumer', protocolName: 'range' });
    expect(described.members.find((m) => m.memberId === leader.memberId)?.assignment).toEqual(assignmentFor(leader.memberId));
  });

  it('rejects SyncGroup from a stale generation, an unknown member, a wrong protocol, and during PreparingRebalance', async () => {
    const t = start();
    const [first] = await formStableGroup(t.coordinator, 1);
    const sync = (overrides: object) =>
      t.coordinator.syncGroup({
        groupId: 'orders',
        generationId: 1,
        memberId: first!.memberId,
        groupInstanceId: null,
        protocolType: null,
        protocolName: null,
        assignments: [],
        ...overrides,
      });

    expect((await sync({ generationId: 7 })).errorCode).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect((await sync({ memberId: 'nobody' })).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect((await sync({ protocolName: 'roundrobin' })).errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    expect(await sync({})).toMatchObject({ errorCode: 0, assignment: assignmentFor(first!.memberId) });

    void t.coordinator.joinGroup(joinRequest());
    expect((await sync({})).errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
  });

  it('answers a repeated JoinGroup from a follower of a Stable group with the current generation, without a rebalance', async () => {
    const t = start();
    const joins = await formStableGroup(t.coordinator, 2);
    const follower = joins.find((join) => join.memberId !== join.leader)!;
    const again = await t.coordinator.joinGroup(joinRequest({ memberId: follower.memberId }));
    expect(again).toMatchObject({ errorCode: 0, generationId: 1, leader: follower.leader, members: [] });
    expect(t.coordinator.describeGroup('orders').state).toBe('Stable');
  });

  it('waits initialRebalanceDelayMs before the first generation so late joiners share it', async () => {
    const t = start({ initialRebalanceDelayMs: 150 });
    const startedAt = Date.now();
    const first = t.coordinator.joinGroup(joinRequest());
    await sleep(60);
    const second = t.coordinator.joinGroup(joinRequest());
    const [a, b] = await Promise.all([first, second]);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(140);
    expect([a.generationId, b.generationId]).toEqual([1, 1]);
    expect(a.leader).toBe(b.leader);
  });
});

describe('GroupCoordinator rebalances', () => {
  it('makes a 4th member rebalance the group: the others heartbeat REBALANCE_IN_PROGRESS, rejoin, and get a new generation', async () => {
    const t = start();
    const joins = await formStableGroup(t.coordinator, 3);
    for (const join of joins) expect(heartbeat(t, join.memberId, 1)).toBe(ErrorCode.NONE);

    const fourth = t.coordinator.joinGroup(joinRequest({ clientId: 'fourth' }));
    for (const join of joins) expect(heartbeat(t, join.memberId, 1)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    expect(t.coordinator.describeGroup('orders').state).toBe('PreparingRebalance');

    const rejoins = await Promise.all(joins.map((join) => t.coordinator.joinGroup(joinRequest({ memberId: join.memberId }))));
    const all = [...rejoins, await fourth];
    expect(all.map((join) => join.generationId)).toEqual([2, 2, 2, 2]);
    expect(all.every((join) => join.leader === joins[0]!.leader)).toBe(true); // the leader is kept
    expect(all.find((join) => join.memberId === join.leader)?.members).toHaveLength(4);
    expect(heartbeat(t, joins[0]!.memberId, 1)).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect(heartbeat(t, joins[0]!.memberId, 2)).toBe(ErrorCode.NONE);
  });

  it('rebalances at once on LeaveGroup and elects a new leader when the leader leaves', async () => {
    const t = start();
    const joins = await formStableGroup(t.coordinator, 3);
    const leader = joins[0]!.leader;
    const stayers = joins.filter((join) => join.memberId !== leader);

    const left = t.coordinator.leaveGroup({ groupId: 'orders', members: [{ memberId: leader, groupInstanceId: null }] });
    expect(left).toEqual({ errorCode: 0, members: [{ memberId: leader, groupInstanceId: null, errorCode: 0 }] });
    expect(t.of('member:left')).toEqual([{ groupId: 'orders', memberId: leader }]);
    expect(heartbeat(t, stayers[0]!.memberId, 1)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);

    const rejoins = await Promise.all(stayers.map((join) => t.coordinator.joinGroup(joinRequest({ memberId: join.memberId }))));
    expect(rejoins.map((join) => join.generationId)).toEqual([2, 2]);
    expect(stayers.map((join) => join.memberId)).toContain(rejoins[0]!.leader);
    expect(rejoins.find((join) => join.memberId === join.leader)?.members).toHaveLength(2);
  });

  it('answers LeaveGroup for an unknown member with UNKNOWN_MEMBER_ID per member', async () => {
    const t = start();
    await formStableGroup(t.coordinator, 1);
    const left = t.coordinator.leaveGroup({ groupId: 'orders', members: [{ memberId: 'ghost', groupInstanceId: null }] });
    expect(left.members[0]?.errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(t.coordinator.describeGroup('orders').state).toBe('Stable');
  });

  it('turns the group Empty when its last member leaves', async () => {
    const t = start();
    const [only] = await formStableGroup(t.coordinator, 1);
    t.coordinator.leaveGroup({ groupId: 'orders', members: [{ memberId: only!.memberId, groupInstanceId: null }] });
    expect(t.coordinator.describeGroup('orders')).toMatchObject({ state: 'Empty', members: [] });
    expect(t.coordinator.listGroups()).toEqual([{ groupId: 'orders', protocolType: 'consumer', state: 'Empty' }]);
    // As in Kafka, the emptied group completes one last (memberless) generation.
    expect(t.of('group:state').at(-1)).toMatchObject({ state: 'Empty', generationId: 2, leaderId: null, members: [] });
  });

  it('expires a silent member after its session timeout, not before, and rebalances the rest', async () => {
    const t = start();
    const joins = await formStableGroup(t.coordinator, 3, { sessionTimeoutMs: 300 });
    const [silent, ...talkers] = joins;
    const stop = keepAlive(t.coordinator, talkers);
    try {
      await sleep(200);
      expect(t.coordinator.describeGroup('orders').members).toHaveLength(3);
      expect(t.of('member:expired')).toEqual([]);

      await sleep(250);
      expect(t.of('member:expired')).toEqual([
        { groupId: 'orders', memberId: silent!.memberId, sessionTimeoutMs: 300, lastHeartbeatAt: expect.any(Number) },
      ]);
      expect(t.coordinator.describeGroup('orders').members.map((m) => m.memberId)).not.toContain(silent!.memberId);
      expect(heartbeat(t, talkers[0]!.memberId, 1)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
      expect(heartbeat(t, silent!.memberId, 1)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    } finally {
      stop();
    }
  });

  it('drops members that do not rejoin within the rebalance timeout', async () => {
    const t = start();
    const [a, b] = await formStableGroup(t.coordinator, 2, { rebalanceTimeoutMs: 200, sessionTimeoutMs: 1000 });
    const startedAt = Date.now();
    const rejoin = await t.coordinator.joinGroup(joinRequest({ memberId: a!.memberId, rebalanceTimeoutMs: 200, sessionTimeoutMs: 1000 }));
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(190);
    expect(rejoin).toMatchObject({ errorCode: 0, generationId: 2, leader: a!.memberId });
    expect(rejoin.members.map((member) => member.memberId)).toEqual([a!.memberId]);
    expect(heartbeat(t, b!.memberId, 1)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it('tells a follower waiting in SyncGroup to rejoin when the leader dies before assigning', async () => {
    const t = start();
    const joins = await Promise.all([1, 2].map(() => t.coordinator.joinGroup(joinRequest({ sessionTimeoutMs: 200 }))));
    const follower = joins.find((join) => join.memberId !== join.leader)!;
    const startedAt = Date.now();
    const sync = await t.coordinator.syncGroup({
      groupId: 'orders',
      generationId: 1,
      memberId: follower.memberId,
      groupInstanceId: null,
      protocolType: null,
      protocolName: null,
      assignments: [],
    });
    // The follower is kept alive while it waits; the leader's session runs out.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(190);
    expect(sync.errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    expect(t.of('member:expired').map((event) => event.memberId)).toEqual([follower.leader]);
    expect(t.coordinator.describeGroup('orders').members.map((m) => m.memberId)).toEqual([follower.memberId]);
  });
});

describe('GroupCoordinator members that never sync', () => {
  const syncAs = (t: CoordinatorUnderTest, memberId: string, assignments: { memberId: string; assignment: Buffer }[] = []) =>
    t.coordinator.syncGroup({
      groupId: 'orders',
      generationId: 1,
      memberId,
      groupInstanceId: null,
      protocolType: null,
      protocolName: null,
      assignments,
    });

  it('removes a follower that neither syncs nor heartbeats after its session timeout and rebalances', async () => {
    const t = start();
    const joins = await Promise.all([1, 2].map(() => t.coordinator.joinGroup(joinRequest({ sessionTimeoutMs: 200 }))));
    const leader = joins.find((join) => join.memberId === join.leader)!;
    const follower = joins.find((join) => join !== leader)!;
    await syncAs(t, leader.memberId, joins.map((join) => ({ memberId: join.memberId, assignment: assignmentFor(join.memberId) })));
    const stop = keepAlive(t.coordinator, [leader]);
    try {
      await sleep(100);
      expect(heartbeat(t, leader.memberId, 1)).toBe(ErrorCode.NONE);
      await sleep(200);
      expect(t.of('member:expired').map((event) => event.memberId)).toEqual([follower.memberId]);
      expect(heartbeat(t, leader.memberId, 1)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    } finally {
      stop();
    }
  });

  it('removes a leader that heartbeats but never assigns once the rebalance timeout passes (KAFKA-13258)', async () => {
    const t = start();
    const request = joinRequest({ sessionTimeoutMs: 1000, rebalanceTimeoutMs: 200 });
    const joins = await Promise.all([1, 2].map(() => t.coordinator.joinGroup(request)));
    const leader = joins.find((join) => join.memberId === join.leader)!;
    const follower = joins.find((join) => join !== leader)!;
    const stop = keepAlive(t.coordinator, [leader]);
    try {
      const startedAt = Date.now();
      const sync = await syncAs(t, follower.memberId);
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(150);
      expect(sync.errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
      expect(t.of('member:expired').map((event) => event.memberId)).toEqual([leader.memberId]);
    } finally {
      stop();
    }
  });
});
