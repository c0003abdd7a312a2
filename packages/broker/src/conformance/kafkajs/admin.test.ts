import { ConfigResourceTypes, ConfigSource, KafkaJSAggregateError, type Admin, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKER_DEFAULT_PARTITIONS, startKafkajsTestKit, uniqueName, type KafkajsTestKit } from './kafkajs-test-kit';

describe('kafkajs 2.2.4 admin against the embedded broker', () => {
  let kit: KafkajsTestKit;
  let admin: Admin;
  let producer: Producer;
  beforeAll(async () => {
    kit = await startKafkajsTestKit();
    admin = kit.kafka('conformance-admin').admin();
    producer = kit.kafka('conformance-admin-producer').producer({ allowAutoTopicCreation: false });
    await Promise.all([admin.connect(), producer.connect()]);
  });
  afterAll(async () => {
    await Promise.all([admin?.disconnect(), producer?.disconnect()]);
    await kit?.close();
  });

  const partitionCount = async (topic: string): Promise<number> => {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    return topics.find((t) => t.name === topic)?.partitions.length ?? 0;
  };

  it('creates a topic with the partitions asked for, and with the broker default for -1 (KIP-464)', async () => {
    const explicit = uniqueName('admin-explicit');
    const byDefault = uniqueName('admin-default');

    const created = await admin.createTopics({
      topics: [
        { topic: explicit, numPartitions: 7 },
        { topic: byDefault, numPartitions: -1, replicationFactor: -1 },
      ],
    });

    expect(created).toBe(true);
    expect(await partitionCount(explicit)).toBe(7);
    expect(await partitionCount(byDefault)).toBe(BROKER_DEFAULT_PARTITIONS);
    expect(await admin.listTopics()).toEqual(expect.arrayContaining([explicit, byDefault]));
  });

  it('answers TOPIC_ALREADY_EXISTS to a second create, which kafkajs reports as false, and keeps the topic as it was', async () => {
    const topic = uniqueName('admin-twice');
    expect(await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] })).toBe(true);

    expect(await admin.createTopics({ topics: [{ topic, numPartitions: 9 }] })).toBe(false);
    expect(await partitionCount(topic)).toBe(2);
  });

  it('rejects an invalid topic name with INVALID_TOPIC_EXCEPTION naming the topic, and creates nothing', async () => {
    const invalid = 'no spaces/or slashes allowed';

    const error = await admin.createTopics({ topics: [{ topic: invalid, numPartitions: 1 }] }).then(
      () => null,
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(KafkaJSAggregateError);
    const [topicError] = (error as KafkaJSAggregateError).errors as Array<Error & { type?: string; topic?: string }>;
    expect(topicError).toMatchObject({ type: 'INVALID_TOPIC_EXCEPTION', topic: invalid });
    expect(await admin.listTopics()).not.toContain(invalid);
  });

  it('deletes a topic: it leaves listTopics and metadata, and its name can be used again', async () => {
    const doomed = uniqueName('admin-doomed');
    const kept = uniqueName('admin-kept');
    await admin.createTopics({ topics: [{ topic: doomed, numPartitions: 3 }, { topic: kept, numPartitions: 1 }] });

    await admin.deleteTopics({ topics: [doomed] });

    const listed = await admin.listTopics();
    expect(listed).not.toContain(doomed);
    expect(listed).toContain(kept);
    await expect(admin.fetchTopicMetadata({ topics: [doomed] })).rejects.toMatchObject({ type: 'UNKNOWN_TOPIC_OR_PARTITION' });
    // A deleted name is free again, starting from nothing.
    expect(await admin.createTopics({ topics: [{ topic: doomed, numPartitions: 2 }] })).toBe(true);
    expect(await partitionCount(doomed)).toBe(2);
    const offsets = await admin.fetchTopicOffsets(doomed);
    expect(offsets.map(({ partition, high, low }) => ({ partition, high, low }))).toEqual([
      { partition: 0, high: '0', low: '0' },
      { partition: 1, high: '0', low: '0' },
    ]);
  });

  it('grows a topic with createPartitions; metadata then shows every partition, and the new ones take records', async () => {
    const topic = uniqueName('admin-grow');
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });

    await admin.createPartitions({ topicPartitions: [{ topic, count: 5 }] });

    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(topics[0]?.partitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2, 3, 4]);
    const [written] = await producer.send({ topic, messages: [{ partition: 4, value: 'in a new partition' }] });
    expect(written).toMatchObject({ topicName: topic, partition: 4, errorCode: 0, baseOffset: '0' });
  });

  it('refuses to shrink a topic with createPartitions', async () => {
    const topic = uniqueName('admin-shrink');
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] });

    await expect(admin.createPartitions({ topicPartitions: [{ topic, count: 2 }] })).rejects.toMatchObject({
      type: 'INVALID_PARTITIONS',
    });
    expect(await partitionCount(topic)).toBe(3);
  });

  it('describes a topic config, each value with its source: topic override, broker setting, Kafka default', async () => {
    const topic = uniqueName('admin-config');
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '123456' }] }] });

    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
    });

    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({ errorCode: 0, resourceType: ConfigResourceTypes.TOPIC, resourceName: topic });
    const entries = new Map(resources[0]!.configEntries.map((entry) => [entry.configName, entry]));
    expect(entries.get('retention.ms')).toMatchObject({ configValue: '123456', configSource: ConfigSource.TOPIC_CONFIG, isDefault: false });
    // The broker's own options act like server.properties (log.segment.bytes): a static broker config.
    expect(entries.get('segment.bytes')).toMatchObject({
      configValue: String(kit.broker.options.segmentBytes),
      configSource: ConfigSource.STATIC_BROKER_CONFIG,
      isDefault: false,
    });
    expect(entries.get('cleanup.policy')).toMatchObject({ configValue: 'delete', configSource: ConfigSource.DEFAULT_CONFIG, isDefault: true });
  });

  it('describes only the config names asked for', async () => {
    const topic = uniqueName('admin-config-names');
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });

    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['cleanup.policy'] }],
    });

    expect(resources[0]?.configEntries.map((entry) => [entry.configName, entry.configValue])).toEqual([['cleanup.policy', 'delete']]);
  });

  it('reports earliest and latest offsets per partition with fetchTopicOffsets', async () => {
    const topic = uniqueName('admin-offsets');
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] });
    const counts = [4, 0, 2];
    for (const [partition, count] of counts.entries()) {
      if (count === 0) continue;
      await producer.send({ topic, messages: Array.from({ length: count }, (_, i) => ({ partition, value: `p${partition}-${i}` })) });
    }

    const offsets = await admin.fetchTopicOffsets(topic);

    expect(offsets.map(({ partition, low, high, offset }) => ({ partition, low, high, offset }))).toEqual(
      counts.map((count, partition) => ({ partition, low: '0', high: String(count), offset: String(count) })),
    );
  });

  it('finds the first offset at or after a timestamp with fetchTopicOffsetsByTimestamp, and the end offset past the last record', async () => {
    const topic = uniqueName('admin-by-time');
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    const base = Date.now() - 60_000;
    // One send per record: each is its own batch with its own timestamp.
    for (const i of [0, 1, 2, 3]) {
      await producer.send({ topic, messages: [{ value: `at ${i}`, timestamp: String(base + i * 1000) }] });
    }

    const at = async (timestamp: number) => (await admin.fetchTopicOffsetsByTimestamp(topic, timestamp)).map((p) => p.offset);

    expect(await at(base - 5000)).toEqual(['0']);
    expect(await at(base)).toEqual(['0']);
    expect(await at(base + 1)).toEqual(['1']);
    expect(await at(base + 2500)).toEqual(['3']);
    // Nothing that late: Kafka answers -1 and kafkajs substitutes the high watermark.
    expect(await at(base + 10_000)).toEqual(['4']);
  });

  it('finds the exact record, not its batch, when the records of one batch have different timestamps', async () => {
    const topic = uniqueName('admin-by-time-in-batch');
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    const base = Date.now() - 60_000;
    // One send: kafkajs puts all four records in one batch, each keeping its own CreateTime.
    const [written] = await producer.send({
      topic,
      messages: [0, 1, 2, 3].map((i) => ({ value: `at ${i}`, timestamp: String(base + i * 1000) })),
    });
    expect(written?.baseOffset).toBe('0');
    expect(kit.broker.topics.partition(topic, 0)?.highWatermark).toBe(4);

    // Kafka's ListOffsets looks inside the batch (LogSegment.findOffsetByTimestamp): the record at
    // base + 2000 is offset 2. Answering the batch's base offset would make a consumer that seeks
    // by time re-read records older than the time it asked for.
    const [found] = await admin.fetchTopicOffsetsByTimestamp(topic, base + 1500);
    expect(found?.offset, 'ListOffsets for base + 1500 ms should answer the record at base + 2000 ms (offset 2)').toBe('2');
  });
});
