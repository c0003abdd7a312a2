/**
 * Seeded random inputs for the gateway fuzz: values of every JSON shape (and a few that are not
 * JSON), mutations of valid command payloads, and REST requests. The same seed gives the same
 * sequence, so a failure can be replayed with LANES_FUZZ_SEED.
 */
import { commandSchemas, type CommandName } from '@lanes/events';
import { seededRandom, type RandomSource } from '@lanes/partitioners';

export type Random = RandomSource;
export { seededRandom };

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Whole code points, so a string is always valid UTF-16 (lone surrogates come from randomValue). */
const CHARACTERS = [...'abcXYZ019._-/ :{}[]"\'\\%?#&=\u0000\u00e9\u4e2d\ud83d\ude00'];

export function randomString(random: Random, maxLength = 24): string {
  const length = Math.floor(random() * maxLength);
  let text = '';
  for (let i = 0; i < length; i++) text += pick(random, CHARACTERS);
  return text;
}

/** Nested `depth` levels deep, as an object or an array chain. */
export function deepValue(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** Any value a client could put in a payload, weighted towards the awkward ones. */
export function randomValue(random: Random, depth = 0): unknown {
  const roll = random();
  if (roll < 0.1) return null;
  if (roll < 0.15) return undefined;
  if (roll < 0.3) return pick(random, [0, -1, 1, 2, 3, 7, 256, 257, 1.5, -0.0, 1e21, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, NaN, Infinity]);
  if (roll < 0.44) return randomString(random);
  if (roll < 0.45) return pick(random, ['\ud800', 'a\udc00b', '\u2028', '\ufeff']);
  if (roll < 0.5) return pick(random, [true, false]);
  if (roll < 0.52) return 'x'.repeat(Math.floor(random() * 200_000));
  if (roll < 0.54) return deepValue(Math.floor(random() * 400), random() < 0.5);
  if (roll < 0.56) return Buffer.from(randomString(random));
  if (depth > 3) return randomString(random, 8);
  if (roll < 0.75) return Array.from({ length: Math.floor(random() * 5) }, () => randomValue(random, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 5); i > 0; i--) {
    const key = pick(random, [randomString(random, 8), 'name', 'topic', 'partitions', '__proto__', 'constructor', 'messages']);
    // An own property even for '__proto__', as JSON.parse makes it on the gateway's side.
    Object.defineProperty(object, key, { value: randomValue(random, depth + 1), enumerable: true, configurable: true, writable: true });
  }
  return object;
}

export const COMMAND_NAMES = Object.keys(commandSchemas) as CommandName[];

/**
 * A valid-looking payload per command, for mutation. Names come from a small fixed set so that a
 * mutation that happens to be valid touches the fuzz's own topics and groups.
 */
export function templateFor(name: CommandName, topics: { sink: string; spare: string }): Record<string, unknown> {
  const group = { groupId: 'fuzz-group' };
  const consumer = { groupId: 'fuzz-group', consumerId: 'c1' };
  const templates: Record<CommandName, Record<string, unknown>> = {
    'topic:create': { name: topics.spare, partitions: 2 },
    'topic:delete': { name: topics.spare },
    'topic:watch': { topic: topics.sink, from: 'now' },
    'topic:unwatch': { name: topics.spare },
    'partitions:add': { name: topics.spare, partitions: 3 },
    'records:produce': { topic: topics.sink, messages: [{ key: 'k', value: 'v', partition: 0, headers: { h: 'v' } }], profile: 'kafkajs', acks: 1 },
    'loadgen:start': { topic: topics.sink, ratePerSecond: 1, distribution: 'uniform', valueBytes: 10 },
    'loadgen:stop': {},
    'group:create': { ...group, topics: [topics.sink], consumers: 1, sessionTimeoutMs: 3000 },
    'group:delete': group,
    'group:seek': { ...group, to: { kind: 'offset', offset: 0, partition: 0 } },
    'consumer:add': group,
    'consumer:remove': consumer,
    'consumer:crash': consumer,
    'consumer:pause': consumer,
    'consumer:resume': consumer,
    'consumer:delay': { ...consumer, delayMs: 10 },
    'session:auth': { token: 'not-needed-on-loopback' },
    'snapshot:request': {},
  };
  return templates[name];
}

/** One field dropped, replaced by a random value, or a field added. */
export function mutate(random: Random, payload: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...payload };
  const keys = Object.keys(copy);
  const roll = random();
  if (roll < 0.3 && keys.length > 0) delete copy[pick(random, keys)];
  else if (roll < 0.8 && keys.length > 0) copy[pick(random, keys)] = randomValue(random);
  else copy[randomString(random, 10)] = randomValue(random);
  return copy;
}

export interface RestRequest {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
}

const REST_PATHS = [
  '/api/health',
  '/api/snapshot',
  '/api/topics',
  '/api/topics/:topic',
  '/api/topics/:topic/partitions',
  '/api/topics/:topic/watch',
  '/api/topics/:topic/records',
  '/api/groups',
  '/api/groups/:group',
  '/api/groups/:group/seek',
  '/api/groups/:group/consumers',
  '/api/groups/:group/consumers/:consumer',
  '/api/groups/:group/consumers/:consumer/crash',
  '/api/groups/:group/consumers/:consumer/pause',
  '/api/groups/:group/consumers/:consumer/resume',
  '/api/groups/:group/consumers/:consumer/delay',
  '/api/loadgen',
  '/api/loadgen/:id',
  '/api/partitioners',
  '/api/partitioners/where',
  '/api/:junk',
  '/:junk',
];

export function randomRestRequest(random: Random, topics: { sink: string; spare: string }): RestRequest {
  const segment = () => encodeURIComponent(pick(random, [topics.sink, topics.spare, 'fuzz-group', 'c1', 'load-1', randomString(random, 12)]));
  let path = pick(random, REST_PATHS).replace(/:[a-z]+/g, segment);
  if (random() < 0.1) path += `?key=${encodeURIComponent(randomString(random))}&partitions=${pick(random, ['3', '-1', 'x', '1e9', ''])}`;
  if (random() < 0.03) path += '/%E0%A4%A';
  const method = pick(random, ['GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);
  if (method === 'GET' || method === 'OPTIONS' || random() < 0.15) return { method, path };
  const roll = random();
  if (roll < 0.15) return { method, path, body: `{"name": ${randomString(random)}`, contentType: 'application/json' };
  if (roll < 0.2) return { method, path, body: randomString(random, 40), contentType: pick(random, ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16']) };
  if (roll < 0.5) {
    const name = pick(random, COMMAND_NAMES);
    return { method, path, body: JSON.stringify(mutate(random, templateFor(name, topics))), contentType: 'application/json' };
  }
  return { method, path, body: JSON.stringify(randomValue(random) ?? null), contentType: 'application/json' };
}
