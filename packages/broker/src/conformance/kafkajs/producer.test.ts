import { CompressionTypes, Partitioners, type Admin, type Kafka, type PartitionMetadata } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrokerEventMap } from '../../index';
import { startKafkajsTestKit, uniqueName, type KafkajsTestKit } from './kafkajs-test-kit';
import { offsetsByPartition, readTopic } from './recording-consumer';

type AppendedBatch = BrokerEventMap['batch:appended'];

describe('kafkajs 2.2.4 producer against the embedded broker', () => {
  let kit: KafkajsTestKit;
  let kafka: Kafka;
  let admin: Admin;
  const appended: AppendedBatch[] = [];
  beforeAll(async () => {
    kit = await startKafkajsTestKit();
    kit.broker.events.on('batch:appended', (batch) => appended.push(batch));
    kafka = kit.kafka('conformance-producer');
    admin = kafka.admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.disconnect();
    await kit?.close();
  });

  const createTopic = async (prefix: string, numPartitions: number): Promise<{ topic: string; partitionMetadata: PartitionMetadata[] }> => {
    const topic = uniqueName(prefix);
    await admin.createTopics({ topics: [{ topic, numPartitions }] });
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    return { topic, partitionMetadata: topics[0]!.partitions };
  };
  const batchesOf = (topic: string): AppendedBatch[] => appended.filter((batch) => batch.topic === topic);

  it('puts each keyed record where kafkajs DefaultPartitioner (murmur2) says, at consecutive offsets from 0', async () => {
    const { topic, partitionMetadata } = await createTopic('producer-keys', 4);
    const messages = Array.from({ length: 40 }, (_, i) => ({ key: `customer-${i % 13}`, value: `order ${i}` }));
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({ topic, messages });
    } finally {
      await producer.disconnect();
    }

    const consumed = await readTopic(kafka, topic, messages.length);

    const partitionFor = Partitioners.DefaultPartitioner();
    const expected = messages.map((message) => ({ ...message, partition: partitionFor({ topic, partitionMetadata, message }) }));
    expect(new Set(expected.map((m) => m.partition)).size, 'keys should reach every partition').toBe(4);
    expect(consumed).toHaveLength(messages.length);
    for (const partition of [0, 1, 2, 3]) {
      const sentHere = expected.filter((m) => m.partition === partition);
      const readHere = consumed.filter((r) => r.partition === partition);
      // In send order, numbered 0, 1, 2... in the partition kafkajs chose.
      expect(readHere.map(({ offset, key, value }) => ({ offset, key, value })), `partition ${partition}`).toEqual(
        sentHere.map(({ key, value }, offset) => ({ offset, key, value })),
      );
    }
  });

  it('spreads keyless records round-robin over every partition', async () => {
    const { topic } = await createTopic('producer-no-keys', 4);
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({ topic, messages: Array.from({ length: 12 }, (_, i) => ({ value: `v${i}` })) });
    } finally {
      await producer.disconnect();
    }

    const consumed = await readTopic(kafka, topic, 12);

    expect(offsetsByPartition(consumed)).toEqual({ 0: [0, 1, 2], 1: [0, 1, 2], 2: [0, 1, 2], 3: [0, 1, 2] });
    expect(consumed.map((r) => r.value).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `v${i}`).sort());
  });

  it('honours an explicit partition, whatever the key would hash to', async () => {
    const { topic } = await createTopic('producer-explicit', 3);
    const producer = kafka.producer();
    await producer.connect();
    try {
      const metadata = await producer.send({
        topic,
        messages: [
          { key: 'a', value: 'first', partition: 2 },
          { key: 'b', value: 'second', partition: 2 },
          { key: 'c', value: 'third', partition: 0 },
        ],
      });
      expect(metadata.map(({ partition, baseOffset, errorCode }) => ({ partition, baseOffset, errorCode })).sort((a, b) => a.partition - b.partition)).toEqual([
        { partition: 0, baseOffset: '0', errorCode: 0 },
        { partition: 2, baseOffset: '0', errorCode: 0 },
      ]);
    } finally {
      await producer.disconnect();
    }

    const consumed = await readTopic(kafka, topic, 3);

    expect(consumed.map(({ partition, offset, key, value }) => ({ partition, offset, key, value })).sort((a, b) => a.partition - b.partition || a.offset - b.offset)).toEqual([
      { partition: 0, offset: 0, key: 'c', value: 'third' },
      { partition: 2, offset: 0, key: 'a', value: 'first' },
      { partition: 2, offset: 1, key: 'b', value: 'second' },
    ]);
  });

  it('accepts an idempotent producer: InitProducerId gives it an id, its batches carry it, and each record lands once', async () => {
    const { topic } = await createTopic('producer-idempotent', 2);
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const sends = 5;
    try {
      for (let i = 0; i < sends; i++) {
        await producer.send({ topic, messages: [0, 1].map((partition) => ({ partition, value: `send ${i} to ${partition}` })) });
      }
    } finally {
      await producer.disconnect();
    }

    const batches = batchesOf(topic);
    expect(batches, kit.logs()).toHaveLength(sends * 2);
    const producerIds = new Set(batches.map((batch) => batch.producerId));
    expect(producerIds.size, 'one producer, one id').toBe(1);
    expect([...producerIds][0]).toBeGreaterThanOrEqual(0);
    const consumed = await readTopic(kafka, topic, sends * 2);
    expect(offsetsByPartition(consumed)).toEqual({ 0: [0, 1, 2, 3, 4], 1: [0, 1, 2, 3, 4] });
    expect(consumed.filter((r) => r.partition === 1).map((r) => r.value)).toEqual(
      Array.from({ length: sends }, (_, i) => `send ${i} to 1`),
    );
  });

  it('gives two idempotent producers different ids', async () => {
    const { topic } = await createTopic('producer-two-ids', 1);
    for (const name of ['first', 'second']) {
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      await producer.send({ topic, messages: [{ value: name }] });
      await producer.disconnect();
    }

    const ids = batchesOf(topic).map((batch) => batch.producerId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBeGreaterThanOrEqual(0);
    expect(ids[1]).toBeGreaterThanOrEqual(0);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('stores batches of a non-idempotent producer without a producer id (-1)', async () => {
    const { topic } = await createTopic('producer-plain', 1);
    const producer = kafka.producer({ idempotent: false });
    await producer.connect();
    try {
      await producer.send({ topic, messages: [{ value: 'a' }, { value: 'b' }] });
      await producer.send({ topic, messages: [{ value: 'c' }] });
    } finally {
      await producer.disconnect();
    }

    expect(batchesOf(topic).map(({ producerId, baseOffset, count }) => ({ producerId, baseOffset, count }))).toEqual([
      { producerId: -1, baseOffset: 0, count: 2 },
      { producerId: -1, baseOffset: 2, count: 1 },
    ]);
    expect((await readTopic(kafka, topic, 3)).map((r) => r.value)).toEqual(['a', 'b', 'c']);
  });

  it('stores gzip batches compressed and serves them back so a consumer reads the same values', async () => {
    const { topic } = await createTopic('producer-gzip', 1);
    const values = Array.from({ length: 20 }, (_, i) => `gzip record ${i} `.repeat(200));
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic, compression: CompressionTypes.GZIP, messages: values.map((value, i) => ({ key: `k${i}`, value })) });
    } finally {
      await producer.disconnect();
    }

    const [batch] = batchesOf(topic);
    const plainBytes = values.reduce((sum, value) => sum + value.length, 0);
    expect(batch).toMatchObject({ baseOffset: 0, count: 20 });
    // Stored as sent: a batch this much smaller than its values can only be compressed.
    expect(batch!.bytes).toBeLessThan(plainBytes / 10);
    const consumed = await readTopic(kafka, topic, values.length);
    expect(consumed.map(({ offset, key, value }) => ({ offset, key, value }))).toEqual(
      values.map((value, i) => ({ offset: i, key: `k${i}`, value })),
    );
  });
});
