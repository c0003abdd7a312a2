/**
 * Three kafkajs consumers with the sticky adapter on the embedded broker: when one leaves, the other
 * two keep what they had and split only the leaver's partitions, and each reports its previous
 * partitions in Java's StickyAssignor user-data format.
 */
import { startBroker, type Broker } from '@lanes/broker';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeStickyUserData } from '../consumer-protocol/sticky-user-data';
import { decodeSubscription } from '../consumer-protocol/subscription';
import { createStickyPartitionAssigner } from './sticky-partition-assigner';

const TOPIC = 'sticky-lanes';
const GROUP = 'sticky-group';

describe('createStickyPartitionAssigner with kafkajs consumers', () => {
  let broker: Broker | undefined;
  const consumers: Consumer[] = [];

  afterEach(async () => {
    for (const consumer of consumers.splice(0)) await consumer.disconnect().catch(() => {});
    await broker?.close();
    broker = undefined;
  });

  it('keeps partitions with their owners when a member leaves, and reports them as Java does', async () => {
    broker = await startBroker({ port: 0 });
    const kafka = new Kafka({ brokers: [broker.bootstrap], clientId: 'lanes-sticky', logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 6 }] });

    const assigned = new Map<Consumer, number[]>();
    for (let i = 0; i < 3; i++) {
      const sticky = createStickyPartitionAssigner();
      const consumer = kafka.consumer({ groupId: GROUP, partitionAssigners: [sticky.partitionAssigner], sessionTimeout: 6000, rebalanceTimeout: 10_000, heartbeatInterval: 200, maxWaitTimeInMs: 100 });
      sticky.follow(consumer);
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => assigned.set(consumer, [...(payload.memberAssignment[TOPIC] ?? [])].sort((a, b) => a - b)));
      consumers.push(consumer);
      await consumer.connect();
      await consumer.subscribe({ topics: [TOPIC] });
      await consumer.run({ eachMessage: async () => {} });
    }
    const everyoneHasTwo = () => consumers.every((consumer) => assigned.get(consumer)?.length === 2);
    await waitFor(everyoneHasTwo, 15_000, () => `three members with two partitions each, got ${JSON.stringify([...assigned.values()])}`);
    const before = consumers.map((consumer) => assigned.get(consumer)!);
    expect(before.flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);

    // Let a heartbeat carry the generation into each member's memory before the rebalance.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [leaver, ...stayers] = consumers;
    await leaver!.disconnect();
    await waitFor(() => stayers.every((consumer) => assigned.get(consumer)?.length === 3), 15_000, () => `two members with three partitions each, got ${JSON.stringify(stayers.map((c) => assigned.get(c)))}`);

    stayers.forEach((consumer, i) => expect(assigned.get(consumer)).toEqual(expect.arrayContaining(before[i + 1]!)));
    expect(stayers.flatMap((consumer) => assigned.get(consumer)!).sort()).toEqual([0, 1, 2, 3, 4, 5]);

    // The survivors rejoined saying what they owned, in Java's StickyAssignor user data.
    const { groups } = await admin.describeGroups([GROUP]);
    expect(groups[0]!.protocol).toBe('sticky');
    const reported = groups[0]!.members.map((member) => decodeStickyUserData(decodeSubscription(member.memberMetadata).userData!));
    expect(reported.map(({ partitions }) => partitions.map(({ partition }) => partition).sort()).sort()).toEqual([before[1], before[2]].sort());
    expect(reported.every(({ generation }) => typeof generation === 'number' && generation > 0)).toBe(true);
    await admin.disconnect();
  }, 25_000);
});

async function waitFor(condition: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
