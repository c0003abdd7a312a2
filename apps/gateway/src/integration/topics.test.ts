import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import type { PartitionsAddResult, TopicView } from '@lanes/events';
import { choosePartition, createProfileState } from '@lanes/partitioners';
import { rest, startTestGateway, TestClient, uniqueName, loopbackUrl, type RunningGateway } from './gateway-harness';

/**
 * Topics as a person manages them from the dashboard (socket) or curl (REST), checked against what
 * Kafka itself reports through the admin API.
 */
let gateway: RunningGateway;
let client: TestClient;

beforeAll(async () => {
  gateway = await startTestGateway();
  client = await TestClient.connect(loopbackUrl(gateway));
});

afterAll(async () => {
  client?.close();
  await gateway?.close();
});

async function kafkaPartitionCount(topic: string): Promise<number | null> {
  const names = await gateway.services.admin.listTopics();
  if (!names.includes(topic)) return null;
  const metadata = await gateway.services.admin.fetchTopicMetadata({ topics: [topic] });
  return metadata.topics[0]!.partitions.length;
}

describe('creating topics', () => {
  it('creates a topic over the socket that Kafka then has, with its partitions', async () => {
    const name = uniqueName('clicks');
    const result = await client.command('topic:create', { name, partitions: 4 });
    expect(result).toMatchObject({ ok: true, data: { name, watched: true } });
    if (!result.ok) return;
    expect(result.data.partitions.map((p) => p.partition)).toEqual([0, 1, 2, 3]);
    expect(await kafkaPartitionCount(name)).toBe(4);
  });

  it('creates a topic over REST with 201 and the topic view', async () => {
    const name = uniqueName('orders');
    const answer = await rest<TopicView>(gateway, 'POST', '/api/topics', { body: { name, partitions: 3, segmentBytes: 4096 } });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ name, config: { segmentBytes: 4096 } });
    expect(answer.body.partitions).toHaveLength(3);
    expect(await kafkaPartitionCount(name)).toBe(3);
    const listed = await rest<TopicView[]>(gateway, 'GET', '/api/topics');
    expect(listed.body.map((t) => t.name)).toContain(name);
  });

  const badNames: [string, unknown, RegExp][] = [
    ['a space', 'has space', /contains ' '/],
    ['a slash', 'a/b', /contains '\/'/],
    ['nothing', '', /Give the topic a name/],
    ['a dot', '.', /cannot be named/],
    ['two dots', '..', /cannot be named/],
    ['250 characters', 'x'.repeat(250), /at most 249/],
    ['a number', 42, /Give the topic a name/],
  ];
  it.each(badNames)('refuses a name with %s, naming the field, and creates nothing', async (_label, name, message) => {
    const before = await gateway.services.admin.listTopics();
    const result = await client.command('topic:create', { name, partitions: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'invalid_input', field: 'name' });
    expect(result.error.message).toMatch(message);
    const viaRest = await rest<{ error: { code: string; field: string } }>(gateway, 'POST', '/api/topics', { body: { name, partitions: 1 } });
    expect(viaRest.status).toBe(400);
    expect(viaRest.body.error).toMatchObject({ code: 'invalid_input', field: 'name' });
    expect((await gateway.services.admin.listTopics()).sort()).toEqual(before.sort());
  });

  const badCounts: [unknown, RegExp][] = [
    [0, /at least 1 partition/],
    [257, /at most 256/],
    [1.5, /whole number/],
    ['3', /must be a number/],
    [-4, /at least 1 partition/],
  ];
  it.each(badCounts)('refuses %s partitions, naming the field, and creates nothing', async (partitions, message) => {
    const name = uniqueName('counted');
    const result = await client.command('topic:create', { name, partitions });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'invalid_input', field: 'partitions' });
    expect(result.error.message).toMatch(message);
    expect(await kafkaPartitionCount(name)).toBeNull();
  });

  it('answers conflict for a name that exists, and leaves the topic as it was', async () => {
    const name = uniqueName('twice');
    expect((await client.command('topic:create', { name, partitions: 2 })).ok).toBe(true);
    const again = await client.command('topic:create', { name, partitions: 5 });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!again.ok) expect(again.error.message).toMatch(/already exists/);
    const viaRest = await rest(gateway, 'POST', '/api/topics', { body: { name, partitions: 5 } });
    expect(viaRest.status).toBe(409);
    expect(await kafkaPartitionCount(name)).toBe(2);
  });
});

describe('deleting topics', () => {
  it('deletes over the socket and over REST; Kafka no longer has them', async () => {
    const viaSocket = uniqueName('gone');
    const viaRest = uniqueName('gone');
    await client.command('topic:create', { name: viaSocket, partitions: 1 });
    await client.command('topic:create', { name: viaRest, partitions: 1 });
    expect(await client.command('topic:delete', { name: viaSocket })).toEqual({ ok: true, data: { name: viaSocket } });
    const answer = await rest(gateway, 'DELETE', `/api/topics/${viaRest}`);
    expect(answer.status).toBe(200);
    expect(await kafkaPartitionCount(viaSocket)).toBeNull();
    expect(await kafkaPartitionCount(viaRest)).toBeNull();
    expect(gateway.services.tap.isWatched(viaSocket)).toBe(false);
  });

  it('answers not_found for a topic that does not exist', async () => {
    const result = await client.command('topic:delete', { name: uniqueName('never') });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await rest(gateway, 'DELETE', `/api/topics/${uniqueName('never')}`)).status).toBe(404);
  });
});

describe('adding partitions', () => {
  it('grows the topic in Kafka and lists exactly the recent keys that now map elsewhere', async () => {
    const name = uniqueName('growing');
    await client.command('topic:create', { name, partitions: 3 });
    const keys = Array.from({ length: 40 }, (_, i) => `user-${i}`);
    const produced = await client.command('records:produce', { topic: name, profile: 'kafkajs', messages: keys.map((key) => ({ key, value: 'v' })) });
    expect(produced.ok).toBe(true);

    const result = await client.command('partitions:add', { name, partitions: 5 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const data: PartitionsAddResult = result.data;
    expect(data.topic.partitions).toHaveLength(5);
    expect(data.profile).toBe('kafkajs');
    expect(await kafkaPartitionCount(name)).toBe(5);

    const where = (key: string, count: number) => choosePartition('kafkajs', { key, partitionCount: count }, createProfileState('kafkajs')).partition;
    const expected = keys.filter((key) => where(key, 3) !== where(key, 5)).map((key) => ({ key, from: where(key, 3), to: where(key, 5) }));
    // With 40 keys going from 3 to 5 partitions, most move: the check is not vacuous.
    expect(expected.length).toBeGreaterThan(10);
    expect([...data.movedKeys].sort((a, b) => a.key.localeCompare(b.key))).toEqual(expected.sort((a, b) => a.key.localeCompare(b.key)));
  });

  it('grows over REST and refuses to shrink or stay, naming the field', async () => {
    const name = uniqueName('rest-growing');
    await rest(gateway, 'POST', '/api/topics', { body: { name, partitions: 2 } });
    const grown = await rest<PartitionsAddResult>(gateway, 'POST', `/api/topics/${name}/partitions`, { body: { partitions: 4 } });
    expect(grown.status).toBe(200);
    expect(grown.body.topic.partitions).toHaveLength(4);
    for (const partitions of [4, 3]) {
      const refused = await client.command('partitions:add', { name, partitions });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'partitions' } });
      if (!refused.ok) expect(refused.error.message).toMatch(/can only add partitions/);
    }
    const beyond = await client.command('partitions:add', { name, partitions: 300 });
    expect(beyond).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'partitions' } });
    expect(await kafkaPartitionCount(name)).toBe(4);
  });

  it('answers not_found for a topic that does not exist', async () => {
    const result = await client.command('partitions:add', { name: uniqueName('missing'), partitions: 3 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

// Last in the file: when these fail, the gateway's producer or admin stays broken for every later command.
describe('after a topic is deleted', () => {
  it('still produces to other topics after deleting one it produced to', async () => {
    const deleted = uniqueName('produced-then-deleted');
    const other = uniqueName('still-here');
    await client.command('topic:create', { name: deleted, partitions: 1 });
    await client.command('topic:create', { name: other, partitions: 2 });
    expect((await client.command('records:produce', { topic: deleted, messages: [{ key: 'k', value: 'v' }] })).ok).toBe(true);
    expect((await client.command('topic:delete', { name: deleted })).ok).toBe(true);
    const after = await client.command('records:produce', { topic: other, messages: [{ key: 'k', value: 'v' }] });
    expect(after, JSON.stringify(after)).toMatchObject({ ok: true, data: { records: [{ offset: 0 }] } });
  });

  it('still creates topics after an outside client deleted a topic the gateway showed', async () => {
    const shown = uniqueName('deleted-outside');
    expect((await client.command('topic:create', { name: shown, partitions: 1 })).ok).toBe(true);
    // Another application on the cluster deletes it, as `kafka-topics --delete` would.
    const outside = new Kafka({ clientId: 'outside-admin', brokers: [gateway.services.bootstrap], logLevel: logLevel.NOTHING }).admin();
    await outside.connect();
    try {
      await outside.deleteTopics({ topics: [shown] });
    } finally {
      await outside.disconnect();
    }
    const name = uniqueName('after-outside-delete');
    const created = await client.command('topic:create', { name, partitions: 2 });
    expect(created, JSON.stringify(created)).toMatchObject({ ok: true, data: { name } });
    expect(await kafkaPartitionCount(name)).toBe(2);
  });
});
