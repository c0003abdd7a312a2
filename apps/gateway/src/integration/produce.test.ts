import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits, parseProducerLines, type ProduceResult } from '@lanes/events';
import type { Profile } from '@lanes/partitioners';
import { logEndOffsets, loopbackUrl, readTopic, rest, startTestGateway, TestClient, uniqueName, waitForAsync, type RunningGateway } from './gateway-harness';

/**
 * The producer panel and its REST twin: what the gateway says it did is checked against what Kafka
 * stored, read back by a separate kafkajs consumer.
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

async function newTopic(partitions: number): Promise<string> {
  const name = uniqueName('produce');
  const created = await client.command('topic:create', { name, partitions });
  if (!created.ok) throw new Error(created.error.message);
  return name;
}

const SEED_LINES = 'u1 click 10\nu2 purchase 99\nu1 view 1';

/** The partition an explanation ends with: "... → % 3 = 1". */
function explainedPartition(explanation: string): number {
  const match = /=\s*(\d+)\s*$/.exec(explanation);
  if (!match) throw new Error(`No partition at the end of '${explanation}'`);
  return Number(match[1]);
}

describe('keyed records (the seed lab lines)', () => {
  it('puts both u1 records in one partition at consecutive offsets, the one the explanation names, and Kafka stored exactly those', async () => {
    const topic = await newTopic(3);
    const parsed = parseProducerLines(SEED_LINES);
    if (!parsed.ok) throw new Error(parsed.message);
    const result = await client.command('records:produce', { topic, profile: 'kafkajs', messages: parsed.messages });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first, second, third] = result.data.records;
    expect(first).toMatchObject({ key: 'u1', profile: 'kafkajs' });
    expect(second!.key).toBe('u2');
    expect(third).toMatchObject({ key: 'u1', partition: first!.partition });
    expect(third!.offset).toBe(first!.offset! + 1);
    for (const record of result.data.records) {
      expect(record.explanation).toMatch(/murmur2\('u[12]'\)/);
      expect(explainedPartition(record.explanation)).toBe(record.partition);
    }

    const stored = await readTopic(gateway, topic, 3);
    expect(stored.map(({ partition, offset, key, value }) => ({ partition, offset, key, value })).sort((a, b) => a.offset - b.offset || a.partition - b.partition)).toEqual(
      [
        { partition: first!.partition, offset: first!.offset, key: 'u1', value: 'click 10' },
        { partition: second!.partition, offset: second!.offset, key: 'u2', value: 'purchase 99' },
        { partition: third!.partition, offset: third!.offset, key: 'u1', value: 'view 1' },
      ].sort((a, b) => a.offset! - b.offset! || a.partition - b.partition),
    );
  });

  it('takes the same lines over REST in the `lines` form', async () => {
    const topic = await newTopic(3);
    const answer = await rest<ProduceResult>(gateway, 'POST', `/api/topics/${topic}/records`, { body: { lines: SEED_LINES, profile: 'kafkajs', acks: -1 } });
    expect(answer.status).toBe(200);
    const records = answer.body.records;
    expect(records.map((r) => r.key)).toEqual(['u1', 'u2', 'u1']);
    expect(records[2]!.partition).toBe(records[0]!.partition);
    expect(records[2]!.offset).toBe(records[0]!.offset! + 1);
    const stored = await readTopic(gateway, topic, 3);
    for (const record of records) expect(stored).toContainEqual(expect.objectContaining({ partition: record.partition, offset: record.offset, key: record.key }));
  });

  it('answers 400 naming `lines` for a line that starts with { but is not JSON, and produces nothing', async () => {
    const topic = await newTopic(2);
    const answer = await rest<{ error: { field: string; message: string } }>(gateway, 'POST', `/api/topics/${topic}/records`, { body: { lines: 'u1 ok\n{not json' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ field: 'lines' });
    expect(answer.body.error.message).toMatch(/Line 2/);
    expect(await logEndOffsets(gateway, topic)).toEqual([0, 0]);
  });
});

describe('where records land', () => {
  it('spreads keyless lines (leading space) over the partitions', async () => {
    const topic = await newTopic(3);
    const parsed = parseProducerLines(Array.from({ length: 9 }, (_, i) => ` event ${i}`).join('\n'));
    if (!parsed.ok) throw new Error(parsed.message);
    const result = await client.command('records:produce', { topic, profile: 'kafkajs', messages: parsed.messages });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.records.every((r) => r.key === null)).toBe(true);
    // kafkajs 2.x: per-message round robin, so 9 records fill 3 partitions 3 each.
    expect(await logEndOffsets(gateway, topic)).toEqual([3, 3, 3]);
  });

  it('puts a record with an explicit partition there, whatever its key', async () => {
    const topic = await newTopic(4);
    const result = await client.command('records:produce', { topic, messages: [{ key: 'u1', value: 'pinned', partition: 3 }] });
    expect(result).toMatchObject({ ok: true, data: { records: [{ partition: 3, offset: 0 }] } });
    expect(await logEndOffsets(gateway, topic)).toEqual([0, 0, 0, 1]);
  });

  it('refuses a partition that does not exist, naming messages.N.partition, and produces nothing', async () => {
    const topic = await newTopic(3);
    const result = await client.command('records:produce', { topic, messages: [{ key: 'a', value: 'fine' }, { key: 'b', value: 'wrong', partition: 7 }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'messages.1.partition' } });
    if (!result.ok) expect(result.error.message).toMatch(/7/);
    const negative = await client.command('records:produce', { topic, messages: [{ key: 'a', value: 'v', partition: -1 }] });
    expect(negative).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'messages.0.partition' } });
    expect(await logEndOffsets(gateway, topic)).toEqual([0, 0, 0]);
  });

  it('refuses an oversized message over socket and REST, naming it, and produces nothing', async () => {
    const topic = await newTopic(2);
    const huge = 'x'.repeat(limits.maxMessageBytes + 1);
    const result = await client.command('records:produce', { topic, messages: [{ key: 'k', value: 'small' }, { key: null, value: huge }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'messages.1.value' } });
    if (!result.ok) expect(result.error.message).toMatch(/limit is 1000000 bytes/);
    const viaRest = await rest<{ error: { field: string } }>(gateway, 'POST', `/api/topics/${topic}/records`, { body: { messages: [{ key: null, value: huge }] } });
    expect(viaRest.status).toBe(400);
    expect(viaRest.body.error.field).toBe('messages.0.value');
    expect(await logEndOffsets(gateway, topic)).toEqual([0, 0]);
  });

  it('answers not_found for a topic that does not exist', async () => {
    const result = await client.command('records:produce', { topic: uniqueName('nowhere'), messages: [{ key: 'k', value: 'v' }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await gateway.services.admin.listTopics()).not.toContain('nowhere');
  });

  it('with acks 0 reports no offsets, yet Kafka stores the records', async () => {
    const topic = await newTopic(1);
    const result = await client.command('records:produce', { topic, acks: 0, messages: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.records.map((r) => r.offset)).toEqual([null, null]);
    await waitForAsync(async () => (await logEndOffsets(gateway, topic))[0] === 2, 5000, () => 'two records stored after acks=0');
    const stored = await readTopic(gateway, topic, 2);
    expect(stored.map((r) => r.value)).toEqual(['1', '2']);
  });

  it('delivers headers to a consumer, with the lanes-producer label', async () => {
    const topic = await newTopic(1);
    const result = await client.command('records:produce', { topic, messages: [{ key: 'k', value: 'v', headers: { source: 'curl', trace: 'abc-123' } }] });
    expect(result.ok).toBe(true);
    const [stored] = await readTopic(gateway, topic, 1);
    expect(stored!.headers).toEqual({ source: 'curl', trace: 'abc-123', 'lanes-producer': 'panel' });
  });
});

describe('every partitioner profile', () => {
  it('produces a keyed record where it says, for each profile GET /api/partitioners lists', async () => {
    const topic = await newTopic(4);
    const profiles = await rest<Profile[]>(gateway, 'GET', '/api/partitioners');
    expect(profiles.status).toBe(200);
    expect(profiles.body.length).toBeGreaterThan(10);
    const reported = new Map<string, { partition: number; offset: number | null }>();
    for (const profile of profiles.body) {
      // A numeric key: the custom numeric-modulo partitioner takes only whole numbers.
      const result = await client.command('records:produce', { topic, profile: profile.id, messages: [{ key: '12345', value: profile.id }] });
      expect(result.ok, `${profile.id}: ${JSON.stringify(result)}`).toBe(true);
      if (!result.ok) continue;
      const [record] = result.data.records;
      expect(record!.profile).toBe(profile.id);
      reported.set(profile.id, { partition: record!.partition, offset: record!.offset });
    }
    const stored = await readTopic(gateway, topic, profiles.body.length);
    expect(stored).toHaveLength(profiles.body.length);
    for (const [profile, where] of reported) {
      expect(stored.find((r) => r.value === profile), profile).toMatchObject({ partition: where.partition, offset: where.offset, key: '12345' });
    }
  });

  it('refuses an unknown profile, naming the field', async () => {
    const topic = await newTopic(1);
    const result = await client.command('records:produce', { topic, profile: 'made-up', messages: [{ key: 'k', value: 'v' }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'profile' } });
    expect(await logEndOffsets(gateway, topic)).toEqual([0]);
  });
});
