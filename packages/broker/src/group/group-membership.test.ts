import { describe, expect, it } from 'vitest';
import {
  assignmentFor,
  type CoordinatorUnderTest,
  formStableGroup,
  joinRequest,
  sleep,
  startCoordinator,
  useCoordinators,
  syncAll,
} from './coordinator-test-kit';
import { ErrorCode } from '@lanes/kafka-protocol';

const start = useCoordinators();

const heartbeat = (t: CoordinatorUnderTest, memberId: string, generationId: number) =>
  t.coordinator.heartbeat({ groupId: 'orders', generationId, memberId, groupInstanceId: null }).errorCode;

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
