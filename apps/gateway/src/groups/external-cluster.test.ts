import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupCommand, RecordingHub, startTestCluster, uniqueName, waitFor, waitForStable, type TestCluster } from './group-test-kit';

/**
 * On a real cluster there are no broker events: state and hosts come from DescribeGroups, generations
 * from the members' heartbeats, a crashed member's end from the survivors' rejoin. The broker's own
 * events are read here only to check that what the gateway worked out is what Kafka did.
 */
describe('managed groups without broker events (as on a real cluster)', () => {
  let cluster: TestCluster;

  beforeAll(async () => {
    cluster = await startTestCluster();
  });

  afterAll(async () => {
    await cluster.close();
  });

  function brokerGeneration(groupId: string): number {
    return cluster.brokerEvents('group:state').filter((e) => e.groupId === groupId).at(-1)!.generationId;
  }

  it('streams rebalances with the generation Kafka gave them', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub, { external: true });
    const topic = await cluster.createTopic(4);
    const groupId = uniqueName('external');
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 2, sessionTimeoutMs: 3000 }));
    await waitForStable(hub, groupId, 2);
    await groups.addConsumer(groupId);
    await waitFor(() => hub.all('group:rebalanced').some((r) => r.reason.includes('consumer c3 joined')), 8000, () => `c3's rebalance; got ${JSON.stringify(hub.all('group:rebalanced'))}`);
    const rebalance = hub.all('group:rebalanced').find((r) => r.reason.includes('consumer c3 joined'))!;
    expect(rebalance.generation).toBe(brokerGeneration(groupId));
    const view = await waitForStable(hub, groupId, 3);
    expect(view.generation).toBe(brokerGeneration(groupId));
    expect(view.members.every((m) => m.clientHost !== '')).toBe(true);
  });

  it('a crashed member disappears when the survivors rebalance after its session expired', async () => {
    const hub = new RecordingHub();
    const groups = cluster.groups(hub, { external: true });
    const topic = await cluster.createTopic(2);
    const groupId = uniqueName('external-crash');
    const sessionTimeoutMs = 2500;
    await groups.create(groupCommand({ groupId, topics: [topic], consumers: 2, sessionTimeoutMs }));
    await waitForStable(hub, groupId, 2);
    const crashedAt = Date.now();
    await groups.crashConsumer(groupId, 'c1');
    await waitFor(() => hub.all('group:rebalanced').some((r) => r.reason === "c1's session expired"), sessionTimeoutMs + 6000, () => 'the rebalance after c1 expired');
    const rebalance = hub.all('group:rebalanced').find((r) => r.reason === "c1's session expired")!;
    expect(rebalance.at - crashedAt).toBeGreaterThanOrEqual(sessionTimeoutMs - 600);
    expect(rebalance.generation).toBe(brokerGeneration(groupId));
    const view = await waitForStable(hub, groupId, 1);
    expect(view.members.map((m) => [m.consumerId, m.assignment.length])).toEqual([['c2', 2]]);
  });
});
