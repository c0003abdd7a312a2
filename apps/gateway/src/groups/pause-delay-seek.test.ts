import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupCommand, produce, RecordingHub, startTestCluster, uniqueName, waitFor, waitForStable, type TestCluster } from './group-test-kit';

describe('managed groups: pause, delay and seek', () => {
  let cluster: TestCluster;

  beforeAll(async () => {
    cluster = await startTestCluster();
  });

  afterAll(async () => {
    await cluster.close();
  });

  async function oneConsumerGroup(partitions: number, commitMode: 'per-message' | 'per-batch' = 'per-message') {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(partitions);
    const groupId = uniqueName('controls');
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 1, commitMode, sessionTimeoutMs: 6000 }));
    await waitForStable(hub, groupId, 1);
    return { hub, groups, topic, groupId };
  }

  it('pause stops consumption and resume continues where it stopped', async () => {
    const { hub, groups, topic, groupId } = await oneConsumerGroup(1);
    await produce(cluster, topic, [{ partition: 0 }, { partition: 0 }]);
    await waitFor(() => hub.processed(groupId).length === 2, 5000, () => 'the first two records');

    await groups.pauseConsumer(groupId, 'c1');
    expect(hub.latestGroup(groupId)!.members[0]!.status).toBe('paused');
    await produce(cluster, topic, [{ partition: 0 }, { partition: 0 }, { partition: 0 }]);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(hub.processed(groupId).length).toBe(2);

    await groups.resumeConsumer(groupId, 'c1');
    expect(hub.latestGroup(groupId)!.members[0]!.status).toBe('active');
    await waitFor(() => hub.processed(groupId).length === 5, 5000, () => 'the three records produced while paused');
    expect(hub.processed(groupId).map((r) => r.offset)).toEqual([0, 1, 2, 3, 4]);
  });

  it('a processing delay slows the consumer down, record by record', async () => {
    const { hub, groups, topic, groupId } = await oneConsumerGroup(1);
    groups.setDelay(groupId, 'c1', 200);
    expect(hub.latestGroup(groupId)!.members[0]!.processingDelayMs).toBe(200);
    const start = Date.now();
    await produce(cluster, topic, Array.from({ length: 5 }, () => ({ partition: 0 })));
    await waitFor(() => hub.processed(groupId).length === 5, 5000, () => 'five slow records');
    expect(Date.now() - start).toBeGreaterThanOrEqual(5 * 200);
    const times = hub.processed(groupId).map((r) => r.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(150);
  });

  it('a delay longer than the session timeout does not get a live consumer expired', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(1);
    const groupId = uniqueName('slow');
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 1, sessionTimeoutMs: 1200 }));
    const stable = await waitForStable(hub, groupId, 1);
    groups.setDelay(groupId, 'c1', 2000);
    await produce(cluster, topic, [{ partition: 0 }, { partition: 0 }]);
    await waitFor(() => hub.processed(groupId).length === 2, 8000, () => 'two slow records');
    expect(cluster.brokerEvents('member:expired').filter((e) => e.groupId === groupId)).toEqual([]);
    expect(hub.latestGroup(groupId)!.generation).toBe(stable.generation);
  });

  it('seek to earliest re-reads every record, and re-reading on purpose is no duplicate', async () => {
    const { hub, groups, topic, groupId } = await oneConsumerGroup(2);
    await produce(cluster, topic, [{ partition: 0 }, { partition: 0 }, { partition: 1 }]);
    await waitFor(() => hub.processed(groupId).length === 3, 5000, () => 'three records');

    const view = await groups.seek(groupId, { kind: 'earliest' });
    expect(view.groupId).toBe(groupId);
    await waitFor(() => hub.processed(groupId).length === 6, 5000, () => `the re-read; got ${hub.processed(groupId).length}`);
    const reread = hub.processed(groupId).slice(3).map((r) => `${r.partition}:${r.offset}`).sort();
    expect(reread).toEqual(['0:0', '0:1', '1:0']);
    expect(hub.all('delivery:anomaly')).toEqual([]);
    expect(hub.all('ordering:violation')).toEqual([]);
  });

  it('seek to a timestamp starts at the first record produced at or after it', async () => {
    const { hub, groups, topic, groupId } = await oneConsumerGroup(1);
    const base = Date.now() - 60_000;
    await produce(cluster, topic, Array.from({ length: 6 }, (_, i) => ({ partition: 0, timestamp: base + i * 1000 })));
    await waitFor(() => hub.processed(groupId).length === 6, 5000, () => 'six records');

    await groups.seek(groupId, { kind: 'timestamp', timestamp: base + 3500 });
    await waitFor(() => hub.processed(groupId).length === 8, 5000, () => 'the records after the timestamp');
    expect(hub.processed(groupId).slice(6).map((r) => r.offset)).toEqual([4, 5]);
    const [committed] = await cluster.admin.fetchOffsets({ groupId, topics: [topic] });
    expect(Number(committed!.partitions[0]!.offset)).toBe(6);
  });

  it('seek to an offset on one partition; a group without consumers has its offsets set in Kafka', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(2);
    const groupId = uniqueName('empty-seek');
    await produce(cluster, topic, [{ partition: 0 }, { partition: 0 }, { partition: 0 }, { partition: 1 }]);
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 0, sessionTimeoutMs: 6000 }));

    const view = await groups.seek(groupId, { kind: 'offset', offset: 2, partition: 0 });
    expect(view.lag.find((l) => l.partition === 0)).toMatchObject({ committed: 2, lag: 1 });
    await groups.addConsumer(groupId);
    await waitFor(() => hub.processed(groupId).length === 2, 5000, () => 'the records after the seek');
    expect(hub.processed(groupId).map((r) => `${r.partition}:${r.offset}`).sort()).toEqual(['0:2', '1:0']);
    expect(hub.all('delivery:anomaly')).toEqual([]);
  });
});
