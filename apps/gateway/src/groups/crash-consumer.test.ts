import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupCommand, produce, RecordingHub, startTestCluster, uniqueName, waitFor, waitForAsync, waitForStable, type TestCluster } from './group-test-kit';

/** Short enough for a test, long enough to tell "at once" from "after the session timeout". */
const SESSION_TIMEOUT_MS = 2500;

describe('crashing a managed consumer', () => {
  let cluster: TestCluster;

  beforeAll(async () => {
    cluster = await startTestCluster();
  });

  afterAll(async () => {
    await cluster.close();
  });

  it('vanishes without LeaveGroup; the group rebalances only when its session expires', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(4);
    const groupId = uniqueName('crash');
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 2, sessionTimeoutMs: SESSION_TIMEOUT_MS }));
    const before = await waitForStable(hub, groupId, 2);
    const c2 = before.members.find((m) => m.consumerId === 'c2')!;
    const generationBefore = before.generation;

    const crashedAt = Date.now();
    const { consumerId, expiresAt } = await groups.crashConsumer(groupId, 'c2');
    expect(consumerId).toBe('c2');
    expect(expiresAt).toBeGreaterThanOrEqual(crashedAt + SESSION_TIMEOUT_MS);
    expect(expiresAt).toBeLessThan(crashedAt + SESSION_TIMEOUT_MS + 500);
    const shown = hub.latestGroup(groupId)!.members.find((m) => m.consumerId === 'c2')!;
    expect(shown).toMatchObject({ status: 'crashed', expiresAt, assignment: c2.assignment });

    await waitFor(() => cluster.brokerEvents('member:expired').some((e) => e.memberId === c2.memberId), SESSION_TIMEOUT_MS + 3000, () => 'the broker to expire c2');
    const expired = cluster.brokerEvents('member:expired').find((e) => e.memberId === c2.memberId)!;
    // Nothing was said to the broker: it noticed only because the session ran out.
    expect(expired.at - crashedAt).toBeGreaterThanOrEqual(SESSION_TIMEOUT_MS - 600);
    expect(cluster.brokerEvents('member:left').some((e) => e.memberId === c2.memberId)).toBe(false);

    await waitFor(() => hub.all('group:rebalanced').some((r) => r.generation > generationBefore), 5000, () => 'the rebalance after the expiry');
    const rebalance = hub.all('group:rebalanced').find((r) => r.generation > generationBefore)!;
    expect(rebalance.at).toBeGreaterThanOrEqual(expired.at);
    expect(rebalance.reason).toBe("c2's session expired");
    expect(rebalance.changes.find((c) => c.member === 'c2')!.lost).toEqual(c2.assignment);
    expect(rebalance.changes.find((c) => c.member === 'c1')!.gained).toEqual(c2.assignment);
    // While c2 was crashed the group stayed as it was: no earlier rebalance.
    expect(hub.all('group:rebalanced').filter((r) => r.at > crashedAt && r.at < expired.at)).toEqual([]);

    const after = await waitForStable(hub, groupId, 1);
    expect(after.members[0]!.consumerId).toBe('c1');
    expect(after.members[0]!.assignment.length).toBe(4);
    // A crashed consumer cannot be crashed or removed again.
    await expect(groups.crashConsumer(groupId, 'c2')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('per-batch commits: a crash mid-batch re-delivers what was processed (at-least-once, a duplicate)', async () => {
    const { hub, groupId, victim, survivor } = await crashMidBatch('per-batch');
    await waitFor(() => hub.all('delivery:anomaly').length > 0, SESSION_TIMEOUT_MS + 5000, () => 'a duplicate after the hand-over');
    const [anomaly] = hub.all('delivery:anomaly');
    expect(anomaly).toMatchObject({ groupId, kind: 'duplicate', consumerId: survivor, partition: 0, fromOffset: 0 });
    const processedByVictim = hub.processed(groupId).filter((r) => r.consumerId === victim).map((r) => r.offset);
    expect(anomaly!.toOffset).toBe(Math.max(...processedByVictim));
    await waitFor(() => hub.processed(groupId).filter((r) => r.consumerId === survivor).length === 10, 5000, () => 'the survivor to read all 10');
  });

  it('before-processing commits: a crash mid-record loses it (at-most-once, a gap)', async () => {
    const { hub, groupId, victim, survivor } = await crashMidBatch('before-processing');
    await waitFor(() => hub.processed(groupId).some((r) => r.consumerId === survivor), SESSION_TIMEOUT_MS + 5000, () => 'the survivor to take over');
    await waitFor(() => hub.all('delivery:anomaly').length > 0, 3000, () => 'a gap');
    const processedByVictim = hub.processed(groupId).filter((r) => r.consumerId === victim).map((r) => r.offset);
    const lost = Math.max(...processedByVictim) + 1;
    expect(hub.all('delivery:anomaly')).toEqual([expect.objectContaining({ groupId, kind: 'gap', consumerId: survivor, partition: 0, fromOffset: lost, toOffset: lost })]);
    await waitFor(() => hub.processed(groupId).some((r) => r.offset === 9), 5000, () => 'the last record');
    expect(hub.processed(groupId).some((r) => r.offset === lost)).toBe(false);
  });

  it('deleting a group with a crashed member finishes in Kafka once the member has expired', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(1);
    const groupId = uniqueName('delete-crashed');
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 1, sessionTimeoutMs: SESSION_TIMEOUT_MS }));
    await waitForStable(hub, groupId, 1);
    await groups.crashConsumer(groupId, 'c1');

    await groups.delete(groupId);
    expect(groups.has(groupId)).toBe(false);
    expect(hub.all('group:removed').map((r) => r.groupId)).toEqual([groupId]);
    // Kafka still has the crashed member, so the group cannot go yet...
    expect((await cluster.admin.describeGroups([groupId])).groups[0]!.members.length).toBe(1);
    // ...and goes once its session has expired.
    const inKafka = async () => (await cluster.admin.listGroups()).groups.some((g) => g.groupId === groupId);
    await waitForAsync(async () => !(await inKafka()), SESSION_TIMEOUT_MS + 4000, () => 'the group to be deleted in Kafka');
    expect(cluster.brokerEvents('member:expired').some((e) => e.groupId === groupId)).toBe(true);
  });

  /**
   * One partition, two consumers (one idle). The owner processes slowly and crashes while it is in the
   * middle of record 2, after committing what its mode commits; the idle one takes over after expiry.
   */
  async function crashMidBatch(commitMode: 'per-batch' | 'before-processing') {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(1);
    const groupId = uniqueName(commitMode);
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 2, commitMode, sessionTimeoutMs: SESSION_TIMEOUT_MS }));
    const view = await waitForStable(hub, groupId, 2);
    const victim = view.members.find((m) => m.assignment.length === 1)!.consumerId!;
    const survivor = view.members.find((m) => m.consumerId !== victim)!.consumerId!;
    groups.setDelay(groupId, victim, 250);
    await produce(cluster, topic, Array.from({ length: 10 }, () => ({ partition: 0 })));
    // Record 2's processing has begun: processed 0 and 1, and (before-processing) committed 3.
    await waitFor(() => hub.processed(groupId).length === 2, 5000, () => 'two records processed');
    if (commitMode === 'before-processing') {
      await waitFor(() => hub.all('offsets:committed').some((c) => c.offsets.some((o) => o.offset === 3)), 2000, () => 'the commit before record 2');
    }
    await groups.crashConsumer(groupId, victim);
    return { hub, groupId, victim, survivor };
  }
});
