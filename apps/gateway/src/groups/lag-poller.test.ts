import { startBroker, type Broker } from '@lanes/broker';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LagPoller } from './lag-poller';

let broker: Broker;
let admin: Admin;

beforeAll(async () => {
  broker = await startBroker({ port: 0 });
  admin = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  await admin.connect();
});

afterAll(async () => {
  await admin.disconnect();
  await broker.close();
});

describe('LagPoller', () => {
  it('says which topic it could not read, once, when a group topic is deleted', async () => {
    await admin.createTopics({ topics: [{ topic: 'lag-then-gone', numPartitions: 2 }], waitForLeaders: true });
    const errors: string[] = [];
    const readings: number[] = [];
    const poller = new LagPoller({
      admin,
      groupId: 'lag-reader',
      topics: ['lag-then-gone'],
      autoOffsetReset: 'earliest',
      intervalMs: 50,
      onReading: (reading) => readings.push(reading.lag.length),
      onError: (message) => errors.push(message),
    });
    poller.start();
    await until(() => readings.length > 0);
    await admin.deleteTopics({ topics: ['lag-then-gone'] });
    await until(() => errors.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    poller.stop();

    expect(readings[0]).toBe(2);
    expect(errors).toEqual(["Could not read the lag of group 'lag-reader': topic 'lag-then-gone' does not exist (deleted?); the lag stays unknown until it exists again"]);
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
