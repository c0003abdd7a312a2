import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { startBroker, type Broker } from '@lanes/broker';
import type { GroupView } from '@lanes/events';
import { createKafka } from '../kafka/kafka-client';
import { ExternalGroups } from './external-groups';
import { UNKNOWN_GENERATION } from './external-group-view';

/**
 * A real outside client: kcat (librdkafka 2.0.2) in balanced-consumer mode, as a person would run
 * `kcat -G` next to the dashboard. The watcher sees it through the admin API only (brokerEvents
 * null), exactly as it would on a real cluster.
 */
let broker: Broker;
let kafka: Kafka;
let admin: Admin;
let producer: Producer;
let external: ExternalGroups;
const emitted: { event: string; payload: unknown }[] = [];
const children: ChildProcess[] = [];

const hub = { emit: ((event: string, payload: unknown) => emitted.push({ event, payload })) as never };

beforeAll(async () => {
  broker = await startBroker({ port: 0 });
  kafka = createKafka([broker.bootstrap], { logLevel: 'silent' });
  admin = kafka.admin();
  await admin.connect();
  producer = kafka.producer();
  await producer.connect();
  await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3 }], waitForLeaders: true });
  await producer.send({ topic: 'orders', messages: [0, 1, 2].flatMap((partition) => Array.from({ length: 10 }, (_, i) => ({ partition, value: `m${i}` }))) });
  external = new ExternalGroups({
    admin,
    hub,
    brokerEvents: null,
    pollMs: 200,
    isManaged: (groupId) => groupId === 'lanes-managed',
    isHidden: (groupId) => groupId.startsWith('lanes-tap-'),
  });
  external.start();
});

afterAll(async () => {
  external.close();
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await producer.disconnect();
  await admin.disconnect();
  await broker.close();
});

function startKcat(groupId: string, topic: string): ChildProcess {
  const child = spawn(
    'kcat',
    ['-b', broker.bootstrap, '-G', groupId, '-X', 'client.id=kcat-watcher', '-X', 'auto.offset.reset=earliest', '-X', 'auto.commit.interval.ms=100', '-X', 'partition.assignment.strategy=range', '-q', '-u', topic],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  children.push(child);
  return child;
}

async function eventually<T>(what: string, read: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const view = (groupId: string): GroupView | undefined => external.views().find((group) => group.groupId === groupId);

async function groupWhen(what: string, groupId: string, ok: (group: GroupView) => boolean): Promise<GroupView> {
  return (await eventually(what, () => view(groupId), (group) => group !== undefined && ok(group)))!;
}

describe('ExternalGroups (admin API only)', () => {
  it('shows a kcat -G group with its member, assignment, committed offsets and lag; Empty when it stops; removed when deleted', async () => {
    const kcat = startKcat('kcat-readers', 'orders');
    let stderr = '';
    kcat.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

    const stable = await groupWhen(
      'the kcat group to be stable with everything committed',
      'kcat-readers',
      (group) => group.state === 'Stable' && group.lag.length === 3 && group.lag.every((l) => l.committed === 10),
    ).catch((error: Error) => Promise.reject(new Error(`${error.message}\nkcat stderr: ${stderr}`)));
    expect(stable).toMatchObject({ groupId: 'kcat-readers', managed: false, topics: ['orders'], assignor: 'range', generation: UNKNOWN_GENERATION });
    expect(stable.members).toEqual([
      expect.objectContaining({
        clientId: 'kcat-watcher',
        clientHost: expect.stringContaining('127.0.0.1'),
        status: 'active',
        assignment: [0, 1, 2].map((partition) => ({ topic: 'orders', partition })),
      }),
    ]);
    expect(stable.members[0]!.memberId).toMatch(/^kcat-watcher-/);
    expect(stable.lag).toEqual([0, 1, 2].map((partition) => ({ topic: 'orders', partition, committed: 10, logEndOffset: 10, lag: 0 })));
    expect(emitted).toContainEqual({ event: 'group:state', payload: stable });

    // kcat closes its consumer on SIGTERM: LeaveGroup, so the group empties at once.
    kcat.kill('SIGTERM');
    await groupWhen('the group to be Empty', 'kcat-readers', (group) => group.state === 'Empty' && group.members.length === 0);

    // Records produced while nobody reads: the lag of an Empty group still shows.
    await producer.send({ topic: 'orders', messages: Array.from({ length: 7 }, (_, i) => ({ partition: 1, value: `late${i}` })) });
    const lagging = await groupWhen('lag on partition 1', 'kcat-readers', (group) => group.lag.find((l) => l.partition === 1)?.lag === 7);
    expect(lagging.lag.find((l) => l.partition === 1)).toEqual({ topic: 'orders', partition: 1, committed: 10, logEndOffset: 17, lag: 7 });
    expect(lagging.assignor).toBe('range');

    await admin.deleteGroups(['kcat-readers']);
    await eventually('group:removed', () => emitted, (events) => events.some((e) => e.event === 'group:removed' && (e.payload as { groupId: string }).groupId === 'kcat-readers'));
    expect(view('kcat-readers')).toBeUndefined();
  });

  it("never shows the gateway's own groups or the tap's", async () => {
    // Committing offsets creates a member-less group in ListGroups, the same for any id. (kafkajs's
    // setOffsets joins the group and waits for one fetch, about 5 s, so all three go at once.)
    await Promise.all(['lanes-managed', 'lanes-tap-1234', 'someone-else'].map((groupId) => admin.setOffsets({ groupId, topic: 'orders', partitions: [{ partition: 0, offset: '3' }] })));
    await external.refresh();
    const ids = external.views().map((group) => group.groupId);
    expect(ids).toContain('someone-else');
    // Its topic is learned from its commits alone: it never had a member to say what it reads.
    expect(view('someone-else')).toMatchObject({ state: 'Empty', members: [], topics: ['orders'], lag: [{ topic: 'orders', partition: 0, committed: 3, logEndOffset: 10, lag: 7 }] });
    expect(ids).not.toContain('lanes-managed');
    expect(ids).not.toContain('lanes-tap-1234');
    const emittedIds = emitted.filter((e) => e.event === 'group:state').map((e) => (e.payload as GroupView).groupId);
    expect(emittedIds).not.toContain('lanes-managed');
    expect(emittedIds).not.toContain('lanes-tap-1234');
  });

  it('emits a group only when something changed', async () => {
    await external.refresh();
    const before = emitted.length;
    await external.refresh();
    await external.refresh();
    expect(emitted.slice(before)).toEqual([]);
  });
});
