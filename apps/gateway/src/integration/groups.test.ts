import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrokerEventView, ConsumedBatch, GroupView, RebalanceView } from '@lanes/events';
import { loopbackUrl, sleep, startTestGateway, TestClient, uniqueName, waitFor, waitForAsync, type RunningGateway } from './gateway-harness';

/**
 * Consumer groups driven the way the dashboard drives them: socket commands in, group:state,
 * group:rebalanced, consumed:batch and broker:event out, checked against Kafka's admin API.
 */
let gateway: RunningGateway;
let client: TestClient;
const children: ChildProcess[] = [];

beforeAll(async () => {
  gateway = await startTestGateway({ groupPollMs: 300 });
  client = await TestClient.connect(loopbackUrl(gateway));
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  client?.close();
  await gateway?.close();
});

function latest(groupId: string): GroupView | undefined {
  return client.all<GroupView>('group:state').filter((g) => g.groupId === groupId).at(-1);
}

function rebalances(groupId: string): (RebalanceView & { at: number })[] {
  return client.received.filter((r) => r.event === 'group:rebalanced' && (r.payload as RebalanceView).groupId === groupId).map((r) => ({ ...(r.payload as RebalanceView), at: r.at }));
}

function processed(groupId: string): { consumerId: string; partition: number; offset: number; at: number }[] {
  return client.received
    .filter((r) => r.event === 'consumed:batch' && (r.payload as ConsumedBatch).groupId === groupId)
    .flatMap((r) => {
      const batch = r.payload as ConsumedBatch;
      return batch.records.map((record) => ({ consumerId: batch.consumerId, partition: record.partition, offset: record.offset, at: r.at }));
    });
}

async function waitForStable(groupId: string, members: number, timeoutMs = 10_000): Promise<GroupView> {
  await waitFor(
    () => {
      const view = latest(groupId);
      return !!view && view.state === 'Stable' && view.members.length === members && view.members.every((m) => m.status === 'active' || m.status === 'idle' || m.status === 'paused');
    },
    timeoutMs,
    () => `group ${groupId} stable with ${members} members; last view ${JSON.stringify(latest(groupId))}`,
  );
  return latest(groupId)!;
}

async function newTopic(partitions: number): Promise<string> {
  const name = uniqueName('grouped');
  const created = await client.command('topic:create', { name, partitions });
  if (!created.ok) throw new Error(created.error.message);
  return name;
}

async function produceTo(topic: string, partitions: number[], prefix: string): Promise<void> {
  const result = await client.command('records:produce', { topic, messages: partitions.map((partition, i) => ({ key: `${prefix}${i}`, value: 'v', partition })) });
  if (!result.ok) throw new Error(result.error.message);
}

async function committedInKafka(groupId: string, topic: string): Promise<{ partition: number; offset: number }[]> {
  const [fetched] = await gateway.services.admin.fetchOffsets({ groupId, topics: [topic] });
  return fetched!.partitions.map((p) => ({ partition: p.partition, offset: Number(p.offset) })).sort((a, b) => a.partition - b.partition);
}

function partitionsOf(view: GroupView, consumerId: string): number[] {
  return view.members.find((m) => m.consumerId === consumerId)!.assignment.map((p) => p.partition).sort((a, b) => a - b);
}

describe('a managed group run over socket commands', () => {
  const groupId = uniqueName('billing');
  let topic: string;

  it('creates three consumers on six partitions, two partitions each', async () => {
    topic = await newTopic(6);
    const created = await client.command('group:create', { groupId, topics: [topic], consumers: 3, assignor: 'range', sessionTimeoutMs: 10_000 });
    expect(created).toMatchObject({ ok: true, data: { groupId, managed: true, assignor: 'range' } });
    const view = await waitForStable(groupId, 3);
    expect(view.members.map((m) => m.assignment.length)).toEqual([2, 2, 2]);
    expect(view.members.flatMap((m) => m.assignment.map((p) => p.partition)).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('shows a browser that keeps up every record each consumer processed, once, by its owner', async () => {
    const view = latest(groupId)!;
    await produceTo(topic, Array.from({ length: 30 }, (_, i) => i % 6), 'first');
    // Kafka says all 30 were processed (committed); the browser must have been shown all 30.
    await waitForAsync(async () => (await committedInKafka(groupId, topic)).every((c) => c.offset === 5), 8000, () => 'the group to commit all 30');
    await waitFor(() => processed(groupId).length >= 30, 3000, () => `30 processed records shown; got ${processed(groupId).length}`);
    const seen = processed(groupId).map((r) => `${r.partition}@${r.offset}`);
    expect(new Set(seen).size).toBe(30);
    for (const record of processed(groupId)) expect(partitionsOf(view, record.consumerId)).toContain(record.partition);
  });

  it('consumer:add rebalances into a new generation, reporting what each member lost and gained', async () => {
    const before = latest(groupId)!;
    const added = await client.command('consumer:add', { groupId });
    expect(added).toEqual({ ok: true, data: { consumerId: 'c4' } });
    const after = await waitForStable(groupId, 4);
    expect(after.generation).toBeGreaterThan(before.generation);
    expect(after.members.map((m) => m.assignment.length).sort()).toEqual([1, 1, 2, 2]);
    await waitFor(() => rebalances(groupId).some((r) => r.generation === after.generation), 5000, () => 'the rebalance event');
    const rebalance = rebalances(groupId).find((r) => r.generation === after.generation)!;
    expect(rebalance.protocol).toBe('eager');
    const c4 = rebalance.changes.find((c) => c.member === 'c4');
    expect(c4?.gained.length).toBeGreaterThan(0);
    expect(rebalance.changes.some((c) => c.lost.length > 0)).toBe(true);
  });

  it('consumer:remove rebalances at once, long before the 10 s session timeout', async () => {
    const before = latest(groupId)!;
    const count = rebalances(groupId).length;
    const sentAt = Date.now();
    expect(await client.command('consumer:remove', { groupId, consumerId: 'c4' })).toEqual({ ok: true, data: { consumerId: 'c4' } });
    await waitFor(() => rebalances(groupId).length > count, 5000, () => 'a rebalance after the leave');
    const rebalance = rebalances(groupId)[count]!;
    expect(rebalance.at - sentAt).toBeLessThan(3000);
    expect(rebalance.generation).toBeGreaterThan(before.generation);
    const after = await waitForStable(groupId, 3);
    expect(after.members.map((m) => m.consumerId)).toEqual(['c1', 'c2', 'c3']);
    expect(after.members.map((m) => m.assignment.length)).toEqual([2, 2, 2]);
  });

  it('answers not_found naming the consumer for one it does not run', async () => {
    const result = await client.command('consumer:remove', { groupId, consumerId: 'c99' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', field: 'consumerId' } });
    expect(latest(groupId)!.members).toHaveLength(3);
  });

  it('a paused consumer processes nothing until resumed, while the others go on', async () => {
    const view = latest(groupId)!;
    const mine = partitionsOf(view, 'c1');
    const theirs = partitionsOf(view, 'c2');
    expect(await client.command('consumer:pause', { groupId, consumerId: 'c1' })).toEqual({ ok: true, data: { consumerId: 'c1' } });
    try {
      await waitFor(() => latest(groupId)!.members.find((m) => m.consumerId === 'c1')?.status === 'paused', 3000, () => 'c1 shown paused');
      const before = new Map((await committedInKafka(groupId, topic)).map((c) => [c.partition, c.offset]));
      await produceTo(topic, [...mine, ...mine, ...theirs], 'paused');
      // What Kafka was told: c2 committed its new records; c1's partitions stayed where they were.
      await waitForAsync(async () => (await committedInKafka(groupId, topic)).filter((c) => theirs.includes(c.partition)).every((c) => c.offset === before.get(c.partition)! + 1), 5000, () => 'c2 to go on committing');
      await sleep(1000);
      for (const c of await committedInKafka(groupId, topic)) if (mine.includes(c.partition)) expect(c.offset, `partition ${c.partition} while c1 is paused`).toBe(before.get(c.partition));
    } finally {
      expect(await client.command('consumer:resume', { groupId, consumerId: 'c1' })).toEqual({ ok: true, data: { consumerId: 'c1' } });
    }
    const ends = new Map((await gateway.services.admin.fetchTopicOffsets(topic)).map((o) => [o.partition, Number(o.high)]));
    await waitForAsync(async () => (await committedInKafka(groupId, topic)).every((c) => c.offset === ends.get(c.partition)), 5000, () => 'c1 to process and commit its records after resume');
    await waitFor(() => latest(groupId)!.members.find((m) => m.consumerId === 'c1')?.status === 'active', 3000, () => 'c1 shown active');
  });

  it('consumer:delay slows one consumer down, record by record', async () => {
    expect(await client.command('consumer:delay', { groupId, consumerId: 'c2', delayMs: 250 })).toEqual({ ok: true, data: { consumerId: 'c2', delayMs: 250 } });
    try {
      await waitFor(() => latest(groupId)!.members.find((m) => m.consumerId === 'c2')?.processingDelayMs === 250, 3000, () => 'the delay in the view');
      const [partition] = partitionsOf(latest(groupId)!, 'c2');
      const end = Number((await gateway.services.admin.fetchTopicOffsets(topic)).find((o) => o.partition === partition)!.high);
      const producedAt = Date.now();
      await produceTo(topic, [partition!, partition!, partition!, partition!, partition!], 'slow');
      await waitForAsync(async () => (await committedInKafka(groupId, topic)).find((c) => c.partition === partition)?.offset === end + 5, 8000, () => 'c2 to commit 5 slow records');
      // Five records at 250 ms each (per-batch commits): Kafka hears of them no sooner than about 1.25 s later.
      expect(Date.now() - producedAt).toBeGreaterThanOrEqual(1100);
    } finally {
      expect(await client.command('consumer:delay', { groupId, consumerId: 'c2', delayMs: 0 })).toMatchObject({ ok: true });
    }
    const tooLong = await client.command('consumer:delay', { groupId, consumerId: 'c2', delayMs: 60_000 });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'delayMs' } });
  });

  it('group:seek earliest makes the group process the topic again', async () => {
    const ends = new Map((await gateway.services.admin.fetchTopicOffsets(topic)).map((o) => [o.partition, Number(o.high)]));
    await waitForAsync(
      async () => (await committedInKafka(groupId, topic)).every((c) => c.offset === ends.get(c.partition)),
      8000,
      () => 'the group to have committed everything before the seek',
    );
    const before = processed(groupId).length;
    const result = await client.command('group:seek', { groupId, to: { kind: 'earliest' } });
    expect(result).toMatchObject({ ok: true, data: { groupId } });
    // Records at offset 0 were processed before the seek; seeing them again is the re-processing.
    await waitFor(() => processed(groupId).slice(before).some((r) => r.offset === 0), 10_000, () => 're-processed records after the seek');
    const again = processed(groupId).slice(before);
    for (const record of again) expect(record.offset).toBeLessThan(ends.get(record.partition)!);
    await waitForAsync(
      async () => (await committedInKafka(groupId, topic)).every((c) => c.offset === ends.get(c.partition)),
      10_000,
      () => 'the group to commit its way back to the end',
    );
  });

  it("reports committed offsets that match Kafka's", async () => {
    const ends = new Map((await gateway.services.admin.fetchTopicOffsets(topic)).map((o) => [o.partition, Number(o.high)]));
    await waitFor(() => (latest(groupId)?.lag ?? []).filter((l) => l.committed === ends.get(l.partition)).length === 6, 10_000, () => `all commits caught up; lag ${JSON.stringify(latest(groupId)?.lag)}`);
    const kafka = await committedInKafka(groupId, topic);
    const shown = latest(groupId)!.lag.map((l) => ({ partition: l.partition, offset: l.committed })).sort((a, b) => a.partition - b.partition);
    expect(shown).toEqual(kafka);
    expect(latest(groupId)!.lag.every((l) => l.lag === 0)).toBe(true);
  });

  it('group:delete stops the consumers and removes the group', async () => {
    expect(await client.command('group:delete', { groupId })).toEqual({ ok: true, data: { groupId } });
    await waitFor(() => client.all<{ groupId: string }>('group:removed').some((r) => r.groupId === groupId), 3000, () => 'group:removed');
    await waitForAsync(async () => !(await gateway.services.admin.listGroups()).groups.some((g) => g.groupId === groupId), 5000, () => 'the group gone from Kafka');
  });
});

describe('a crashed consumer', () => {
  it('causes no rebalance until its 3 s session times out, then one, with the broker reporting the expiry', async () => {
    const topic = await newTopic(2);
    const groupId = uniqueName('crashy');
    await client.command('group:create', { groupId, topics: [topic], consumers: 2, sessionTimeoutMs: 3000 });
    const before = await waitForStable(groupId, 2);
    const count = rebalances(groupId).length;
    const crashedAt = Date.now();
    const crashed = await client.command('consumer:crash', { groupId, consumerId: 'c2' });
    expect(crashed.ok).toBe(true);
    if (!crashed.ok) return;
    expect(crashed.data.expiresAt - crashedAt).toBeGreaterThan(2000);
    expect(crashed.data.expiresAt - crashedAt).toBeLessThanOrEqual(3500);
    await waitFor(() => latest(groupId)!.members.find((m) => m.consumerId === 'c2')?.status === 'crashed', 2000, () => 'c2 shown crashed');

    await sleep(2000);
    expect(rebalances(groupId).length, 'a rebalance before the session timed out').toBe(count);

    await waitFor(() => rebalances(groupId).length > count, 8000, () => 'the rebalance after the expiry');
    const rebalance = rebalances(groupId)[count]!;
    expect(rebalance.at - crashedAt).toBeGreaterThanOrEqual(2500);
    expect(rebalance.generation).toBeGreaterThan(before.generation);
    const expiries = client.all<BrokerEventView>('broker:event').filter((e) => e.kind === 'member-expired' && e.groupId === groupId);
    expect(expiries).toHaveLength(1);
    expect(expiries[0]).toMatchObject({ sessionTimeoutMs: 3000, memberId: before.members.find((m) => m.consumerId === 'c2')!.memberId });
    const after = await waitForStable(groupId, 1);
    expect(partitionsOf(after, 'c1')).toEqual([0, 1]);
    await client.command('group:delete', { groupId });
  });
});

describe('outside groups', () => {
  it('shows a kcat -G consumer group as not managed', async () => {
    const topic = await newTopic(2);
    const groupId = uniqueName('kcat-group');
    const child = spawn('kcat', ['-b', gateway.services.bootstrap, '-G', groupId, '-X', 'client.id=kcat-outside', '-X', 'auto.offset.reset=earliest', '-q', '-u', topic], { stdio: ['ignore', 'ignore', 'ignore'] });
    children.push(child);
    await waitFor(() => latest(groupId)?.members.length === 1, 15_000, () => `the kcat group; last ${JSON.stringify(latest(groupId))}`);
    const view = latest(groupId)!;
    expect(view.managed).toBe(false);
    expect(view.members[0]).toMatchObject({ clientId: 'kcat-outside' });
    expect(view.members[0]!.consumerId).toBeUndefined();
    const conflict = await client.command('group:create', { groupId, topics: [topic], consumers: 1 });
    expect(conflict).toMatchObject({ ok: false, error: { code: 'conflict', field: 'groupId' } });
    child.kill('SIGTERM');
  });
});
