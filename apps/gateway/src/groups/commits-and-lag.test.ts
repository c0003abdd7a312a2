import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupCommand, produce, RecordingHub, startTestCluster, uniqueName, waitFor, waitForStable, type TestCluster } from './group-test-kit';

describe('managed groups: commits and lag', () => {
  let cluster: TestCluster;

  beforeAll(async () => {
    cluster = await startTestCluster();
  });

  afterAll(async () => {
    await cluster.close();
  });

  async function committedInKafka(groupId: string, topic: string): Promise<Map<number, number>> {
    const [entry] = await cluster.admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map(entry!.partitions.map(({ partition, offset }) => [partition, Number(offset)]));
  }

  it('per-message: one commit after each record, visible in Kafka', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(1);
    const groupId = uniqueName('per-message');
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 1, commitMode: 'per-message', sessionTimeoutMs: 6000 }));
    await waitForStable(hub, groupId, 1);
    await produce(cluster, topic, Array.from({ length: 5 }, () => ({ partition: 0 })));
    await waitFor(() => hub.all('offsets:committed').length === 5, 5000, () => `5 commits, got ${JSON.stringify(hub.all('offsets:committed'))}`);
    expect(hub.all('offsets:committed').map((c) => c.offsets)).toEqual([1, 2, 3, 4, 5].map((offset) => [{ topic, partition: 0, offset }]));
    expect(hub.all('offsets:committed').every((c) => c.consumerId === 'c1' && c.groupId === groupId)).toBe(true);
    expect((await committedInKafka(groupId, topic)).get(0)).toBe(5);
  });

  it('per-batch: one commit for a batch of records', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(1);
    const groupId = uniqueName('per-batch');
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 1, commitMode: 'per-batch', sessionTimeoutMs: 6000 }));
    await waitForStable(hub, groupId, 1);
    await produce(cluster, topic, Array.from({ length: 5 }, () => ({ partition: 0 })));
    await waitFor(() => hub.all('offsets:committed').some((c) => c.offsets[0]?.offset === 5), 5000, () => 'the commit of the batch');
    expect(hub.all('offsets:committed').length).toBe(1);
    expect((await committedInKafka(groupId, topic)).get(0)).toBe(5);
  });

  it('auto: kafkajs commits on its own', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(1);
    const groupId = uniqueName('auto');
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 1, commitMode: 'auto', autoCommitIntervalMs: 200, sessionTimeoutMs: 6000 }));
    await waitForStable(hub, groupId, 1);
    await produce(cluster, topic, Array.from({ length: 3 }, () => ({ partition: 0 })));
    await waitFor(() => hub.all('offsets:committed').some((c) => c.offsets.some((o) => o.offset === 3)), 5000, () => 'an automatic commit up to offset 3');
    expect((await committedInKafka(groupId, topic)).get(0)).toBe(3);
  });

  it('lag per partition is the log end offset minus the committed offset', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(2);
    const groupId = uniqueName('lag');
    await produce(cluster, topic, [...Array.from({ length: 4 }, () => ({ partition: 0 })), ...Array.from({ length: 2 }, () => ({ partition: 1 }))]);
    // No consumer yet: with 'earliest', everything is still to read.
    const created = await groups.create(groupCommand({ groupId, topics: [topic], consumers: 0, commitMode: 'per-message', sessionTimeoutMs: 6000 }));
    expect(created.lag).toEqual([
      { topic, partition: 0, committed: -1, logEndOffset: 4, lag: 4 },
      { topic, partition: 1, committed: -1, logEndOffset: 2, lag: 2 },
    ]);

    await groups.addConsumer(groupId);
    await waitFor(() => hub.processed(groupId).length === 6, 5000, () => 'all six records processed');
    await groups.pauseConsumer(groupId, 'c1');
    await produce(cluster, topic, Array.from({ length: 3 }, () => ({ partition: 1 })));
    await waitFor(() => hub.latestGroup(groupId)!.lag.some((l) => l.partition === 1 && l.lag === 3), 3000, () => `lag 3 on partition 1; got ${JSON.stringify(hub.latestGroup(groupId)!.lag)}`);

    const lag = hub.latestGroup(groupId)!.lag;
    const committed = await committedInKafka(groupId, topic);
    const ends = await cluster.admin.fetchTopicOffsets(topic);
    for (const { partition, high } of ends) {
      const view = lag.find((l) => l.partition === partition)!;
      expect(view).toEqual({ topic, partition, committed: committed.get(partition), logEndOffset: Number(high), lag: Number(high) - committed.get(partition)! });
    }
    expect(lag.map((l) => l.lag)).toEqual([0, 3]);
  });
});
