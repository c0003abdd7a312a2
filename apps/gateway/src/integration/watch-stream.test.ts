import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadGeneratorView, ProduceResult, RecordView, Snapshot } from '@lanes/events';
import { kcatProduce, logEndOffsets, loopbackUrl, readTopic, rest, sleep, startTestGateway, TestClient, uniqueName, waitFor, type RunningGateway } from './gateway-harness';

/**
 * What a browser watching the lanes receives: a snapshot, then every record once, whoever produced
 * it, in coalesced batches; and what happens to a browser that stops keeping up.
 */
const CLIENT_BUFFER_RECORDS = 100;
let gateway: RunningGateway;
let watcher: TestClient;

beforeAll(async () => {
  gateway = await startTestGateway({ clientBufferRecords: CLIENT_BUFFER_RECORDS });
  watcher = await TestClient.connect(loopbackUrl(gateway));
});

afterAll(async () => {
  watcher?.close();
  await gateway?.close();
});

async function newTopic(partitions: number): Promise<string> {
  const name = uniqueName('watched');
  const created = await watcher.command('topic:create', { name, partitions });
  if (!created.ok) throw new Error(created.error.message);
  return name;
}

const where = (r: { partition: number; offset: number | null; key: string | null }) => `${r.partition}@${r.offset}:${r.key}`;

/** Waits until `client` has shown as many records of `topic` as Kafka holds, then checks none came twice. */
async function waitForAll(client: TestClient, topic: string): Promise<RecordView[]> {
  const total = (await logEndOffsets(gateway, topic)).reduce((a, b) => a + b, 0);
  await waitFor(() => client.recordsOf(topic).length >= total, 15_000, () => `${total} records of ${topic}; got ${client.recordsOf(topic).length}`);
  await sleep(200);
  return client.recordsOf(topic);
}

function expectEachOnce(records: RecordView[]): void {
  const seen = records.map((r) => `${r.partition}@${r.offset}`);
  expect(new Set(seen).size, 'a record was shown twice').toBe(seen.length);
}

describe('a watching browser', () => {
  it('gets a snapshot on connect with the connection and topics', () => {
    const [snapshot] = watcher.snapshots();
    expect(snapshot).toMatchObject({ connection: { status: 'connected', mode: 'embedded', canControl: true }, topics: expect.any(Array), groups: [], loadGenerators: [] });
  });

  it('sees every record the panel produces, once, where Kafka put it, labelled panel', async () => {
    const topic = await newTopic(3);
    const answer = await rest<ProduceResult>(gateway, 'POST', `/api/topics/${topic}/records`, { body: { lines: 'u1 click 10\nu2 purchase 99\nu1 view 1\n  no key here' } });
    expect(answer.status).toBe(200);
    const shown = await waitForAll(watcher, topic);
    expectEachOnce(shown);
    expect(shown.map(where).sort()).toEqual(answer.body.records.map(where).sort());
    expect(shown.every((r) => r.producer === 'panel')).toBe(true);
    expect(shown.find((r) => r.key === 'u2')).toMatchObject({ value: 'purchase 99', valueBytes: 11, headers: {} });
  });

  it('sees every record the load generator produces, once, labelled load', async () => {
    const topic = await newTopic(4);
    const started = await watcher.command('loadgen:start', { topic, ratePerSecond: 400, distribution: 'uniform', keyCount: 20 });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    await sleep(800);
    expect(await watcher.command('loadgen:stop', { id: started.data.id })).toEqual({ ok: true, data: { stopped: [started.data.id] } });
    await waitFor(() => gateway.services.load.views().every((v: LoadGeneratorView) => !v.running), 5000, () => 'the generator to stop');
    await sleep(300);
    const stored = await readTopic(gateway, topic, 1);
    expect(stored.length).toBeGreaterThan(50);
    const shown = await waitForAll(watcher, topic);
    expectEachOnce(shown);
    expect(shown.map(where).sort()).toEqual(stored.map(where).sort());
    expect(shown.every((r) => r.producer === 'load')).toBe(true);
  });

  it('sees records an outside client (kcat) produces, once, with no producer label', async () => {
    const topic = await newTopic(3);
    await kcatProduce(gateway.services.bootstrap, topic, ['k1:hello', 'k2:world', 'k1:again']);
    const stored = await readTopic(gateway, topic, 3);
    const shown = await waitForAll(watcher, topic);
    expectEachOnce(shown);
    expect(shown.map(where).sort()).toEqual(stored.map(where).sort());
    expect(shown.map((r) => r.producer)).toEqual([undefined, undefined, undefined]);
    expect(shown.filter((r) => r.key === 'k1').map((r) => r.value)).toEqual(['hello', 'again']);
  });

  it('gets 2,000 records in far fewer batches than records', async () => {
    const topic = await newTopic(4);
    const batchesBefore = watcher.recordBatches;
    for (let round = 0; round < 2; round++) {
      const messages = Array.from({ length: 1000 }, (_, i) => ({ key: `k${i % 50}`, value: `r${round}-${i}` }));
      expect((await watcher.command('records:produce', { topic, messages })).ok).toBe(true);
    }
    const shown = await waitForAll(watcher, topic);
    expect(shown).toHaveLength(2000);
    expectEachOnce(shown);
    const batches = watcher.recordBatches - batchesBefore;
    expect(batches).toBeGreaterThan(0);
    expect(batches).toBeLessThan(100);
    expect(watcher.aggregates).toEqual([]);
  });
});

describe('a browser that stops acknowledging', () => {
  it('gets counts and offset ranges for what it missed, and costs the gateway a bounded buffer', async () => {
    const topic = await newTopic(2);
    const slow = await TestClient.connect(loopbackUrl(gateway), { acknowledge: false });
    try {
      let maxBuffered = 0;
      const sampler = setInterval(() => {
        maxBuffered = Math.max(maxBuffered, gateway.services.hub.client(slow.id)?.bufferedRecords ?? 0);
      }, 2);
      try {
        // Round by round, each shown before the next is sent, so the records reach the browsers in
        // more batches than the slow one may leave unacknowledged.
        for (let round = 0; round < 30; round++) {
          const messages = Array.from({ length: 50 }, (_, i) => ({ key: null, value: `r${round}-${i}` }));
          expect((await watcher.command('records:produce', { topic, profile: 'kafkajs', messages })).ok).toBe(true);
          const shownSoFar = (round + 1) * 50;
          await waitFor(() => watcher.recordsOf(topic).length >= shownSoFar, 10_000, () => `round ${round} to be shown`);
        }
        await waitForAll(watcher, topic);
      } finally {
        clearInterval(sampler);
      }
      const stream = gateway.services.hub.client(slow.id);
      expect(stream).toBeDefined();
      expect(stream!.lagging).toBe(true);
      expect(stream!.bufferedRecords).toBeLessThanOrEqual(CLIENT_BUFFER_RECORDS);
      expect(maxBuffered).toBeLessThanOrEqual(CLIENT_BUFFER_RECORDS);
      expect(slow.aggregates).toEqual([]);

      slow.resumeAcknowledging();
      const ends = await logEndOffsets(gateway, topic);
      expect(ends.reduce((a, b) => a + b, 0)).toBe(1500);
      await waitFor(
        () => {
          const counted = slow.aggregates.flatMap((a) => a.partitions).reduce((sum, p) => sum + p.count, 0);
          return slow.recordsOf(topic).length + counted >= 1500;
        },
        10_000,
        () => `records plus counts to add up to 1500; records ${slow.recordsOf(topic).length}, aggregates ${JSON.stringify(slow.aggregates)}`,
      );
      expect(slow.aggregates.length).toBeGreaterThan(0);
      const received = slow.recordsOf(topic);
      expectEachOnce(received);
      for (const partition of [0, 1]) {
        const ranges = slow.aggregates.filter((a) => a.topic === topic).flatMap((a) => a.partitions.filter((p) => p.partition === partition));
        const offsets = new Set(received.filter((r) => r.partition === partition).map((r) => r.offset));
        const counted = ranges.reduce((sum, r) => sum + r.count, 0);
        // Every offset of the partition is either a record the browser got or inside a counted range, and the counts match the ranges.
        expect(offsets.size + counted).toBe(ends[partition]);
        for (const range of ranges) {
          expect(range.toOffset - range.fromOffset + 1).toBe(range.count);
          for (let offset = range.fromOffset; offset <= range.toOffset; offset++) expect(offsets.has(offset)).toBe(false);
        }
      }
      expect(gateway.services.hub.client(slow.id)!.lagging).toBe(false);
    } finally {
      slow.close();
    }
  });
});

describe('reconnecting', () => {
  it('gets a fresh snapshot with the records shown so far', async () => {
    const topic = await newTopic(1);
    await watcher.command('records:produce', { topic, messages: [{ key: 'a', value: 'before reconnect' }] });
    const client = await TestClient.connect(loopbackUrl(gateway));
    try {
      await waitFor(() => client.recordsOf(topic).length === 1 || gateway.services.hub.recent.all().some((r) => r.topic === topic), 5000, () => 'the record to be shown');
      client.socket.disconnect();
      const next = new Promise<Snapshot>((resolve) => client.socket.once('snapshot', resolve));
      client.socket.connect();
      const snapshot = await next;
      expect(client.snapshots()).toHaveLength(2);
      expect(snapshot.topics.map((t) => t.name)).toContain(topic);
      expect(snapshot.recentRecords.filter((r) => r.topic === topic).map((r) => r.value)).toEqual(['before reconnect']);
      expect(snapshot.serverTime).toBeGreaterThanOrEqual(client.snapshots()[0]!.serverTime);
    } finally {
      client.close();
    }
  });
});
