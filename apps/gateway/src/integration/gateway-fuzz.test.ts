import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import type { Result, TopicView } from '@lanes/events';
import { COMMAND_NAMES, mutate, pick, randomRestRequest, randomString, randomValue, seededRandom, templateFor, type Random } from './fuzz-inputs';
import { loopbackUrl, sleep, startTestGateway, TestClient, uniqueName, waitFor, type RunningGateway } from './gateway-harness';

/**
 * Thousands of random socket events and REST requests from a seeded generator, then: does the
 * gateway still serve a normal browser, did only valid commands create anything, and does its memory
 * stay flat from one round to the next? Replay a failure with LANES_FUZZ_SEED=<seed>.
 */
const SEED = Number(process.env.LANES_FUZZ_SEED ?? 20_240_611);
/** Two rounds: 3,200 socket events and 1,000 REST requests in all. */
const SOCKET_EVENTS_PER_ROUND = 1600;
const REST_REQUESTS_PER_ROUND = 500;
const CONCURRENCY = 200;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let gateway: RunningGateway;
let fuzzer: TestClient;
const topics = { sink: uniqueName('fuzz-sink'), spare: uniqueName('fuzz-spare') };
const createdTopics = new Set<string>();
const createdGroups = new Set<string>();
let baselineTopics: string[] = [];
const problems: string[] = [];
const tally = { socket: 0, rest: 0, answered: 0, noAck: 0, ok: 0 };

beforeAll(async () => {
  // No rate limit here: the fuzz is about what commands do, not how many.
  gateway = await startTestGateway({ commandRatePerSecond: 1_000_000 });
  fuzzer = await TestClient.connect(loopbackUrl(gateway));
  // Small segments and retention: records the fuzz produces do not pile up in the broker's memory.
  const sink = await fuzzer.command('topic:create', { name: topics.sink, partitions: 2, segmentBytes: 1024, retentionBytes: 2048 });
  if (!sink.ok) throw new Error(sink.error.message);
  baselineTopics = await gateway.services.admin.listTopics();
});

afterAll(async () => {
  fuzzer?.close();
  await gateway?.close();
});

function noteAnswer(event: string, answer: unknown, where: string): void {
  const result = answer as Result<unknown>;
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
    problems.push(`${where} ${event}: answer is not a Result: ${JSON.stringify(answer)?.slice(0, 200)}`);
    return;
  }
  if (!result.ok) {
    if (result.error.code === 'internal') problems.push(`${where} ${event}: internal error: ${result.error.message.slice(0, 300)}`);
    if (typeof result.error.message !== 'string' || result.error.message.length === 0) problems.push(`${where} ${event}: error without a message`);
    return;
  }
  tally.ok++;
  const data = result.data as { name?: string; groupId?: string };
  if (event === 'topic:create' && data.name) createdTopics.add(data.name);
  if (event === 'group:create' && data.groupId) createdGroups.add(data.groupId);
}

/** One random socket event: an unknown name, or a known one with a random or mutated payload; with or without an ack. */
async function socketEvent(random: Random): Promise<void> {
  tally.socket++;
  const roll = random();
  const event = roll < 0.15 ? pick(random, [randomString(random, 30), 'x'.repeat(5000), 'records:batch', 'snapshot', '__proto__', 'constructor', 'topic:create ', 'TOPIC:CREATE']) : pick(random, COMMAND_NAMES);
  const payload = roll < 0.45 ? randomValue(random) : roll < 0.9 ? mutate(random, templateFor(pick(random, COMMAND_NAMES) === event ? event : pick(random, COMMAND_NAMES), topics)) : mutate(random, templateFor(event as (typeof COMMAND_NAMES)[number], topics) ?? {});
  const extra = random() < 0.05 ? [randomValue(random), randomValue(random)] : [];
  if (random() < 0.15) {
    tally.noAck++;
    try {
      fuzzer.socket.emit(event, payload, ...extra);
    } catch {
      // socket.io-client refuses reserved names itself; nothing reached the gateway.
    }
    return;
  }
  try {
    const answer = await fuzzer.socket.timeout(20_000).emitWithAck(event, payload, ...extra);
    tally.answered++;
    noteAnswer(event, answer, 'socket');
  } catch (error) {
    if (!String(error).includes('reserved')) problems.push(`socket ${event.slice(0, 40)}: no answer (${String(error)})`);
  }
}

async function restRequest(random: Random): Promise<void> {
  tally.rest++;
  const request = randomRestRequest(random, topics);
  const headers: Record<string, string> = request.contentType ? { 'content-type': request.contentType } : {};
  const response = await fetch(`${loopbackUrl(gateway)}${request.path}`, { method: request.method, headers, ...(request.body !== undefined ? { body: request.body } : {}) });
  const text = await response.text();
  const where = `REST ${request.method} ${request.path.slice(0, 80)}`;
  if (response.status === 500) problems.push(`${where}: 500 ${text.slice(0, 300)}`);
  if (response.status >= 400 && request.path.startsWith('/api') && request.method !== 'OPTIONS') {
    if (typeof errorMessageOf(text) !== 'string') problems.push(`${where}: ${response.status} without an error message: ${text.slice(0, 200)}`);
  }
  if (request.method === 'POST' && request.path === '/api/topics' && response.status === 201) createdTopics.add((JSON.parse(text) as TopicView).name);
  if (request.method === 'POST' && request.path === '/api/groups' && response.status === 201) createdGroups.add((JSON.parse(text) as { groupId: string }).groupId);
}

function errorMessageOf(text: string): unknown {
  try {
    return (JSON.parse(text) as { error?: { message?: unknown } } | null)?.error?.message;
  } catch {
    return undefined;
  }
}

async function inBatches(count: number, run: () => Promise<void>): Promise<void> {
  for (let done = 0; done < count; done += CONCURRENCY) {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count - done) }, run));
    // What a valid mutation started is stopped again, so rounds stay comparable.
    if (gateway.services.load.views().some((v) => v.running)) gateway.services.load.stop();
  }
}

/** Undoes what valid fuzz commands started (groups, generators), the way a person would. */
async function tidy(): Promise<void> {
  gateway.services.load.stop();
  for (const view of gateway.services.groups.views()) await fuzzer.command('group:delete', { groupId: view.groupId });
}

async function round(random: Random): Promise<number> {
  await inBatches(SOCKET_EVENTS_PER_ROUND, () => socketEvent(random));
  await inBatches(REST_REQUESTS_PER_ROUND, () => restRequest(random));
  await tidy();
  await sleep(500);
  for (let i = 0; i < 4; i++) {
    gc();
    await sleep(50);
  }
  return process.memoryUsage().heapUsed;
}

describe(`gateway fuzz (seed ${SEED})`, () => {
  it('answers every event and request without an internal error, keeps serving, creates only what valid commands created, and keeps its memory flat', { timeout: 90_000 }, async () => {
    const random = seededRandom(SEED);
    const afterFirst = await round(random);
    const afterSecond = await round(random);

    expect(tally.socket).toBeGreaterThanOrEqual(3000);
    expect(tally.rest).toBeGreaterThanOrEqual(1000);
    expect(problems.slice(0, 20)).toEqual([]);

    // The fuzz's notices for events without an acknowledgement arrived as notices, not as crashes.
    expect(fuzzer.all('notice').length).toBeGreaterThan(0);
    expect(fuzzer.socket.connected).toBe(true);

    // Asked through an admin client of its own, so the answer does not depend on the gateway's clients.
    const outside = new Kafka({ clientId: 'fuzz-checker', brokers: [gateway.services.bootstrap], logLevel: logLevel.NOTHING }).admin();
    await outside.connect();
    try {
      const allowed = new Set([...baselineTopics, ...createdTopics]);
      expect((await outside.listTopics()).filter((t) => !allowed.has(t))).toEqual([]);
      const groups = (await outside.listGroups()).groups.map((g) => g.groupId).filter((g) => !g.startsWith('lanes-tap-'));
      expect(groups.filter((g) => !createdGroups.has(g))).toEqual([]);
    } finally {
      await outside.disconnect();
    }

    const growthMb = (afterSecond - afterFirst) / 1024 / 1024;
    expect(growthMb, `heap after round 1 ${(afterFirst / 1024 / 1024).toFixed(1)} MB, after round 2 ${(afterSecond / 1024 / 1024).toFixed(1)} MB; ${JSON.stringify(tally)}`).toBeLessThan(
      Math.max(15, (afterFirst / 1024 / 1024) * 0.15),
    );

    // Last: a gateway that cannot serve a normal browser any more fails here.
    const normal = await TestClient.connect(loopbackUrl(gateway));
    try {
      const name = uniqueName('after-fuzz');
      const created = await normal.command('topic:create', { name, partitions: 2 });
      expect(created, JSON.stringify(created)).toMatchObject({ ok: true });
      const produced = await normal.command('records:produce', { topic: name, messages: [{ key: 'still', value: 'alive' }] });
      expect(produced.ok, JSON.stringify(produced)).toBe(true);
      await waitFor(() => normal.recordsOf(name).length === 1, 10_000, () => 'the record after the fuzz');
      expect(normal.recordsOf(name)[0]).toMatchObject({ key: 'still', value: 'alive', offset: 0 });
    } finally {
      normal.close();
    }
  });
});
