import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Admin, Kafka } from 'kafkajs';
import { startBroker, type Broker } from '@lanes/broker';
import type { GroupView } from '@lanes/events';
import { createKafka } from '../kafka/kafka-client';
import { ExternalGroups } from './external-groups';

/**
 * With the embedded broker's events, an outside client's rebalance shows at once. The poll interval
 * here is a minute, far beyond the test's waits, so only the first poll and the broker's events can
 * have produced what the test sees.
 */
let broker: Broker;
let kafka: Kafka;
let admin: Admin;
let external: ExternalGroups;
const states: GroupView[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  broker = await startBroker({ port: 0 });
  kafka = createKafka([broker.bootstrap], { logLevel: 'silent' });
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'payments', numPartitions: 3 }], waitForLeaders: true });
  external = new ExternalGroups({
    admin,
    hub: { emit: ((event: string, payload: GroupView) => event === 'group:state' && states.push(payload)) as never },
    brokerEvents: broker.events,
    pollMs: 60_000,
    isManaged: () => false,
    isHidden: (groupId) => groupId.startsWith('lanes-tap-'),
  });
  external.start();
  await external.refresh();
});

afterAll(async () => {
  external.close();
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await admin.disconnect();
  await broker.close();
});

function startKcat(clientId: string): ChildProcess {
  const child = spawn(
    'kcat',
    [
      '-b', broker.bootstrap, '-G', 'payments-readers',
      '-X', `client.id=${clientId}`, '-X', 'session.timeout.ms=2000', '-X', 'heartbeat.interval.ms=300',
      '-X', 'partition.assignment.strategy=range', '-q', '-u', 'payments',
    ],
    { stdio: 'ignore' },
  );
  children.push(child);
  return child;
}

async function groupWhen(what: string, ok: (group: GroupView) => boolean, timeoutMs = 15_000): Promise<GroupView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const group = external.views().find((g) => g.groupId === 'payments-readers');
    if (group && ok(group)) return group;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(group)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const partitionsOf = (group: GroupView) => group.members.flatMap((m) => m.assignment.map((tp) => tp.partition)).sort();

describe('ExternalGroups with the embedded broker', () => {
  it('shows joins and a crashed member expiring without waiting for the poll, with the broker\'s generation', async () => {
    startKcat('kcat-a');
    const one = await groupWhen('one stable member', (g) => g.state === 'Stable' && g.members.length === 1 && g.members[0]!.assignment.length === 3);
    expect(one.generation).toBeGreaterThanOrEqual(1);
    expect(one.members[0]).toMatchObject({ clientId: 'kcat-a', status: 'active', sessionTimeoutMs: 2000 });

    const b = startKcat('kcat-b');
    const two = await groupWhen('two stable members', (g) => g.state === 'Stable' && g.members.length === 2 && partitionsOf(g).length === 3);
    expect(two.generation).toBeGreaterThan(one.generation);
    expect(partitionsOf(two)).toEqual([0, 1, 2]);
    expect(two.members.map((m) => m.clientId)).toEqual(['kcat-a', 'kcat-b']);
    expect(two.members.every((m) => m.assignment.length > 0)).toBe(true);
    // The rebalance passed through a state where members were joining, and the dashboard saw it.
    expect(states.some((s) => s.groupId === 'payments-readers' && s.members.some((m) => m.status === 'joining'))).toBe(true);

    // A crash: no LeaveGroup. The broker expires the member after its 2 s session timeout and the
    // group rebalances; kcat-a ends up with every partition again.
    b.kill('SIGKILL');
    const crashedAt = Date.now();
    const after = await groupWhen('the crashed member to expire', (g) => g.state === 'Stable' && g.members.length === 1 && partitionsOf(g).length === 3);
    expect(Date.now() - crashedAt).toBeGreaterThanOrEqual(1500);
    expect(after.members[0]!.clientId).toBe('kcat-a');
    expect(after.generation).toBeGreaterThan(two.generation);
  });
});
