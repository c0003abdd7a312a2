import { AssignerProtocol } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { useConnectedKit, uniqueName, waitFor } from './kafkajs-test-kit';
import { deliveryCounts, startRecordingConsumer, type RecordingConsumer } from './recording-consumer';

describe('kafkajs 2.2.4 consumer group sharing a topic on the embedded broker', () => {
  const connected = useConnectedKit('conformance-group');

  it('gives 3 members 2 of 6 partitions each, and together they read every record exactly once', async () => {
    const topic = uniqueName('group-six');
    const groupId = uniqueName('group-six');
    await connected.admin.createTopics({ topics: [{ topic, numPartitions: 6 }] });
    const members: RecordingConsumer[] = [];
    try {
      for (let i = 0; i < 3; i++) members.push(await startRecordingConsumer(connected.kafka, { groupId, topic }));
      const assignments = (): string => JSON.stringify(members.map((m) => m.heldPartitions())) + '\n' + connected.kit.logs();
      // Records are produced only once the group is stable, so no rebalance can hand one to a second member.
      await waitFor(() => members.every((m) => m.heldPartitions().length === 2), assignments, 15_000);

      const held = members.map((m) => m.heldPartitions());
      expect(held.flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
      expect(new Set(members.map((m) => m.memberId())).size).toBe(3);

      const messages = Array.from({ length: 60 }, (_, i) => ({ partition: i % 6, key: `k${i}`, value: `record ${i}` }));
      await connected.producer.send({ topic, messages });
      const all = (): RecordingConsumer['records'] => members.flatMap((m) => m.records);
      await waitFor(() => all().length >= messages.length, () => `consumed ${all().length} of ${messages.length}`, 10_000);
      // Give a duplicate time to show up.
      await new Promise((resolve) => setTimeout(resolve, 500));

      const counts = deliveryCounts(all());
      expect(counts.size).toBe(60);
      expect([...counts.values()].every((count) => count === 1), JSON.stringify([...counts])).toBe(true);
      for (const [i, member] of members.entries()) {
        // Each member read only its own partitions, all 10 records of each.
        expect(new Set(member.records.map((r) => r.partition)), `member ${i}`).toEqual(new Set(held[i]));
        expect(member.records).toHaveLength(20);
      }
      expect(all().map((r) => r.value).sort()).toEqual(messages.map((m) => m.value).sort());

      // The broker agrees: one Stable generation with these three members.
      const described = await connected.admin.describeGroups([groupId]);
      expect(described.groups[0]).toMatchObject({ groupId, state: 'Stable', protocolType: 'consumer', protocol: 'RoundRobinAssigner' });
      const describedAssignments = Object.fromEntries(
        described.groups[0]!.members.map((m) => {
          const decoded = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
          return [m.memberId, [...(decoded?.assignment[topic] ?? [])].sort((a, b) => a - b)];
        }),
      );
      expect(describedAssignments).toEqual(Object.fromEntries(members.map((m) => [m.memberId(), m.heldPartitions()])));
    } finally {
      await Promise.all(members.map((m) => m.consumer.disconnect()));
    }
  });
});
