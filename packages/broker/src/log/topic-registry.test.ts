import { describe, expect, it } from 'vitest';
import { BrokerEvents, type BrokerEventMap } from '../broker-events';
import { TopicError } from './log-errors';
import { makeTestBatch } from './test-batch';
import { TopicRegistry, type TopicRegistryOptions } from './topic-registry';

function setUp(options: Partial<TopicRegistryOptions> = {}) {
  const events = new BrokerEvents();
  const registry = new TopicRegistry({ events, ...options });
  const seen: { name: string; payload: unknown }[] = [];
  for (const name of ['topic:created', 'topic:deleted', 'partitions:added'] as const) {
    events.on(name, (payload: BrokerEventMap[typeof name]) => seen.push({ name, payload }));
  }
  return { registry, seen };
}

function failure(run: () => unknown): { code: number; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof TopicError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a TopicError');
}

describe('TopicRegistry create', () => {
  it('creates a topic with empty partition logs, a 16-byte hex id and an event', () => {
    const { registry, seen } = setUp();
    const topic = registry.create('orders', 3, { 'retention.ms': '60000' });
    expect(topic.partitionCount).toBe(3);
    expect(topic.partitions.map((log) => [log.topic, log.partition, log.logEndOffset])).toEqual([
      ['orders', 0, 0],
      ['orders', 1, 0],
      ['orders', 2, 0],
    ]);
    expect(topic.topicId).toMatch(/^[0-9a-f]{32}$/);
    expect(topic.config.get('retention.ms')).toBe(60_000);
    expect(registry.get('orders')).toBe(topic);
    expect(registry.partition('orders', 2)).toBe(topic.partitions[2]);
    expect(registry.partition('orders', 3)).toBeUndefined();
    expect(seen).toEqual([{ name: 'topic:created', payload: { topic: 'orders', partitions: 3 } }]);
  });

  it('uses defaultPartitions for -1, 1 unless configured', () => {
    expect(setUp().registry.create('a', -1).partitionCount).toBe(1);
    expect(setUp({ defaultPartitions: 4 }).registry.create('a', -1).partitionCount).toBe(4);
  });

  it("enforces Kafka's topic name rules with INVALID_TOPIC_EXCEPTION (17)", () => {
    const { registry } = setUp();
    expect(failure(() => registry.create('my topic', 1))).toEqual({
      code: 17,
      message: "Topic names may contain only letters, digits, '.', '_' and '-'; 'my topic' contains ' '.",
    });
    expect(failure(() => registry.create('a/b:c/', 1)).message).toMatch(/contains '\/', ':'\.$/);
    expect(failure(() => registry.create('', 1))).toEqual({ code: 17, message: 'Topic name must not be empty.' });
    expect(failure(() => registry.create('.', 1)).code).toBe(17);
    expect(failure(() => registry.create('..', 1)).code).toBe(17);
    expect(failure(() => registry.create('x'.repeat(250), 1)).message).toBe(
      'Topic names may be at most 249 characters; this one has 250.',
    );
    expect(registry.create('x'.repeat(249), 1).name).toHaveLength(249);
    expect(registry.create('Valid_name-1.2', 1).name).toBe('Valid_name-1.2');
    expect(failure(() => registry.create('café', 1)).message).toMatch(/contains 'é'/);
  });

  it('refuses an existing name (36) and a name that collides after . -> _ (17)', () => {
    const { registry } = setUp();
    registry.create('page.views', 1);
    expect(failure(() => registry.create('page.views', 1))).toEqual({ code: 36, message: "Topic 'page.views' already exists." });
    expect(failure(() => registry.create('page_views', 1))).toMatchObject({
      code: 17,
      message: expect.stringContaining("collides with existing topic 'page.views'"),
    });
  });

  it('refuses bad partition counts (37) and replication factors other than 1 or -1 (38)', () => {
    const { registry } = setUp({ maxPartitionsPerTopic: 8 });
    expect(failure(() => registry.create('t', 0))).toMatchObject({ code: 37, message: expect.stringMatching(/at least 1/) });
    expect(failure(() => registry.create('t', -2)).code).toBe(37);
    expect(failure(() => registry.create('t', 9))).toEqual({
      code: 37,
      message: 'This broker allows at most 8 partitions per topic; got 9.',
    });
    expect(failure(() => registry.create('t', 1, {}, { replicationFactor: 3 }))).toEqual({
      code: 38,
      message: 'This broker is a single node, so the replication factor must be 1 (or -1 for the default); got 3.',
    });
    expect(failure(() => registry.create('t', 1, {}, { replicationFactor: 0 })).code).toBe(38);
    expect(failure(() => registry.create('t', 1, { 'cleanup.policy': 'compact' })).code).toBe(40);
    expect(registry.list()).toEqual([]);
    expect(registry.create('t', 1, {}, { replicationFactor: 1 }).partitionCount).toBe(1);
  });

  it('validates without creating when validateOnly is set', () => {
    const { registry, seen } = setUp();
    expect(registry.create('dry', 2, {}, { validateOnly: true }).partitionCount).toBe(2);
    expect(registry.get('dry')).toBeUndefined();
    expect(seen).toEqual([]);
  });

  it('refuses bad broker options at construction', () => {
    expect(() => setUp({ defaultPartitions: 0 })).toThrow(/defaultPartitions must be a whole number from 1/);
    expect(() => setUp({ topicDefaults: { 'retention.ms': 'forever' } })).toThrow(/retention.ms/);
  });
});

describe('TopicRegistry delete and list', () => {
  it('deletes a topic, frees its name and gives a recreated topic a new id', () => {
    const { registry, seen } = setUp();
    const first = registry.create('a.b', 1);
    registry.create('c', 1);
    expect(registry.list().map((topic) => topic.name)).toEqual(['a.b', 'c']);
    registry.delete('a.b');
    expect(registry.get('a.b')).toBeUndefined();
    expect(registry.list().map((topic) => topic.name)).toEqual(['c']);
    const second = registry.create('a_b', 1);
    expect(second.topicId).not.toBe(first.topicId);
    expect(seen.filter((event) => event.name === 'topic:deleted')).toEqual([{ name: 'topic:deleted', payload: { topic: 'a.b' } }]);
  });

  it('answers UNKNOWN_TOPIC_OR_PARTITION (3) for a topic that does not exist', () => {
    const { registry } = setUp();
    expect(failure(() => registry.delete('ghost'))).toEqual({ code: 3, message: "Topic 'ghost' does not exist." });
    expect(failure(() => registry.addPartitions('ghost', 2)).code).toBe(3);
    expect(failure(() => registry.require('ghost')).code).toBe(3);
  });
});

describe('TopicRegistry addPartitions', () => {
  it('adds empty partitions and keeps the data in existing ones', () => {
    const { registry, seen } = setUp();
    registry.create('t', 2);
    const { batch, info } = makeTestBatch({ records: 3 });
    registry.partition('t', 1)?.append(batch, info);
    const topic = registry.addPartitions('t', 5);
    expect(topic.partitions.map((log) => log.logEndOffset)).toEqual([0, 3, 0, 0, 0]);
    expect(topic.partitions.map((log) => log.partition)).toEqual([0, 1, 2, 3, 4]);
    expect(seen.at(-1)).toEqual({ name: 'partitions:added', payload: { topic: 't', from: 2, to: 5 } });
  });

  it('refuses to shrink, stay equal or pass the maximum with INVALID_PARTITIONS (37)', () => {
    const { registry } = setUp({ maxPartitionsPerTopic: 6 });
    registry.create('t', 3);
    expect(failure(() => registry.addPartitions('t', 3))).toEqual({
      code: 37,
      message: "Topic 't' already has 3 partitions; ask for more than 3 to add some.",
    });
    expect(failure(() => registry.addPartitions('t', 2))).toEqual({
      code: 37,
      message: "Topic 't' has 3 partitions and partitions cannot be removed; ask for more than 3, not 2.",
    });
    expect(failure(() => registry.addPartitions('t', 7)).code).toBe(37);
    expect(registry.addPartitions('t', 6, { validateOnly: true }).partitionCount).toBe(3);
    expect(registry.get('t')?.partitionCount).toBe(3);
  });
});

describe('TopicRegistry enforceRetention', () => {
  it('applies each topic’s retention to all its partitions', () => {
    const { registry } = setUp();
    registry.create('short', 2, { 'segment.bytes': '1024', 'retention.ms': '1000' });
    registry.create('long', 1, { 'segment.bytes': '1024' });
    const old = Date.now() - 10_000;
    for (const log of [registry.partition('short', 0), registry.partition('short', 1), registry.partition('long', 0)]) {
      for (let i = 0; i < 7; i++) {
        const { batch, info } = makeTestBatch({ payloadBytes: 139, timestamp: old });
        log?.append(batch, info);
      }
    }
    expect(registry.enforceRetention(Date.now())).toEqual([
      { topic: 'short', partition: 0, deletedSegments: 1 },
      { topic: 'short', partition: 1, deletedSegments: 1 },
    ]);
    expect(registry.partition('short', 0)?.logStartOffset).toBe(5);
    expect(registry.partition('long', 0)?.logStartOffset).toBe(0);
  });
});
