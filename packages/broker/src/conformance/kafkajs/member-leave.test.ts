import { describe, expect, it } from 'vitest';
import type { BrokerEventMap } from '../../index';
import { useConnectedKit, uniqueName, waitFor } from './kafkajs-test-kit';
import { deliveryCounts, startRecordingConsumer, type RecordingConsumer } from './recording-consumer';

/** Long, so that a rebalance driven by the session timeout could not pass for one driven by LeaveGroup. */
const SESSION_TIMEOUT_MS = 10_000;

describe('kafkajs 2.2.4 member leaving a group on the embedded broker', () => {
  const connected = useConnectedKit('conformance-leave');

  it('rebalances at once when a member disconnects: the other gets every partition long before the session timeout', async () => {
    const topic = uniqueName('leave');
    const groupId = uniqueName('leave');
    await connected.admin.createTopics({ topics: [{ topic, numPartitions: 4 }] });
    const left: BrokerEventMap['member:left'][] = [];
    const expired: BrokerEventMap['member:expired'][] = [];
    connected.kit.broker.events.on('member:left', (event) => event.groupId === groupId && left.push(event));
    connected.kit.broker.events.on('member:expired', (event) => event.groupId === groupId && expired.push(event));
    const config = { sessionTimeout: SESSION_TIMEOUT_MS, heartbeatInterval: 200, maxWaitTimeInMs: 100 };
    const stayer = await startRecordingConsumer(connected.kafka, { groupId, topic, config });
    let leaver: RecordingConsumer | null = await startRecordingConsumer(connected.kafka, { groupId, topic, config });
    try {
      const both = [stayer, leaver];
      await waitFor(
        () => both.every((m) => m.heldPartitions().length === 2),
        () => JSON.stringify(both.map((m) => m.heldPartitions())) + '\n' + connected.kit.logs(),
        15_000,
      );
      await connected.producer.send({ topic, messages: [0, 1, 2, 3].map((partition) => ({ partition, value: `before ${partition}` })) });
      await waitFor(() => stayer.records.length + leaver!.records.length >= 4, () => 'the first 4 records', 10_000);
      const leaverId = leaver.memberId();
      const joinsBefore = stayer.joins.length;

      const leftAt = Date.now();
      await leaver.consumer.disconnect();
      leaver = null;
      await waitFor(
        () => stayer.joins.length > joinsBefore && stayer.heldPartitions().length === 4,
        () => `stayer holds ${JSON.stringify(stayer.heldPartitions())}\n${connected.kit.logs()}`,
        SESSION_TIMEOUT_MS,
      );
      const elapsed = stayer.joins.at(-1)!.at - leftAt;

      // kafkajs notices the rebalance at its next heartbeat (every 200 ms, between 100 ms fetches).
      expect(elapsed, `took ${elapsed} ms`).toBeLessThan(SESSION_TIMEOUT_MS / 5);
      expect(stayer.heldPartitions()).toEqual([0, 1, 2, 3]);
      expect(left.map((e) => e.memberId)).toEqual([leaverId]);
      expect(expired).toEqual([]);

      // The stayer now reads the leaver's partitions too, from where the leaver committed.
      const recordsBefore = stayer.records.length;
      await connected.producer.send({ topic, messages: [0, 1, 2, 3].map((partition) => ({ partition, value: `after ${partition}` })) });
      await waitFor(() => stayer.records.length >= recordsBefore + 4, () => `stayer read ${stayer.records.length - recordsBefore} of 4 new`, 10_000);
      const newRecords = stayer.records.slice(recordsBefore);
      expect(newRecords.map((r) => `${r.partition}@${r.offset}:${r.value}`).sort()).toEqual(['0@1:after 0', '1@1:after 1', '2@1:after 2', '3@1:after 3']);
      expect([...deliveryCounts(stayer.records).values()].every((count) => count === 1)).toBe(true);
    } finally {
      await Promise.all([stayer.consumer.disconnect(), leaver?.consumer.disconnect()]);
    }
  });
});
