import { describe, expect, it } from 'vitest';
import type { BrokerEventMap } from '../../index';
import { CrashingConsumerProcess } from './crashing-consumer-process';
import { useConnectedKit, uniqueName, waitFor } from './kafkajs-test-kit';
import { startRecordingConsumer, type RecordingConsumer } from './recording-consumer';

const SESSION_TIMEOUT_MS = 3000;
const HEARTBEAT_INTERVAL_MS = 250;
const MAX_WAIT_MS = 100;
/** Node timers may fire a millisecond early against Date.now(); a session never ends earlier than this. */
const TIMER_SLACK_MS = 5;

describe('kafkajs 2.2.4 member that crashes, on the embedded broker', () => {
  const connected = useConnectedKit('conformance-expiry');

  it('expires a member that stops heartbeating after its session timeout and moves its partitions to the survivor', async () => {
    const topic = uniqueName('expiry');
    const groupId = uniqueName('expiry');
    await connected.admin.createTopics({ topics: [{ topic, numPartitions: 4 }] });
    const heartbeats = new Map<string, number>();
    const expired: Array<BrokerEventMap['member:expired'] & { observedAt: number }> = [];
    const commits: BrokerEventMap['offsets:committed'][] = [];
    connected.kit.broker.events.on('member:heartbeat', (e) => e.groupId === groupId && heartbeats.set(e.memberId, e.at));
    connected.kit.broker.events.on('member:expired', (e) => e.groupId === groupId && expired.push({ ...e, observedAt: Date.now() }));
    connected.kit.broker.events.on('offsets:committed', (e) => e.groupId === groupId && commits.push(e));
    const timing = { sessionTimeout: SESSION_TIMEOUT_MS, heartbeatInterval: HEARTBEAT_INTERVAL_MS, maxWaitTimeInMs: MAX_WAIT_MS };

    const survivor: RecordingConsumer = await startRecordingConsumer(connected.kafka, { groupId, topic, config: timing });
    const crasher = new CrashingConsumerProcess({ bootstrap: connected.kit.broker.bootstrap, groupId, topic, ...timing });
    try {
      const seen = (): string => `survivor ${JSON.stringify(survivor.heldPartitions())}\n${crasher.describe()}\n${connected.kit.logs()}`;
      await waitFor(() => survivor.heldPartitions().length === 2 && crasher.latestJoin()?.partitions.length === 2, seen, 20_000);
      const crasherId = crasher.latestJoin()!.memberId;
      const crasherPartitions = crasher.latestJoin()!.partitions;
      const survivorPartitions = survivor.heldPartitions();
      expect([...crasherPartitions, ...survivorPartitions].sort()).toEqual([0, 1, 2, 3]);

      // Offset 0 of every partition is read, and committed, before the crash.
      await connected.producer.send({ topic, messages: [0, 1, 2, 3].map((partition) => ({ partition, value: `before ${partition}` })) });
      const committedByCrasher = (partition: number): boolean =>
        commits.some((c) => c.memberId === crasherId && c.offsets.some((o) => o.topic === topic && o.partition === partition && o.offset === 1));
      // Wait for a heartbeat too, so the crash interrupts a member in its steady rhythm.
      await waitFor(() => survivor.records.length === 2 && crasherPartitions.every(committedByCrasher) && heartbeats.has(crasherId), seen, 10_000);
      expect(crasher.records().map((r) => r.partition).sort()).toEqual(crasherPartitions);

      const killedAt = Date.now();
      await crasher.kill();
      expect(expired, 'nobody expired while both members were alive').toEqual([]);
      // Produced while the crasher's partitions have no reader.
      await connected.producer.send({ topic, messages: [0, 1, 2, 3].map((partition) => ({ partition, value: `during ${partition}` })) });

      await waitFor(() => expired.length > 0, seen, SESSION_TIMEOUT_MS + 5000);
      const [expiry] = expired;
      expect(expiry).toMatchObject({ memberId: crasherId, sessionTimeoutMs: SESSION_TIMEOUT_MS });
      // Not before a whole session without a heartbeat: by the broker's clock and by ours.
      const lastHeartbeatSeen = heartbeats.get(crasherId)!;
      expect(expiry!.lastHeartbeatAt).toBeGreaterThanOrEqual(lastHeartbeatSeen);
      expect(expiry!.lastHeartbeatAt).toBeLessThanOrEqual(killedAt + TIMER_SLACK_MS);
      expect(expiry!.observedAt - expiry!.lastHeartbeatAt).toBeGreaterThanOrEqual(SESSION_TIMEOUT_MS - TIMER_SLACK_MS);
      expect(expiry!.observedAt - lastHeartbeatSeen).toBeGreaterThanOrEqual(SESSION_TIMEOUT_MS - TIMER_SLACK_MS);
      // ...and not much after: the last sign of life came at most a heartbeat and a fetch before the kill.
      const afterKill = expiry!.observedAt - killedAt;
      expect(afterKill, `expired ${afterKill} ms after the kill`).toBeGreaterThanOrEqual(SESSION_TIMEOUT_MS - HEARTBEAT_INTERVAL_MS - MAX_WAIT_MS - 200);
      expect(afterKill, `expired ${afterKill} ms after the kill`).toBeLessThanOrEqual(SESSION_TIMEOUT_MS + 1000);
      expect(expired.map((e) => e.memberId)).toEqual([crasherId]);

      // The survivor learns of the rebalance at its next heartbeat and takes every partition.
      await waitFor(() => survivor.heldPartitions().length === 4, seen, 5000);
      const takeover = survivor.joins.at(-1)!;
      expect(takeover.partitions).toEqual([0, 1, 2, 3]);
      expect(takeover.at - expiry!.observedAt, 'rebalance after the expiry').toBeLessThan(2000);

      // It resumes the crasher's partitions at the crasher's commits: the records produced during
      // the outage, and not offset 0 again.
      await waitFor(() => survivor.records.length >= 6, seen, 10_000);
      await connected.producer.send({ topic, messages: [0, 1, 2, 3].map((partition) => ({ partition, value: `after ${partition}` })) });
      await waitFor(() => survivor.records.length >= 10, seen, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const read = (partition: number): string[] => survivor.records.filter((r) => r.partition === partition).map((r) => `${r.offset}:${r.value}`);
      for (const partition of crasherPartitions) {
        expect(read(partition), `crashed member's partition ${partition}`).toEqual([`1:during ${partition}`, `2:after ${partition}`]);
      }
      for (const partition of survivorPartitions) {
        expect(read(partition), `survivor's own partition ${partition}`).toEqual([`0:before ${partition}`, `1:during ${partition}`, `2:after ${partition}`]);
      }
    } finally {
      await crasher.kill();
      await survivor.consumer.disconnect();
    }
  });
});
