import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandFailure } from '../command-failure';
import { groupCommand, produce, RecordingHub, startTestCluster, uniqueName, waitFor, waitForStable, type TestCluster } from './group-test-kit';

describe('managed consumer groups: membership and rebalances', () => {
  let cluster: TestCluster;

  beforeAll(async () => {
    cluster = await startTestCluster();
  });

  afterAll(async () => {
    await cluster.close();
  });

  it('splits six partitions over three consumers and processes every record once', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(6);
    const groupId = uniqueName('three');

    const created = await groups.create(groupCommand({ groupId, topics: [topic], consumers: 3, sessionTimeoutMs: 6000 }));
    expect(created.members.map((m) => m.consumerId)).toEqual(['c1', 'c2', 'c3']);

    const view = await waitForStable(hub, groupId, 3);
    expect(view.members.map((m) => m.assignment.length)).toEqual([2, 2, 2]);
    const owned = view.members.flatMap((m) => m.assignment.map((p) => p.partition)).sort();
    expect(owned).toEqual([0, 1, 2, 3, 4, 5]);
    expect(view.members.every((m) => m.memberId !== null && m.status === 'active')).toBe(true);

    await produce(cluster, topic, Array.from({ length: 30 }, (_, i) => ({ partition: i % 6, key: `k${i}` })));
    await waitFor(() => hub.processed(groupId).length >= 30, 10_000, () => `30 processed records, got ${hub.processed(groupId).length}`);
    const processed = hub.processed(groupId);
    const seen = processed.map((r) => `${r.partition}:${r.offset}`);
    expect(new Set(seen).size).toBe(30);
    expect(seen.length).toBe(30);
    // Each record was processed by the member that owns its partition.
    for (const record of processed) {
      const owner = view.members.find((m) => m.assignment.some((p) => p.partition === record.partition));
      expect(record.consumerId).toBe(owner?.consumerId);
    }
    expect(hub.all('delivery:anomaly')).toEqual([]);
  });

  it('adding a fourth consumer rebalances to a new generation; each member loses or gains partitions', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(6);
    const groupId = uniqueName('grow');
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 3, assignor: 'range', sessionTimeoutMs: 6000 }));
    const before = await waitForStable(hub, groupId, 3);
    const rebalancesBefore = hub.all('group:rebalanced').length;

    const { consumerId } = await groups.addConsumer(groupId);
    expect(consumerId).toBe('c4');
    const after = await waitForStable(hub, groupId, 4);
    expect(after.generation).toBeGreaterThan(before.generation);
    expect(after.members.map((m) => m.assignment.length).sort()).toEqual([1, 1, 2, 2]);

    await waitFor(() => hub.all('group:rebalanced').some((r) => r.generation === after.generation), 5000, () => 'the rebalance of the new generation');
    const rebalance = hub.all('group:rebalanced').find((r) => r.generation === after.generation)!;
    expect(hub.all('group:rebalanced').length).toBeGreaterThan(rebalancesBefore);
    expect(rebalance.reason).toContain('consumer c4 joined');
    expect(rebalance.protocol).toBe('eager');
    expect(rebalance.durationMs).toBeGreaterThanOrEqual(0);
    const c4 = rebalance.changes.find((c) => c.member === 'c4')!;
    expect(c4.lost).toEqual([]);
    expect(c4.gained.length).toBeGreaterThan(0);
    expect(rebalance.changes.flatMap((c) => c.lost).length).toBe(rebalance.changes.flatMap((c) => c.gained).length);
    // The changes agree with the two views: previous assignment minus lost plus gained is the new one.
    for (const change of rebalance.changes) {
      const was = before.members.find((m) => m.consumerId === change.member)?.assignment ?? [];
      const now = after.members.find((m) => m.consumerId === change.member)!.assignment;
      const rebuilt = [...was.filter((p) => !change.lost.some((l) => l.partition === p.partition)), ...change.gained].map((p) => p.partition).sort();
      expect(rebuilt).toEqual(now.map((p) => p.partition).sort());
    }
  });

  it('removing a consumer leaves gracefully and the group rebalances well before the session timeout', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(4);
    const groupId = uniqueName('shrink');
    const sessionTimeoutMs = 10_000;
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 2, sessionTimeoutMs }));
    const before = await waitForStable(hub, groupId, 2);
    const c2MemberId = before.members.find((m) => m.consumerId === 'c2')!.memberId;

    const removedAt = Date.now();
    await groups.removeConsumer(groupId, 'c2');
    await waitFor(() => hub.all('group:rebalanced').some((r) => r.reason.includes('consumer c2 left')), 5000, () => `a rebalance because c2 left; got ${JSON.stringify(hub.all('group:rebalanced').map((r) => r.reason))}`);
    const rebalance = hub.all('group:rebalanced').find((r) => r.reason.includes('consumer c2 left'))!;
    expect(rebalance.at - removedAt).toBeLessThan(sessionTimeoutMs / 2);
    expect(cluster.brokerEvents('member:left').some((e) => e.memberId === c2MemberId)).toBe(true);
    expect(rebalance.changes.find((c) => c.member === 'c1')!.gained.length).toBe(2);
    expect(rebalance.changes.find((c) => c.member === 'c2')!.lost.length).toBe(2);
    const after = await waitForStable(hub, groupId, 1);
    expect(after.members[0]!.assignment.length).toBe(4);
  });

  it('members beyond the partition count are idle', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(2);
    const groupId = uniqueName('idle');
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 3, assignor: 'roundrobin', sessionTimeoutMs: 6000 }));
    const view = await waitForStable(hub, groupId, 3);
    expect(view.members.map((m) => m.status).sort()).toEqual(['active', 'active', 'idle']);
    expect(view.members.find((m) => m.status === 'idle')!.assignment).toEqual([]);
    expect(view.assignor).toBe('roundrobin');
  });

  it('the sticky assignor keeps partitions where they were when a member joins', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(4);
    const groupId = uniqueName('sticky');
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 2, assignor: 'sticky', sessionTimeoutMs: 6000 }));
    const before = await waitForStable(hub, groupId, 2);
    await groups.addConsumer(groupId);
    const after = await waitForStable(hub, groupId, 3);
    // Sticky: c1 and c2 each keep at least one of their partitions; c3 gets what they gave up.
    for (const id of ['c1', 'c2']) {
      const was = before.members.find((m) => m.consumerId === id)!.assignment.map((p) => p.partition);
      const now = after.members.find((m) => m.consumerId === id)!.assignment.map((p) => p.partition);
      expect(now.every((p) => was.includes(p))).toBe(true);
    }
  });

  it('refuses what a person got wrong with a message that says what to do', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(1);
    const groupId = uniqueName('errors');
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 1, sessionTimeoutMs: 6000 }));

    await expect(groups.create(groupCommand({ groupId, topics: [topic] }))).rejects.toMatchObject({ code: 'conflict', field: 'groupId' });
    await expect(groups.create(groupCommand({ groupId: uniqueName('missing'), topics: ['no-such-topic'] }))).rejects.toMatchObject({
      code: 'not_found',
      field: 'topics',
      message: expect.stringContaining("'no-such-topic' does not exist"),
    });
    await expect(groups.addConsumer('no-such-group')).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('Create it first') });
    await expect(groups.removeConsumer(groupId, 'c9')).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('its consumers are c1') });
    expect(() => groups.setDelay(groupId, 'c9', 10)).toThrow(CommandFailure);
    await expect(groups.seek(groupId, { kind: 'offset', offset: 0, partition: 5 })).rejects.toMatchObject({ code: 'invalid_input', field: 'to.partition' });
    expect(groups.has(uniqueName('missing'))).toBe(false);
    expect(groups.views().map((v) => v.groupId)).toEqual([groupId]);
  });

  it('deleting a group stops its consumers and removes it from Kafka', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(2);
    const groupId = uniqueName('delete');
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 2, commitMode: 'per-message', sessionTimeoutMs: 6000 }));
    await waitForStable(hub, groupId, 2);
    await produce(cluster, topic, [{ partition: 0 }, { partition: 1 }]);
    await waitFor(() => hub.processed(groupId).length === 2, 5000, () => 'both records processed');

    await groups.delete(groupId);
    expect(groups.has(groupId)).toBe(false);
    expect(hub.all('group:removed')).toEqual([expect.objectContaining({ groupId })]);
    const { groups: described } = await cluster.admin.describeGroups([groupId]);
    expect(described[0]?.state).toBe('Dead');
    const listed = await cluster.admin.listGroups();
    expect(listed.groups.some((g) => g.groupId === groupId)).toBe(false);
  });
});
