import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBroker, type Broker } from '@lanes/broker';
import type { Admin } from 'kafkajs';
import type { TopicView } from '@lanes/events';
import { createKafka } from './kafka/kafka-client';
import { createResilientAdmin } from './kafka/resilient-admin';
import { TopicService } from './kafka/topic-service';
import { TopicViews } from './topic-views';

/** The topic list browsers are sent, read through kafkajs from the embedded broker. */
let broker: Broker;
let admin: Admin;
let views: TopicViews;
const sent: TopicView[][] = [];
const adminReplacements: string[] = [];

beforeAll(async () => {
  broker = await startBroker({ port: 0 });
  admin = createResilientAdmin(createKafka([broker.bootstrap], { logLevel: 'silent' }), (message) => adminReplacements.push(message));
  await admin.connect();
  views = new TopicViews(new TopicService(admin, broker, () => false), (list) => sent.push(list), () => true, 60_000);
});

afterAll(async () => {
  views?.close();
  await admin?.disconnect();
  await broker?.close();
});

const names = (list: TopicView[]) => list.map((topic) => topic.name);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('TopicViews', () => {
  it('answers a refresh asked for after a change with the change, though an older read was under way', async () => {
    // The older read has read Kafka before the topic exists and is slow to finish, as over a real
    // cluster; it is held until the newer read has answered (or a second has passed).
    let releaseOlder = () => {};
    const held = new Promise<void>((resolve) => {
      releaseOlder = resolve;
      setTimeout(resolve, 1000);
    });
    class SlowFirstRead extends TopicService {
      private reads = 0;
      override async list(): Promise<TopicView[]> {
        const list = await super.list();
        if (++this.reads === 1) await held;
        return list;
      }
    }
    const slowSent: TopicView[][] = [];
    const slowViews = new TopicViews(new SlowFirstRead(admin, broker, () => false), (list) => slowSent.push(list), () => true, 60_000);
    try {
      const older = slowViews.refresh();
      await pause(100);
      await admin.createTopics({ topics: [{ topic: 'created-meanwhile', numPartitions: 1 }] });
      const after = await slowViews.refresh();
      releaseOlder();
      expect(names(after)).toContain('created-meanwhile');
      expect(names(await older)).not.toContain('created-meanwhile');
      expect(names(slowViews.current()), 'the older read must not overwrite the newer list').toContain('created-meanwhile');
      expect(slowSent.map(names).at(-1)).toContain('created-meanwhile');
    } finally {
      slowViews.close();
    }
  });

  it('lists the topics that remain while others are deleted under it', async () => {
    const created = Array.from({ length: 12 }, (_, i) => `short-lived-${i}`);
    await admin.createTopics({ topics: [...created, 'stays'].map((topic) => ({ topic, numPartitions: 1 })) });
    const failures: string[] = [];
    for (const name of created) {
      const reading = views.refresh().then(
        (list) => (names(list).includes('stays') ? null : `while deleting ${name}: 'stays' missing`),
        (error: unknown) => `while deleting ${name}: ${String(error)}`,
      );
      await admin.deleteTopics({ topics: [name] });
      const failure = await reading;
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
    expect(adminReplacements, 'a topic deleted between two reads is not a stale client').toEqual([]);
    const final = names(await views.refresh());
    expect(final).toContain('stays');
    expect(final.filter((name) => name.startsWith('short-lived-'))).toEqual([]);
  });
});
