import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPythonClient } from './client-process';
import { rangeAssignment, roundRobinAssignment } from './expected-assignments';
import { librdkafkaPartitionForKey } from './key-partitions';
import { startTarget, type TargetBroker } from './target-broker';
import { byPartition, inLogOrder, keysCoveringEveryPartition, uniqueName } from './test-data';

interface ConsumedRecord {
  partition: number;
  offset: number;
  key: string | null;
  value: string;
}
interface Delivery extends ConsumedRecord {
  error: string | null;
}
interface GroupMember {
  memberId: string;
  generation: number;
  assignment: number[];
  consumed: ConsumedRecord[];
  commitErrors: string[];
  rebalances: unknown[];
}
interface GroupRun {
  partitionCount: number;
  members: GroupMember[];
}
type OffsetsByPartition = Record<string, number>;

const CLIENT_TIMEOUT_MS = 20_000;
/** Against the embedded broker topics are made with confluent's AdminClient and this many partitions. */
const ADMIN_PARTITIONS = 7;

describe('confluent-kafka-python 1.7.0 (librdkafka 2.0.2) against the broker', () => {
  let target: TargetBroker;
  beforeAll(async () => {
    target = await startTarget();
  });
  afterAll(async () => {
    await target?.close();
  });

  /** AdminClient.create_topics on the embedded broker; the mock has no CreateTopics, so auto-creation there. */
  async function createTopic(topic: string): Promise<number> {
    const how = target.kind === 'mock' ? 'auto' : 'admin';
    const created = await runPythonClient<{ partitions: number }>(
      'confluent_create_topic.py',
      { bootstrap: target.bootstrap, topic, partitions: ADMIN_PARTITIONS, how },
      CLIENT_TIMEOUT_MS,
    );
    if (how === 'admin') expect(created.partitions).toBe(ADMIN_PARTITIONS);
    expect(created.partitions, 'with one partition there is nothing to partition or assign').toBeGreaterThan(1);
    return created.partitions;
  }

  it('reports in each delivery callback the partition and offset a consumer then reads the record at', async () => {
    const topic = uniqueName('ck-delivery');
    const partitionCount = await createTopic(topic);
    const keys = keysCoveringEveryPartition('account', partitionCount, 3, librdkafkaPartitionForKey);
    const records = [
      ...keys.map((key, i) => ({ key, value: `keyed ${i}` })),
      ...Array.from({ length: partitionCount }, (_, p) => ({ key: null, value: `explicit ${p}`, partition: p })),
    ];

    const { deliveries } = await runPythonClient<{ deliveries: Delivery[] }>(
      'confluent_produce.py',
      { bootstrap: target.bootstrap, topic, records },
      CLIENT_TIMEOUT_MS,
    );
    expect(deliveries.filter((d) => d.error !== null)).toEqual([]);
    expect(deliveries).toHaveLength(records.length);
    for (const d of deliveries) {
      const expected = d.key === null ? Number(d.value.split(' ')[1]) : librdkafkaPartitionForKey(Buffer.from(d.key), partitionCount);
      expect(d.partition, `record ${d.value}`).toBe(expected);
    }

    const read = await runPythonClient<{ records: ConsumedRecord[]; logEnd: OffsetsByPartition }>(
      'confluent_read_all.py',
      { bootstrap: target.bootstrap, topic, timeoutMs: 15_000 },
      CLIENT_TIMEOUT_MS,
    );
    const delivered = inLogOrder(deliveries.map(({ error: _error, ...record }) => record));
    expect(inLogOrder(read.records)).toEqual(delivered);
    for (const [partition, inPartition] of byPartition(delivered)) {
      expect(inPartition.map((r) => r.offset), `offsets of partition ${partition}`).toEqual(inPartition.map((_, i) => i));
      expect(read.logEnd[String(partition)], `log end of partition ${partition}`).toBe(inPartition.length);
    }
  });

  describe.each([
    { strategy: 'range', expectedAssignment: rangeAssignment },
    { strategy: 'roundrobin', expectedAssignment: roundRobinAssignment },
  ])('a group of three consumers with partition.assignment.strategy=$strategy', ({ strategy, expectedAssignment }) => {
    it('assigns by the strategy, consumes every record once and commits the log end offsets', async () => {
      const topic = uniqueName(`ck-${strategy}`);
      const group = uniqueName(`ck-${strategy}`);
      const partitionCount = await createTopic(topic);
      const keys = keysCoveringEveryPartition('event', partitionCount, 3, librdkafkaPartitionForKey);
      const records = keys.map((key, i) => ({ key, value: `payload ${i}` }));

      const run = await runPythonClient<GroupRun>(
        'confluent_group.py',
        { bootstrap: target.bootstrap, topic, group, members: 3, strategy, records, timeoutMs: 15_000 },
        CLIENT_TIMEOUT_MS,
      );
      const { members } = run;
      expect(run.partitionCount).toBe(partitionCount);
      expect(new Set(members.map((m) => m.generation)).size, 'members report one generation').toBe(1);
      expect(new Set(members.map((m) => m.memberId)).size, 'member ids are distinct').toBe(3);

      // Disjoint, covering, and exactly what librdkafka's assignor computes for these member ids.
      expect(members.flatMap((m) => m.assignment).sort((a, b) => a - b)).toEqual(Array.from({ length: partitionCount }, (_, p) => p));
      const expected = expectedAssignment(members.map((m) => m.memberId), partitionCount);
      for (const m of members) expect(m.assignment, `${strategy} assignment of ${m.memberId}`).toEqual(expected.get(m.memberId));

      // Every record once, each read by the member that owns its partition.
      const consumed = members.flatMap((m) => m.consumed);
      expect(consumed.map((r) => r.value).sort()).toEqual(records.map((r) => r.value).sort());
      for (const m of members) {
        for (const r of m.consumed) expect(m.assignment, `${m.memberId} read partition ${r.partition}`).toContain(r.partition);
        expect(m.commitErrors, `commit errors of ${m.memberId}`).toEqual([]);
      }

      // A fresh member of the group would resume at the end of every partition.
      const offsets = await runPythonClient<{ committed: OffsetsByPartition; logEnd: OffsetsByPartition }>(
        'confluent_committed.py',
        { bootstrap: target.bootstrap, topic, group },
        CLIENT_TIMEOUT_MS,
      );
      for (const [partition, inPartition] of byPartition(consumed)) {
        expect(offsets.logEnd[String(partition)], `log end of partition ${partition}`).toBe(inPartition.length);
      }
      expect(offsets.committed).toEqual(offsets.logEnd);
    });
  });
});
