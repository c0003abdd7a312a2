import { afterEach, describe, expect, it } from 'vitest';
import {
  assignmentFor,
  type CoordinatorUnderTest,
  formStableGroup,
  joinRequest,
  keepAlive,
  sleep,
  startCoordinator,
  syncAll,
} from './coordinator-test-kit';
import { ErrorCode } from '@lanes/kafka-protocol';

let running: CoordinatorUnderTest[] = [];
function start(options: Parameters<typeof startCoordinator>[0] = {}): CoordinatorUnderTest {
  const started = startCoordinator(options);
  running.push(started);
  return started;
}
afterEach(() => {
  for (const { coordinator } of running) coordinator.close();
  running = [];
});

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

describe('GroupCoordinator protocol selection and validation', () => {
  it('chooses the protocol with most first-choice votes among those every member supports', async () => {
    const t = start();
    const meta = Buffer.from('m');
    const joins = await Promise.all([
      t.coordinator.joinGroup(joinRequest({ protocols: [{ name: 'range', metadata: meta }, { name: 'roundrobin', metadata: meta }] })),
      t.coordinator.joinGroup(joinRequest({ protocols: [{ name: 'roundrobin', metadata: meta }, { name: 'range', metadata: meta }] })),
      t.coordinator.joinGroup(
        joinRequest({ protocols: [{ name: 'sticky', metadata: meta }, { name: 'roundrobin', metadata: Buffer.from('rr') }] }),
      ),
    ]);
    expect(joins.map((join) => join.protocolName)).toEqual(['roundrobin', 'roundrobin', 'roundrobin']);
    const leader = joins.find((join) => join.memberId === join.leader)!;
    expect(leader.members.map((member) => member.metadata.toString())).toContain('rr');
  });

  it('answers INCONSISTENT_GROUP_PROTOCOL to a joiner with another protocol type, no shared protocol, or no protocols', async () => {
    const t = start();
    await formStableGroup(t.coordinator, 1);
    const reject = async (overrides: object) => (await t.coordinator.joinGroup(joinRequest(overrides))).errorCode;
    expect(await reject({ protocolType: 'connect' })).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    expect(await reject({ protocols: [{ name: 'RoundRobinAssigner', metadata: Buffer.alloc(0) }] })).toBe(
      ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
    );
    expect(await reject({ groupId: 'fresh', protocols: [] })).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    expect(t.coordinator.describeGroup('orders').state).toBe('Stable');
  });

  it('rejects an empty group id, an out-of-range session timeout and a stale member id', async () => {
    const t = start({ minSessionTimeoutMs: 100, maxSessionTimeoutMs: 1000 });
    expect((await t.coordinator.joinGroup(joinRequest({ groupId: '' }))).errorCode).toBe(ErrorCode.INVALID_GROUP_ID);
    expect((await t.coordinator.joinGroup(joinRequest({ sessionTimeoutMs: 99 }))).errorCode).toBe(ErrorCode.INVALID_SESSION_TIMEOUT);
    expect((await t.coordinator.joinGroup(joinRequest({ sessionTimeoutMs: 1001 }))).errorCode).toBe(ErrorCode.INVALID_SESSION_TIMEOUT);
    expect((await t.coordinator.joinGroup(joinRequest({ memberId: 'stale' }))).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(t.coordinator.heartbeat({ groupId: 'none', generationId: 1, memberId: 'x', groupInstanceId: null }).errorCode).toBe(
      ErrorCode.UNKNOWN_MEMBER_ID,
    );
    expect(() => startCoordinator({ minSessionTimeoutMs: 10, maxSessionTimeoutMs: 5 })).toThrow(/minSessionTimeoutMs/);
  });

  it('answers GROUP_MAX_SIZE_REACHED once the group is full', async () => {
    const t = start({ maxGroupSize: 1 });
    await formStableGroup(t.coordinator, 1);
    expect((await t.coordinator.joinGroup(joinRequest())).errorCode).toBe(ErrorCode.GROUP_MAX_SIZE_REACHED);
  });
});

describe('GroupCoordinator MEMBER_ID_REQUIRED (KIP-394, JoinGroup v4+)', () => {
  it('hands a new member an id first and admits it when it rejoins with that id', async () => {
    const t = start();
    const first = await t.coordinator.joinGroup(joinRequest({ requireKnownMemberId: true, clientId: 'rdkafka' }));
    expect(first).toMatchObject({ errorCode: ErrorCode.MEMBER_ID_REQUIRED, generationId: -1 });
    expect(first.memberId).toMatch(/^rdkafka-[0-9a-f-]{36}$/);
    expect(t.of('member:joined')).toEqual([]);

    const second = await t.coordinator.joinGroup(joinRequest({ requireKnownMemberId: true, memberId: first.memberId }));
    expect(second).toMatchObject({ errorCode: 0, generationId: 1, memberId: first.memberId, leader: first.memberId });
  });

  it('does not disturb a Stable group until the new member comes back, and forgets it after its session timeout', async () => {
    const t = start();
    const [member] = await formStableGroup(t.coordinator, 1);
    const pending = await t.coordinator.joinGroup(joinRequest({ requireKnownMemberId: true, sessionTimeoutMs: 150 }));
    expect(heartbeat(t, member!.memberId, 1)).toBe(ErrorCode.NONE);
    await sleep(250);
    const late = await t.coordinator.joinGroup(joinRequest({ requireKnownMemberId: true, memberId: pending.memberId }));
    expect(late.errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });
  it('holds a rebalance open for a member that was handed an id until it comes back', async () => {
    const t = start();
    const [first] = await formStableGroup(t.coordinator, 1);
    const pending = await t.coordinator.joinGroup(joinRequest({ requireKnownMemberId: true }));
    let firstAnswered = false;
    const rejoin = t.coordinator.joinGroup(joinRequest({ memberId: first!.memberId })).then((result) => {
      firstAnswered = true;
      return result;
    });
    await sleep(50);
    expect(firstAnswered).toBe(false);
    const second = await t.coordinator.joinGroup(joinRequest({ requireKnownMemberId: true, memberId: pending.memberId }));
    expect([(await rejoin).generationId, second.generationId]).toEqual([2, 2]);
  });
});

describe('GroupCoordinator events and shutdown', () => {
  it('emits member:joined, member:heartbeat and group:state with the full member view', async () => {
    const t = start({ now: () => 42 });
    const joins = await formStableGroup(t.coordinator, 2);
    heartbeat(t, joins[0]!.memberId, 1);

    expect(t.of('member:joined').map((event) => event.memberId)).toEqual(joins.map((join) => join.memberId));
    expect(t.of('member:joined')[0]).toMatchObject({ groupId: 'orders', clientId: 'lanes-test', clientHost: '/127.0.0.1', sessionTimeoutMs: 300 });
    expect(t.of('member:heartbeat')).toEqual([{ groupId: 'orders', memberId: joins[0]!.memberId, at: 42, sessionTimeoutMs: 300 }]);
    const states = t.of('group:state');
    expect(states.map((event) => event.state)).toEqual(['Empty', 'PreparingRebalance', 'CompletingRebalance', 'Stable']);
    const stable = states.at(-1)!;
    expect(stable).toMatchObject({ groupId: 'orders', generationId: 1, protocolType: 'consumer', protocolName: 'range', leaderId: joins[0]!.leader });
    expect(stable.members.map((member) => member.assignment)).toEqual(joins.map((join) => assignmentFor(join.memberId)));
    expect(stable.members[0]).toMatchObject({ clientId: 'lanes-test', sessionTimeoutMs: 300, rebalanceTimeoutMs: 300, groupInstanceId: null });
  });

  it('close() answers parked joins with COORDINATOR_NOT_AVAILABLE and leaves nothing to fire', async () => {
    const t = start({ initialRebalanceDelayMs: 100 });
    const joins = await formStableGroup(t.coordinator, 2, { sessionTimeoutMs: 100 });
    const parked = t.coordinator.joinGroup(joinRequest({ memberId: joins[0]!.memberId, sessionTimeoutMs: 100 }));
    t.coordinator.close();
    expect((await parked).errorCode).toBe(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    const eventsAtClose = t.log.length;
    await sleep(300);
    expect(t.log.length).toBe(eventsAtClose);
    expect(heartbeat(t, joins[0]!.memberId, 1)).toBe(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    await syncAll(t.coordinator, []); // nothing parked, nothing thrown
  });
});
