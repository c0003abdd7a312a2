import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPythonClient } from './client-process';
import { javaPartitionForKey } from './key-partitions';
import { startTarget, type TargetBroker } from './target-broker';
import { byPartition, inLogOrder, uniqueName } from './test-data';

interface Delivery {
  key: string | null;
  value: string;
  partition: number;
  offset: number;
}
interface ProduceResult {
  partitionCount: number;
  deliveries: Delivery[];
}
interface GroupConsumeResult {
  assignment: number[];
  records: Delivery[];
  committed: Record<string, number | null>;
}

const CLIENT_TIMEOUT_MS = 20_000;
/** Against the embedded broker topics are made with kafka-python's admin client and this many partitions. */
const ADMIN_PARTITIONS = 5;

describe('kafka-python 2.0.2 against the broker', () => {
  let target: TargetBroker;
  beforeAll(async () => {
    target = await startTarget();
  });
  afterAll(async () => {
    await target?.close();
  });

  /** The mock has no CreateTopics: there the producer's metadata request auto-creates the topic. */
  async function createTopic(topic: string): Promise<void> {
    if (target.kind === 'mock') return;
    const created = await runPythonClient<{ partitions: number }>(
      'kafka_python_create_topic.py',
      { bootstrap: target.bootstrap, topic, partitions: ADMIN_PARTITIONS },
      CLIENT_TIMEOUT_MS,
    );
    expect(created.partitions).toBe(ADMIN_PARTITIONS);
  }

  const produce = (topic: string, partitioner: 'default' | 'key-modulo', records: Array<{ key: string | null; value: string; partition?: number }>) =>
    runPythonClient<ProduceResult>('kafka_python_produce.py', { bootstrap: target.bootstrap, topic, partitioner, records }, CLIENT_TIMEOUT_MS);

  it('creates a topic with the requested partitions through KafkaAdminClient (CreateTopics)', async () => {
    const topic = uniqueName('kp-admin');
    const created = await runPythonClient<{ partitions: number }>(
      'kafka_python_create_topic.py',
      { bootstrap: target.bootstrap, topic, partitions: 3 },
      CLIENT_TIMEOUT_MS,
    );
    expect(created.partitions).toBe(3);
  });

  it('honours explicit, murmur2 and custom partitioning and a group consumer reads everything back', async () => {
    const topic = uniqueName('kp-partitioning');
    const group = uniqueName('kp-group');
    await createTopic(topic);

    const keyed = await produce(
      topic,
      'default',
      Array.from({ length: 12 }, (_, i) => ({ key: `customer-${i}`, value: `keyed ${i}` })),
    );
    const n = keyed.partitionCount;
    expect(n, 'with one partition every partitioner agrees: nothing would be tested').toBeGreaterThan(1);
    for (const d of keyed.deliveries) {
      expect(d.partition, `key ${d.key}`).toBe(javaPartitionForKey(Buffer.from(d.key ?? ''), n));
    }

    const explicit = await produce(
      topic,
      'default',
      Array.from({ length: n }, (_, p) => ({ key: p % 2 === 0 ? null : `explicit-${p}`, value: `explicit ${p}`, partition: n - 1 - p })),
    );
    expect(explicit.deliveries.map((d) => d.partition)).toEqual(Array.from({ length: n }, (_, p) => n - 1 - p));

    const modulo = await produce(
      topic,
      'key-modulo',
      Array.from({ length: 2 * n }, (_, i) => ({ key: String(i * 7), value: `modulo ${i}` })),
    );
    expect(modulo.deliveries.map((d) => d.partition)).toEqual(modulo.deliveries.map((d) => Number(d.key) % n));

    // The broker numbered each partition's records 0, 1, 2... in arrival order.
    const all = [...keyed.deliveries, ...explicit.deliveries, ...modulo.deliveries];
    for (const [partition, records] of byPartition(inLogOrder(all))) {
      expect(records.map((r) => r.offset), `offsets of partition ${partition}`).toEqual(records.map((_, i) => i));
    }

    const consumed = await runPythonClient<GroupConsumeResult>(
      'kafka_python_group_consume.py',
      { bootstrap: target.bootstrap, topic, group, expected: all.length, timeoutMs: 15_000 },
      CLIENT_TIMEOUT_MS,
    );
    expect(consumed.assignment).toEqual(Array.from({ length: n }, (_, p) => p));
    expect(inLogOrder(consumed.records)).toEqual(inLogOrder(all));
    // The manual commit stored each partition's next offset (its log end) in the group.
    for (const [partition, records] of byPartition(all)) {
      expect(consumed.committed[String(partition)], `committed offset of partition ${partition}`).toBe(records.length);
    }
  });
});
