import { afterAll, describe, expect, it } from 'vitest';
import { startBroker, type Broker } from '@lanes/broker';
import { loadStartSchema, type LoadGeneratorView } from '@lanes/events';
import { createKafka } from '../kafka/kafka-client';
import { ProducerService } from '../kafka/producer-service';
import { RecentKeys } from '../kafka/recent-keys';
import { TopicService } from '../kafka/topic-service';
import { LoadGenerators } from './load-generators';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

async function eventually<T>(what: string, read: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('LoadGenerators when Kafka goes away', () => {
  it('keeps the generator, shows the error, and clears it once sends land again', async () => {
    let broker: Broker = await startBroker({ port: 0 });
    const port = broker.port;
    cleanups.push(() => broker.close());
    const kafka = createKafka([broker.bootstrap], { logLevel: 'silent' });
    const admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    const topics = new TopicService(admin, broker, () => false);
    const producer = new ProducerService(kafka, topics, new RecentKeys());
    cleanups.push(() => producer.close());
    const states: LoadGeneratorView[][] = [];
    const logged: string[] = [];
    const load = new LoadGenerators({
      producer,
      topics,
      hub: { emit: ((event: string, views: LoadGeneratorView[]) => event === 'loadgen:state' && states.push(views)) as never },
      log: (message) => logged.push(message),
    });
    cleanups.push(() => load.close());

    await topics.create({ name: 'outage', partitions: 2 });
    const { id } = await load.start(loadStartSchema.parse({ topic: 'outage', ratePerSecond: 100, distribution: 'uniform' }));
    await eventually('records to land', () => load.views()[0]!.produced, (n) => n > 10);

    await broker.close();
    const failing = await eventually('the error to show', () => load.views()[0]!, (v) => v.error !== undefined);
    expect(failing).toMatchObject({ id, running: true });
    expect(failing.error).toMatch(/Could not produce to 'outage'/);
    expect(states.some((views) => views[0]!.error !== undefined)).toBe(true);
    expect(logged.some((line) => line.includes(`load generator ${id}`))).toBe(true);

    // The same port again, as a restarted broker would be; its memory is empty, so the topic too.
    broker = await startBroker({ port });
    // Created on the broker itself: the kafkajs admin still targets the vanished topic in its metadata
    // requests, so its createTopics fails with UNKNOWN_TOPIC_OR_PARTITION until it forgets it.
    broker.topics.create('outage', 2);
    const before = load.views()[0]!.produced;
    const recovered = await eventually('sends to land again', () => load.views()[0]!, (v) => v.error === undefined && v.produced > before + 10, 20_000);
    expect(recovered.running).toBe(true);
    load.stop(id);
    await load.close();
    const offsets = await admin.fetchTopicOffsets('outage');
    expect(offsets.reduce((total, o) => total + Number(o.high), 0)).toBe(load.views()[0]!.produced - before);
  });
});
