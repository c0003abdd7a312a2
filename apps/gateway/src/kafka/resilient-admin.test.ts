import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBroker, type Broker } from '@lanes/broker';
import type { Admin } from 'kafkajs';
import { createKafka } from './kafka-client';
import { createResilientAdmin } from './resilient-admin';

/**
 * The one admin every part of the gateway shares, against the embedded broker through kafkajs: the
 * dashboard reads offsets while a person deletes topics, and neither may fail because of the other.
 */
let broker: Broker;
let admin: Admin;
const replacements: string[] = [];

beforeAll(async () => {
  broker = await startBroker({ port: 0 });
  admin = createResilientAdmin(createKafka([broker.bootstrap], { logLevel: 'silent' }), (message) => replacements.push(message));
  await admin.connect();
});

afterAll(async () => {
  await admin?.disconnect();
  await broker?.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('deleting topics while other calls read offsets', () => {
  it('deletes every topic and answers every read, however the calls interleave', async () => {
    const failures: string[] = [];
    // kafkajs refreshes metadata after the broker deletes a topic; a read started a moment later
    // refreshes it for the topics it knows, the deleted one among them, and the delete shares that
    // refresh. Without running the delete alone, a few in every thirty fail here.
    for (let round = 0; round < 30; round++) {
      const deleted = `deleted-${round}`;
      const kept = `kept-${round}`;
      await admin.createTopics({ topics: [{ topic: deleted, numPartitions: 1 }, { topic: kept, numPartitions: 2 }] });
      await admin.fetchTopicOffsets(deleted);
      const deleting = admin.deleteTopics({ topics: [deleted] }).then(
        () => null,
        (error: unknown) => `round ${round}, delete: ${String(error)}`,
      );
      await pause(round % 2);
      const reading = admin.fetchTopicOffsets(kept).then(
        (offsets) => (offsets.length === 2 ? null : `round ${round}, read: ${offsets.length} partitions`),
        (error: unknown) => `round ${round}, read: ${String(error)}`,
      );
      failures.push(...(await Promise.all([deleting, reading])).filter((failure): failure is string => failure !== null));
    }
    expect(failures).toEqual([]);
    const left = await admin.listTopics();
    expect(left.filter((name) => name.startsWith('deleted-'))).toEqual([]);
    expect(left.filter((name) => name.startsWith('kept-'))).toHaveLength(30);
  }, 60_000);
});
