import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { startBroker, type Broker } from '@lanes/broker';
import type { ConnectionView, ProduceResult } from '@lanes/events';
import { loopbackUrl, rest, sleep, startTestGateway, TestClient, waitFor, type RunningGateway } from './gateway-harness';

/**
 * External mode (KAFKA_BROKERS): the gateway is a client of a Kafka it did not start. Here that Kafka
 * is an embedded broker on a fixed port, stopped and replaced by a new one as an operator would
 * restart a cluster. A new broker starts empty, so offsets restart at 0: "none twice, none missing"
 * means every record the old broker held is shown once, and every record the new one holds is shown
 * once, even though their offsets overlap.
 */
const TOPIC = 'restarts';
let port: number;
let broker: Broker | null = null;
let gateway: RunningGateway;
let client: TestClient;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: chosen } = server.address() as { port: number };
      server.close(() => resolve(chosen));
    });
  });
}

/** An outside client of the broker now on `port`, as another application on the cluster. */
async function outsideClient(): Promise<{ admin: Admin; producer: Producer; close(): Promise<void> }> {
  const kafka = new Kafka({ clientId: 'outside', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer();
  await admin.connect();
  await producer.connect();
  return {
    admin,
    producer,
    async close() {
      await producer.disconnect();
      await admin.disconnect();
    },
  };
}

function statuses(): string[] {
  return client.all<ConnectionView>('connection:state').map((c) => c.status);
}

beforeAll(async () => {
  port = await freePort();
  broker = await startBroker({ host: '127.0.0.1', port });
  const outside = await outsideClient();
  await outside.admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 2 }], waitForLeaders: true });
  await outside.close();
  gateway = await startTestGateway({ kafkaBrokers: `127.0.0.1:${port}` });
  client = await TestClient.connect(loopbackUrl(gateway));
});

afterAll(async () => {
  client?.close();
  await gateway?.close();
  await broker?.close();
});

describe('a gateway in external mode', () => {
  it('runs without a broker of its own and reports connected', async () => {
    expect(gateway.services.mode).toBe('external');
    expect(gateway.services.broker).toBeNull();
    await waitFor(() => gateway.services.connection.current.status === 'connected', 5000, () => 'connected');
    const health = await rest<{ mode: string; kafka: { status: string } }>(gateway, 'GET', '/api/health');
    expect(health.body).toMatchObject({ mode: 'external', kafka: { status: 'connected' } });
  });

  it('shows records, reports the outage, and after a new broker comes up shows new records without a restart, none twice, none missing', async () => {
    await waitFor(() => gateway.services.tap.isWatched(TOPIC), 5000, () => 'the topic watched');
    const before = await rest<ProduceResult>(gateway, 'POST', `/api/topics/${TOPIC}/records`, {
      body: { messages: [0, 1, 0, 1, 0].map((partition, i) => ({ key: `old-${i}`, value: `old-${i}`, partition })) },
    });
    expect(before.status).toBe(200);
    await waitFor(() => client.recordsOf(TOPIC).length === 5, 10_000, () => `5 records shown; got ${client.recordsOf(TOPIC).length}`);

    await broker!.close();
    broker = null;
    await waitFor(() => statuses().includes('reconnecting'), 10_000, () => `'reconnecting'; got ${statuses().join(', ')}`);
    expect(gateway.services.connection.current.status).toBe('reconnecting');
    const during = await rest<{ error: { code: string; message: string } }>(gateway, 'POST', `/api/topics/${TOPIC}/records`, { body: { messages: [{ key: 'x', value: 'lost?' }] } });
    expect(during.status, JSON.stringify(during.body)).toBeGreaterThanOrEqual(400);
    expect((await rest(gateway, 'GET', '/api/health')).status).toBe(200);

    broker = await startBroker({ host: '127.0.0.1', port });
    const outside = await outsideClient();
    try {
      await outside.admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 2 }], waitForLeaders: true });
      // What a browser sees: the last state it was sent (the event may trail the gateway's own state).
      await waitFor(() => statuses().at(-1) === 'connected', 10_000, () => `'connected' again; got ${statuses().join(', ')}`);
      expect(gateway.services.connection.current.status).toBe('connected');
      // Three records per partition: more than the old broker held on each, so offsets overlap.
      await outside.producer.send({ topic: TOPIC, messages: [0, 1, 0, 1, 0, 1].map((partition, i) => ({ key: `new-${i}`, value: `new-${i}`, partition })) });
    } finally {
      await outside.close();
    }
    const panel = await rest<ProduceResult>(gateway, 'POST', `/api/topics/${TOPIC}/records`, { body: { messages: [{ key: 'panel', value: 'new-panel', partition: 0 }] } });
    expect(panel.status, JSON.stringify(panel.body)).toBe(200);

    const expected = ['old-0', 'old-1', 'old-2', 'old-3', 'old-4', 'new-0', 'new-1', 'new-2', 'new-3', 'new-4', 'new-5', 'new-panel'];
    await waitFor(
      () => expected.every((value) => client.recordsOf(TOPIC).some((r) => r.value === value)),
      8000,
      () => `every record shown; missing ${expected.filter((value) => !client.recordsOf(TOPIC).some((r) => r.value === value)).join(', ')}`,
    );
    await sleep(500);
    expect(client.recordsOf(TOPIC).map((r) => r.value).sort()).toEqual([...expected].sort());
  });
});
