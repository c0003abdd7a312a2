import { describe, expect, it } from 'vitest';
import { sleep, useConnectedKit, uniqueName, waitFor } from './kafkajs-test-kit';
import { offsetsByPartition, startRecordingConsumer } from './recording-consumer';

describe('kafkajs 2.2.4 committed offsets on the embedded broker', () => {
  const connected = useConnectedKit('conformance-commits');

  const committed = async (groupId: string, topic: string): Promise<Record<number, string>> => {
    const [fetched] = await connected.admin.fetchOffsets({ groupId, topics: [topic] });
    return Object.fromEntries((fetched?.partitions ?? []).map(({ partition, offset }) => [partition, offset]));
  };

  it('resumes a restarted consumer at its committed offsets: it gets only the records produced while it was away', async () => {
    const topic = uniqueName('commits');
    const groupId = uniqueName('commits');
    await connected.admin.createTopics({ topics: [{ topic, numPartitions: 3 }] });
    // A group that never committed has nothing to show: -1 everywhere.
    expect(await committed(groupId, topic)).toEqual({ 0: '-1', 1: '-1', 2: '-1' });

    const first = [4, 2, 3]; // records per partition before the restart
    await connected.producer.send({ topic, messages: first.flatMap((count, partition) => Array.from({ length: count }, (_, i) => ({ partition, value: `before ${partition}/${i}` }))) });
    const before = await startRecordingConsumer(connected.kafka, { groupId, topic, fromBeginning: true });
    try {
      await waitFor(() => before.records.length >= 9, () => `consumed ${before.records.length} of 9\n${connected.kit.logs()}`, 10_000);
    } finally {
      // disconnect() commits what was consumed, then leaves the group.
      await before.consumer.disconnect();
    }
    expect(offsetsByPartition(before.records)).toEqual({ 0: [0, 1, 2, 3], 1: [0, 1], 2: [0, 1, 2] });
    // The committed offset is the next one to read (Kafka's convention), i.e. the log end here.
    expect(await committed(groupId, topic)).toEqual({ 0: '4', 1: '2', 2: '3' });

    const second = [1, 3, 0];
    await connected.producer.send({ topic, messages: second.flatMap((count, partition) => Array.from({ length: count }, (_, i) => ({ partition, value: `after ${partition}/${i}` }))) });
    // fromBeginning only applies where nothing is committed; a re-read from 0 would show up here.
    const after = await startRecordingConsumer(connected.kafka, { groupId, topic, fromBeginning: true });
    try {
      await waitFor(() => after.records.length >= 4, () => `consumed ${after.records.length} of 4\n${connected.kit.logs()}`, 10_000);
      await sleep(500);
    } finally {
      await after.consumer.disconnect();
    }

    expect(offsetsByPartition(after.records)).toEqual({ 0: [4], 1: [2, 3, 4] });
    expect(after.records.map((r) => r.value).sort()).toEqual(['after 0/0', 'after 1/0', 'after 1/1', 'after 1/2']);
    expect(await committed(groupId, topic)).toEqual({ 0: '5', 1: '5', 2: '3' });
  });

  it('keeps commits per group: another group on the same topic starts from its own position', async () => {
    const topic = uniqueName('commits-two-groups');
    const reading = uniqueName('commits-reading');
    const idle = uniqueName('commits-idle');
    await connected.admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    await connected.producer.send({ topic, messages: [{ value: 'one' }, { value: 'two' }] });

    const consumer = await startRecordingConsumer(connected.kafka, { groupId: reading, topic });
    try {
      await waitFor(() => consumer.records.length >= 2, () => `consumed ${consumer.records.length} of 2`, 10_000);
    } finally {
      await consumer.consumer.disconnect();
    }

    expect(await committed(reading, topic)).toEqual({ 0: '2' });
    expect(await committed(idle, topic)).toEqual({ 0: '-1' });
    const groups = (await connected.admin.listGroups()).groups.map((g) => g.groupId);
    expect(groups).toContain(reading);
    expect(groups).not.toContain(idle);
  });
  it('moves an idle group with connected.admin.setOffsets, and forgets its commits with connected.admin.deleteGroups', async () => {
    const topic = uniqueName('commits-set');
    const groupId = uniqueName('commits-set');
    await connected.admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });
    await connected.producer.send({ topic, messages: [0, 1, 2, 3, 4, 5].map((i) => ({ partition: i % 2, value: `v${i}` })) });

    // kafkajs joins the group with a paused consumer and commits its seeks; it idles for its
    // default 5 s fetch wait first (nothing to fetch while paused), which is kafkajs, not the broker.
    await connected.admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '2' }, { partition: 1, offset: '1' }] });

    expect(await committed(groupId, topic)).toEqual({ 0: '2', 1: '1' });
    const consumer = await startRecordingConsumer(connected.kafka, { groupId, topic, fromBeginning: true });
    try {
      await waitFor(() => consumer.records.length >= 3, () => `consumed ${consumer.records.length} of 3\n${connected.kit.logs()}`, 10_000);
      await sleep(300);
    } finally {
      await consumer.consumer.disconnect();
    }
    expect(offsetsByPartition(consumer.records)).toEqual({ 0: [2], 1: [1, 2] });
    expect(await committed(groupId, topic)).toEqual({ 0: '3', 1: '3' });

    const [deleted] = await connected.admin.deleteGroups([groupId]);
    expect(deleted).toMatchObject({ groupId, errorCode: 0 });
    expect(await committed(groupId, topic)).toEqual({ 0: '-1', 1: '-1' });
    expect((await connected.admin.listGroups()).groups.map((g) => g.groupId)).not.toContain(groupId);
  });
});
