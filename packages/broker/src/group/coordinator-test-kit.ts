// Shared set-up for the group coordinator's tests: a real coordinator with real timers and an
// event log, plus requests shaped the way the JoinGroup/SyncGroup handlers build them.
import { afterEach } from 'vitest';
import { BrokerEvents, type BrokerEventMap, type BrokerEventName } from '../broker-events';
import type { GroupCoordinatorOptions, JoinGroupRequest, JoinGroupResult } from './coordinator-types';
import { GroupCoordinator } from './group-coordinator';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const EVENT_NAMES: BrokerEventName[] = [
  'group:state',
  'member:joined',
  'member:left',
  'member:heartbeat',
  'member:expired',
  'offsets:committed',
  'group:deleted',
];

export interface CoordinatorUnderTest {
  coordinator: GroupCoordinator;
  /** Every coordinator event in the order it was emitted. */
  log: { name: BrokerEventName; payload: unknown }[];
  of<E extends BrokerEventName>(name: E): BrokerEventMap[E][];
}

export function startCoordinator(options: Partial<GroupCoordinatorOptions> = {}): CoordinatorUnderTest {
  const events = new BrokerEvents();
  const log: CoordinatorUnderTest['log'] = [];
  for (const name of EVENT_NAMES) events.on(name, (payload) => log.push({ name, payload }));
  const coordinator = new GroupCoordinator({ minSessionTimeoutMs: 50, ...options, events });
  return {
    coordinator,
    log,
    of: <E extends BrokerEventName>(name: E) =>
      log.filter((entry) => entry.name === name).map((entry) => entry.payload as BrokerEventMap[E]),
  };
}

export function joinRequest(overrides: Partial<JoinGroupRequest> = {}): JoinGroupRequest {
  return {
    groupId: 'orders',
    memberId: '',
    groupInstanceId: null,
    sessionTimeoutMs: 300,
    rebalanceTimeoutMs: 300,
    protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: Buffer.from('subscription') }],
    clientId: 'lanes-test',
    clientHost: '/127.0.0.1',
    requireKnownMemberId: false,
    ...overrides,
  };
}

/** The assignment bytes the tests' "leader" gives a member, so followers can check what they got. */
export const assignmentFor = (memberId: string) => Buffer.from(`partitions-for-${memberId}`);

/** Joins `count` new members at once and completes SyncGroup; returns each member's JoinGroup answer. */
export async function formStableGroup(
  coordinator: GroupCoordinator,
  count: number,
  overrides: Partial<JoinGroupRequest> = {},
): Promise<JoinGroupResult[]> {
  const joins = await Promise.all(Array.from({ length: count }, () => coordinator.joinGroup(joinRequest(overrides))));
  await syncAll(coordinator, joins, overrides.groupId ?? 'orders');
  return joins;
}

/** Every member sends SyncGroup; the leader assigns `assignmentFor(memberId)` to each. */
export async function syncAll(coordinator: GroupCoordinator, joins: JoinGroupResult[], groupId = 'orders'): Promise<void> {
  const syncs = joins.map((join) =>
    coordinator.syncGroup({
      groupId,
      generationId: join.generationId,
      memberId: join.memberId,
      groupInstanceId: null,
      protocolType: null,
      protocolName: null,
      assignments: join.members.map((member) => ({ memberId: member.memberId, assignment: assignmentFor(member.memberId) })),
    }),
  );
  for (const sync of await Promise.all(syncs)) {
    if (sync.errorCode !== 0) throw new Error(`SyncGroup failed with error ${sync.errorCode}`);
  }
}

/** Heartbeats for these members every `everyMs` until the returned function is called. */
export function keepAlive(coordinator: GroupCoordinator, members: { memberId: string; generationId: number }[], everyMs = 50): () => void {
  const timer = setInterval(() => {
    for (const member of members) {
      coordinator.heartbeat({ groupId: 'orders', generationId: member.generationId, memberId: member.memberId, groupInstanceId: null });
    }
  }, everyMs);
  return () => clearInterval(timer);
}

/**
 * For a test file: a `start` that starts coordinators (with real timers) and closes every one of
 * them after each test, so no timer outlives the test that made it.
 */
export function useCoordinators(): (options?: Partial<GroupCoordinatorOptions>) => CoordinatorUnderTest {
  let running: CoordinatorUnderTest[] = [];
  afterEach(() => {
    for (const { coordinator } of running) coordinator.close();
    running = [];
  });
  return (options = {}) => {
    const started = startCoordinator(options);
    running.push(started);
    return started;
  };
}
