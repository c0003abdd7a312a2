import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunningProcess, runProcess, waitForAll } from './client-process';
import { KCAT, KCAT_RECORD_FORMAT, kcatCurrentAssignment, kcatPartitionCount, kcatProduceKeyed, parseKcatRecords } from './kcat-client';
import { librdkafkaPartitionForKey } from './key-partitions';
import { startTarget, type TargetBroker } from './target-broker';
import { byPartition, inLogOrder, keysCoveringEveryPartition, uniqueName } from './test-data';

// kcat has no admin commands: topics come from auto-creation (its metadata request), on both targets.
describe('kcat (librdkafka 2.0.2) against the broker', () => {
  let target: TargetBroker;
  beforeAll(async () => {
    target = await startTarget();
  });
  afterAll(async () => {
    await target?.close();
  });

  it('stores keyed records in the partitions librdkafka chose and serves them back intact', async () => {
    const topic = uniqueName('kcat-keyed');
    const partitionCount = await kcatPartitionCount(target.bootstrap, topic);
    expect(partitionCount, 'with one partition every partitioner agrees: nothing would be tested').toBeGreaterThan(1);
    const keys = keysCoveringEveryPartition('user', partitionCount, 3, librdkafkaPartitionForKey);
    const produced = keys.map((key, i) => ({ key, value: `value ${i} with spaces, ünïcode` }));

    await kcatProduceKeyed(target.bootstrap, topic, produced);
    const read = await runProcess(KCAT, ['-b', target.bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', KCAT_RECORD_FORMAT], {
      timeoutMs: 15_000,
    });
    expect(read.code, read.stderr).toBe(0);
    const consumed = parseKcatRecords(read.stdout.split('\n'));

    // Every key sits where librdkafka's consistent_random partitioner (crc32 % n) put it.
    for (const record of consumed) {
      expect(record.partition, `key ${record.key}`).toBe(librdkafkaPartitionForKey(Buffer.from(record.key), partitionCount));
    }
    // Offsets are 0, 1, 2... in each partition, in the order kcat sent the records.
    for (const [partition, records] of byPartition(inLogOrder(consumed))) {
      expect(records.map((r) => r.offset), `offsets of partition ${partition}`).toEqual(records.map((_, i) => i));
      const sentHere = produced.filter((r) => librdkafkaPartitionForKey(Buffer.from(r.key), partitionCount) === partition);
      expect(records.map(({ key, value }) => ({ key, value }))).toEqual(sentHere);
    }
    expect(consumed).toHaveLength(produced.length);
  });

  it('splits a topic between two balanced consumers (-G) that together read every record once', async () => {
    const topic = uniqueName('kcat-group');
    const group = uniqueName('kcat-group');
    const partitionCount = await kcatPartitionCount(target.bootstrap, topic);
    expect(partitionCount, 'two members need two partitions to share the topic').toBeGreaterThan(1);
    const member = (): RunningProcess =>
      new RunningProcess(KCAT, [
        '-b', target.bootstrap, '-G', group, '-u', '-f', KCAT_RECORD_FORMAT,
        '-X', 'session.timeout.ms=6000', '-X', 'heartbeat.interval.ms=500',
        '-X', 'fetch.wait.max.ms=100', '-X', 'auto.offset.reset=earliest',
        topic,
      ]);
    const members = [member(), member()];
    try {
      // Produce only once the group is stable, so no rebalance can hand a record to a second member.
      const assignments = (): number[][] => members.map((m) => kcatCurrentAssignment(m.stderrLines));
      await waitForAll(
        members,
        () => {
          const held = assignments();
          return held.every((partitions) => partitions.length > 0) && sameNumbers(held.flat(), range(partitionCount));
        },
        'both kcat members to hold disjoint partitions covering the topic',
        15_000,
      );

      const keys = keysCoveringEveryPartition('order', partitionCount, 2, librdkafkaPartitionForKey);
      const produced = keys.map((key, i) => ({ key, value: `v${i}` }));
      await kcatProduceKeyed(target.bootstrap, topic, produced);
      const consumedBy = (m: RunningProcess) => parseKcatRecords(m.stdoutLines);
      await waitForAll(members, () => members.flatMap(consumedBy).length >= produced.length, 'every record to be consumed', 10_000);

      const consumed = members.flatMap(consumedBy);
      expect(consumed.map(({ key, value }) => ({ key, value })).sort(byKey)).toEqual([...produced].sort(byKey));
      members.forEach((m, i) => {
        const own = assignments()[i] ?? [];
        for (const record of consumedBy(m)) expect(own, `member ${i} read partition ${record.partition}`).toContain(record.partition);
      });
    } finally {
      await Promise.all(members.map((m) => m.stop()));
    }
  });
});

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function sameNumbers(a: number[], b: number[]): boolean {
  const sorted = [...a].sort((x, y) => x - y);
  return sorted.length === b.length && sorted.every((x, i) => x === b[i]);
}

function byKey(a: { key: string }, b: { key: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
