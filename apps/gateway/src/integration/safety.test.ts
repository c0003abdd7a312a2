import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlCommands, limits, type CommandName, type ConnectionView, type Notice, type Result } from '@lanes/events';
import { logEndOffsets, loopbackUrl, rest, sleep, startTestGateway, TestClient, uniqueName, waitFor, type RunningGateway } from './gateway-harness';

/**
 * Lanes open to a classroom network: viewers watch, only the presenter changes things; and whatever
 * a client sends (unknown events, wrong types, floods, bad bodies) gets an answer and changes nothing.
 */
const TOKEN = 'classroom-token';
let gateway: RunningGateway;
let presenter: TestClient;
let viewer: TestClient;
let topic: string;

beforeAll(async () => {
  gateway = await startTestGateway({ host: '0.0.0.0', presenterToken: TOKEN });
  presenter = await TestClient.connect(loopbackUrl(gateway), { token: TOKEN });
  viewer = await TestClient.connect(loopbackUrl(gateway));
  topic = uniqueName('classroom');
  const created = await presenter.command('topic:create', { name: topic, partitions: 2 });
  if (!created.ok) throw new Error(created.error.message);
});

afterAll(async () => {
  presenter?.close();
  viewer?.close();
  await gateway?.close();
});

/** A payload each control command would accept, so only the missing token can refuse it. */
function validPayload(name: CommandName): unknown {
  const group = { groupId: 'students' };
  const consumer = { groupId: 'students', consumerId: 'c1' };
  const payloads: Partial<Record<CommandName, unknown>> = {
    'topic:create': { name: uniqueName('viewer-made'), partitions: 3 },
    'topic:delete': { name: topic },
    'partitions:add': { name: topic, partitions: 4 },
    'records:produce': { topic, messages: [{ key: 'k', value: 'from a viewer' }] },
    'loadgen:start': { topic, ratePerSecond: 100, distribution: 'uniform' },
    'loadgen:stop': {},
    'group:create': { ...group, topics: [topic], consumers: 1 },
    'group:delete': group,
    'group:seek': { ...group, to: { kind: 'earliest' } },
    'consumer:add': group,
    'consumer:remove': consumer,
    'consumer:crash': consumer,
    'consumer:pause': consumer,
    'consumer:resume': consumer,
    'consumer:delay': { ...consumer, delayMs: 100 },
  };
  return payloads[name];
}

async function kafkaState(): Promise<string> {
  const topics = (await gateway.services.admin.listTopics()).filter((t) => !t.startsWith('__')).sort();
  const offsets = await Promise.all(topics.map(async (t) => `${t}:${(await logEndOffsets(gateway, t)).join(',')}`));
  const groups = (await gateway.services.admin.listGroups()).groups.map((g) => g.groupId).filter((g) => !g.startsWith('lanes-tap-')).sort();
  return JSON.stringify({ offsets, groups, load: gateway.services.load.views().length, managed: gateway.services.groups.views().length });
}

describe('bound beyond loopback with a presenter token', () => {
  it('lets a viewer without the token watch: snapshot and records', async () => {
    expect(gateway.services.tokenRequired).toBe(true);
    expect(viewer.snapshots()[0]!.connection.canControl).toBe(false);
    expect(presenter.snapshots()[0]!.connection.canControl).toBe(true);
    const produced = await presenter.command('records:produce', { topic, messages: [{ key: 'teacher', value: 'look at this' }] });
    expect(produced.ok).toBe(true);
    await waitFor(() => viewer.recordsOf(topic).length === 1, 5000, () => 'the viewer to see the record');
    expect(viewer.recordsOf(topic)[0]).toMatchObject({ key: 'teacher', value: 'look at this', producer: 'panel' });
  });

  it('answers every control command from a viewer with forbidden, and nothing changes', async () => {
    const before = await kafkaState();
    expect(controlCommands.size).toBe(15);
    for (const name of controlCommands) {
      const result = (await viewer.command(name, validPayload(name))) as Result<unknown>;
      expect(result, name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      if (!result.ok) expect(result.error.message).toMatch(/presenter/);
    }
    await sleep(300);
    expect(await kafkaState()).toBe(before);
  });

  it('still lets a viewer ask for a snapshot', async () => {
    const result = await viewer.command('snapshot:request', {});
    expect(result).toMatchObject({ ok: true, data: { connection: { canControl: false } } });
  });

  it('lets a viewer take control with session:auth and the right token, not a wrong one', async () => {
    const student = await TestClient.connect(loopbackUrl(gateway));
    try {
      const wrong = await student.command('session:auth', { token: 'classroom-tokem' });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'token' } });
      expect((await student.command('records:produce', { topic, messages: [{ key: 'k', value: 'v' }] })).ok).toBe(false);

      const right = await student.command('session:auth', { token: TOKEN });
      expect(right).toEqual({ ok: true, data: { canControl: true } });
      await waitFor(() => student.all<ConnectionView>('connection:state').some((c) => c.canControl), 2000, () => 'connection:state with canControl');
      const name = uniqueName('promoted');
      expect(await student.command('topic:create', { name, partitions: 1 })).toMatchObject({ ok: true, data: { name } });
      expect(await gateway.services.admin.listTopics()).toContain(name);
    } finally {
      student.close();
    }
  });

  it('refuses REST changes without the bearer token and accepts them with it; reads stay open', async () => {
    const name = uniqueName('rest-classroom');
    const anonymous = await rest<{ error: { code: string } }>(gateway, 'POST', '/api/topics', { body: { name, partitions: 1 } });
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.error.code).toBe('forbidden');
    const wrong = await rest(gateway, 'POST', '/api/topics', { body: { name, partitions: 1 }, token: 'not-the-token' });
    expect(wrong.status).toBe(403);
    const produce = await rest(gateway, 'POST', `/api/topics/${topic}/records`, { body: { lines: 'k v' } });
    expect(produce.status).toBe(403);
    expect(await gateway.services.admin.listTopics()).not.toContain(name);

    expect((await rest(gateway, 'GET', '/api/topics')).status).toBe(200);
    const snapshot = await rest<{ connection: { canControl: boolean } }>(gateway, 'GET', '/api/snapshot');
    expect(snapshot.body.connection.canControl).toBe(false);

    const allowed = await rest(gateway, 'POST', '/api/topics', { body: { name, partitions: 1 }, token: TOKEN });
    expect(allowed.status).toBe(201);
    expect(await gateway.services.admin.listTopics()).toContain(name);
  });
});

describe('misuse', () => {
  it('answers an unknown event with an error, or a notice when there is no acknowledgement', async () => {
    const before = await kafkaState();
    const answer = (await presenter.raw('topic:explode', { name: topic })) as Result<unknown>;
    expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
    if (!answer.ok) expect(answer.error.message).toMatch(/topic:explode.*Known commands: topic:create/);

    const noticesBefore = presenter.all('notice').length;
    presenter.socket.emit('delete:everything', { really: true });
    presenter.socket.emit('topic:delete', { name: topic });
    await waitFor(() => presenter.all('notice').length >= noticesBefore + 2, 3000, () => 'two notices');
    const notices = presenter.all<Notice>('notice').slice(noticesBefore);
    expect(notices[0]).toMatchObject({ level: 'error' });
    expect(notices[0]!.message).toMatch(/delete:everything/);
    expect(notices[1]!.message).toMatch(/needs an acknowledgement/);
    expect(await kafkaState()).toBe(before);
  });

  const wrongTypes: [CommandName, unknown, string][] = [
    ['topic:create', { name: 5, partitions: 2 }, 'name'],
    ['topic:create', { name: 'fine', partitions: 'two' }, 'partitions'],
    ['records:produce', { topic: 'x', messages: 'u1 hello' }, 'messages'],
    ['records:produce', { topic: 'x', messages: [{ key: 7, value: 'v' }] }, 'messages.0.key'],
    ['records:produce', { topic: 'x', messages: [{ key: 'k', value: 'v' }], acks: 2 }, 'acks'],
    ['consumer:delay', { groupId: 'g', consumerId: 'c1', delayMs: 'slow' }, 'delayMs'],
    ['group:create', { groupId: 'g', topics: 'orders' }, 'topics'],
    ['group:seek', { groupId: 'g', to: { kind: 'sideways' } }, 'to.kind'],
    ['loadgen:start', { topic: 'x', ratePerSecond: 1e9, distribution: 'uniform' }, 'ratePerSecond'],
  ];
  it.each(wrongTypes)('answers %s with wrong types as invalid_input naming %j', async (name, payload, field) => {
    const result = (await presenter.command(name, payload)) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
    if (!result.ok) expect(result.error.message.startsWith(`${field}: `)).toBe(true);
  });

  it('answers a payload that is not an object, or has extra fields, as invalid_input', async () => {
    for (const payload of ['orders', 42, [1, 2], true]) {
      const result = (await presenter.command('topic:create', payload)) as Result<unknown>;
      expect(result, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const extra = (await presenter.command('topic:create', { name: uniqueName('extra'), partitions: 1, replicas: 3 })) as Result<unknown>;
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!extra.ok) expect(extra.error.message).toMatch(/replicas/);
  });

  it('answers a burst of 500 commands with rate_limited beyond the allowance, does only the allowed ones, and keeps serving others', async () => {
    const flooder = await TestClient.connect(loopbackUrl(gateway), { token: TOKEN });
    const flooded = uniqueName('flooded');
    try {
      expect((await flooder.command('topic:create', { name: flooded, partitions: 1 })).ok).toBe(true);
      const answers = (await Promise.all(
        Array.from({ length: 500 }, (_, i) => flooder.command('records:produce', { topic: flooded, messages: [{ key: null, value: `flood-${i}` }] })),
      )) as Result<unknown>[];
      const limited = answers.filter((a) => !a.ok && a.error.code === 'rate_limited');
      const done = answers.filter((a) => a.ok);
      expect(limited.length).toBeGreaterThan(300);
      expect(done.length + limited.length).toBe(500);
      if (!limited[0]!.ok) expect(limited[0]!.error.message).toMatch(/Slow down: at most 50 commands a second/);
      expect((await logEndOffsets(gateway, flooded))[0]).toBe(done.length);

      // Others were served all along, and the flooder is served again after a pause.
      expect((await presenter.command('snapshot:request', {})).ok).toBe(true);
      expect((await rest(gateway, 'GET', '/api/health')).status).toBe(200);
      await sleep(1000);
      expect((await flooder.command('records:produce', { topic: flooded, messages: [{ key: null, value: 'after' }] })).ok).toBe(true);
    } finally {
      flooder.close();
    }
  });

  it('answers malformed JSON over REST with 400 and says so', async () => {
    const answer = await rest<{ error: { code: string; message: string } }>(gateway, 'POST', '/api/topics', { rawBody: '{"name": "broken",', token: TOKEN });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({ code: 'invalid_input', message: 'The request body is not valid JSON.' });
  });

  it('answers an oversized REST body with 413 and the limit', async () => {
    const before = await logEndOffsets(gateway, topic);
    const value = 'x'.repeat(limits.maxPayloadBytes + 10);
    const answer = await rest<{ error: { message: string } }>(gateway, 'POST', `/api/topics/${topic}/records`, { body: { messages: [{ key: null, value }] }, token: TOKEN });
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toBe(`The request body is larger than ${limits.maxPayloadBytes} bytes.`);
    expect(await logEndOffsets(gateway, topic)).toEqual(before);
  });

  it('answers an unknown REST route with 404 and a pointer to the docs', async () => {
    const answer = await rest<{ error: { message: string } }>(gateway, 'GET', '/api/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.body.error.message).toMatch(/docs\/api\.md/);
  });
});
