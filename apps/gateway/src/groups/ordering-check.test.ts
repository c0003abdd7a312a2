import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupCommand, produce, RecordingHub, startTestCluster, uniqueName, waitFor, waitForStable, type TestCluster } from './group-test-kit';

describe('managed groups: per-key ordering', () => {
  let cluster: TestCluster;

  beforeAll(async () => {
    cluster = await startTestCluster();
  });

  afterAll(async () => {
    await cluster.close();
  });

  it('reports a key whose records sit in two partitions and are processed out of produce order', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub);
    const topic = await cluster.createTopic(2);
    const groupId = uniqueName('ordering');
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 1, sessionTimeoutMs: 6000 }));
    await waitForStable(hub, groupId, 1);

    const later = Date.now();
    const earlier = later - 5000;
    // In order within one partition: no violation.
    await produce(cluster, topic, [{ partition: 0, key: 'k', timestamp: later - 1 }, { partition: 0, key: 'k', timestamp: later }]);
    await waitFor(() => hub.processed(groupId).length === 2, 5000, () => 'the in-order records');
    expect(hub.all('ordering:violation')).toEqual([]);

    // The same key explicitly sent to partition 1, stamped before the record already processed.
    await produce(cluster, topic, [{ partition: 1, key: 'k', timestamp: earlier }, { partition: 1, key: 'other', timestamp: earlier }]);
    await waitFor(() => hub.all('ordering:violation').length > 0, 5000, () => 'an ordering violation');
    expect(hub.all('ordering:violation').map(({ at: _at, ...violation }) => violation)).toEqual([
      {
        groupId,
        key: 'k',
        records: [
          { topic, partition: 1, offset: 0, producedAt: earlier, consumerId: 'c1' },
          { topic, partition: 0, offset: 1, producedAt: later, consumerId: 'c1' },
        ],
      },
    ]);
  });
});
