/**
 * Golden bytes: request/response frames captured from real clients (kafkajs, kcat, kafka-python,
 * confluent-kafka) talking to librdkafka's mock broker through a recording proxy. Each frame must
 * decode and re-encode to the identical bytes, and decoded values must match what the session did.
 * Fixtures are re-captured with packages/kafka-protocol/scripts/capture-golden (see its README).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as codec from '../index';
import type { GoldenPair } from './golden-pair';


interface Header {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
}
type Body = Record<string, unknown>;

// The frame API as documented for every caller, without the per-API generic types: fixtures
// hold all APIs at once, so their keys are plain numbers here.
const decodeRequest = codec.decodeRequestFrame as unknown as (frame: Buffer) => { header: Header; body: Body };
const encodeRequest = codec.encodeRequestFrame as unknown as (header: Header, body: Body) => Buffer;
const decodeResponse = codec.decodeResponseFrame as unknown as (
  apiKey: number,
  apiVersion: number,
  frame: Buffer,
) => { correlationId: number; body: Body };
const encodeResponse = codec.encodeResponseFrame as unknown as (
  apiKey: number,
  apiVersion: number,
  correlationId: number,
  body: Body,
) => Buffer;

const API = {
  Produce: 0, Fetch: 1, ListOffsets: 2, Metadata: 3, OffsetCommit: 8, OffsetFetch: 9, FindCoordinator: 10,
  JoinGroup: 11, Heartbeat: 12, LeaveGroup: 13, SyncGroup: 14, ApiVersions: 18, InitProducerId: 22,
} as const;
const GROUP_SESSION = [
  API.ApiVersions, API.Metadata, API.Produce, API.Fetch, API.ListOffsets, API.FindCoordinator, API.JoinGroup,
  API.SyncGroup, API.Heartbeat, API.LeaveGroup, API.OffsetCommit, API.OffsetFetch,
];

/** What each capture session did (scripts/capture-golden/drive-*): the spot checks hold it to that. */
const SESSIONS = [
  { client: 'kafkajs', clientId: 'golden-kafkajs', software: null, apis: [...GROUP_SESSION, API.InitProducerId] },
  { client: 'kcat', clientId: 'golden-kcat', software: ['librdkafka', '2.0.2'], apis: GROUP_SESSION },
  { client: 'kafka-python', clientId: 'golden-kafka-python', software: null, apis: GROUP_SESSION },
  {
    client: 'confluent-kafka',
    clientId: 'golden-confluent-kafka',
    software: ['confluent-kafka-python', '1.7.0-rdkafka-2.0.2'],
    apis: [...GROUP_SESSION, API.InitProducerId],
  },
];
const MOCK_PARTITIONS = 4; // librdkafka's mock cluster auto-creates topics with 4 partitions

function loadFixture(client: string): GoldenPair[] {
  const file = new URL(`./${client}.json`, import.meta.url);
  const pairs: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(pairs) || pairs.length === 0) throw new Error(`${client}.json should be a non-empty array`);
  for (const [index, pair] of pairs.entries()) {
    const { apiKey, apiVersion, request, response } = pair as Partial<GoldenPair>;
    const shapeOk =
      Number.isInteger(apiKey) && Number.isInteger(apiVersion) && typeof request === 'string' &&
      (response === null || typeof response === 'string');
    if (!shapeOk) throw new Error(`${client}.json[${index}] is not a golden pair: ${JSON.stringify(pair).slice(0, 200)}`);
  }
  return pairs as GoldenPair[];
}

/** null when equal; else where the bytes part, with hex either side, so a codec bug is easy to find. */
function describeDifference(actual: Buffer, expected: Buffer): string | null {
  if (actual.equals(expected)) return null;
  let at = 0;
  while (at < actual.length && at < expected.length && actual[at] === expected[at]) at++;
  const window = (bytes: Buffer) => bytes.subarray(Math.max(0, at - 8), at + 16).toString('hex');
  return (
    `re-encoded ${actual.length} bytes, captured ${expected.length}; first difference at byte ${at}\n` +
    `  captured  ...${window(expected)}\n  re-encoded...${window(actual)}`
  );
}

function label(pair: GoldenPair, index: number): string {
  return `#${index} ${pair.apiName} v${pair.apiVersion}${pair.response === null ? ' (no response)' : ''}`;
}

/** Reads a nested value: path('topics', 0, 'name') on a decoded body. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

it('has a fixture file for every client, and no fixture without a session', () => {
  const files = readdirSync(new URL('.', import.meta.url)).filter((name) => name.endsWith('.json'));
  expect(files.sort()).toEqual(SESSIONS.map(({ client }) => `${client}.json`).sort());
});

describe.each(SESSIONS)('$client golden bytes', ({ client, clientId, software, apis }) => {
  const pairs = loadFixture(client);
  const named = pairs.map((pair, index) => ({ name: label(pair, index), pair }));
  const topic = `golden-${client}`;
  const group = `golden-${client}-group`;
  const requests = (apiKey: number) => pairs.filter((pair) => pair.apiKey === apiKey).map(decodedRequest);
  const responses = (apiKey: number) =>
    pairs.filter((pair) => pair.apiKey === apiKey && pair.response !== null).map(decodedResponse);

  it('covers every API the session used', () => {
    expect(new Set(pairs.map((pair) => pair.client))).toEqual(new Set([client]));
    const missing = apis.filter((apiKey) => !pairs.some((pair) => pair.apiKey === apiKey));
    expect(missing).toEqual([]);
  });

  it.each(named)('$name request decodes and re-encodes to the same bytes', ({ pair }) => {
    const frame = Buffer.from(pair.request, 'hex');
    const { header, body } = decodeRequest(frame);
    expect({ apiKey: header.apiKey, apiVersion: header.apiVersion }).toEqual({ apiKey: pair.apiKey, apiVersion: pair.apiVersion });
    expect(describeDifference(encodeRequest(header, body), frame)).toBeNull();
  });

  it.each(named.filter(({ pair }) => pair.response !== null))(
    '$name response decodes and re-encodes to the same bytes',
    ({ pair }) => {
      const frame = Buffer.from(pair.response!, 'hex');
      const version = responseVersion(pair);
      const { correlationId, body } = decodeResponse(pair.apiKey, version, frame);
      expect(correlationId).toBe(decodeRequest(Buffer.from(pair.request, 'hex')).header.correlationId);
      expect(describeDifference(encodeResponse(pair.apiKey, version, correlationId, body), frame)).toBeNull();
    },
  );

  it(`every request header carries the client id ${clientId}`, () => {
    expect(new Set(pairs.map((pair) => decodedRequest(pair).header.clientId))).toEqual(new Set([clientId]));
  });

  it(`Produce requests carry the keyed records to ${topic}`, () => {
    for (const { body } of requests(API.Produce)) {
      expect(at(body, 'topicData', 0, 'name')).toBe(topic);
      const records = at(body, 'topicData', 0, 'partitionData', 0, 'records');
      expect(Buffer.isBuffer(records)).toBe(true);
      expect((records as Buffer).includes('golden-')).toBe(true);
    }
    // acks=0 was sent once per session where the mock allowed it, and must have no response.
    for (const pair of pairs.filter((p) => p.apiKey === API.Produce && p.response === null)) {
      expect(decodedRequest(pair).body.acks).toBe(0);
    }
  });

  it(`Produce responses acknowledge ${topic} without error`, () => {
    const produced = responses(API.Produce);
    expect(produced.length).toBeGreaterThan(0);
    for (const { body } of produced) {
      expect(at(body, 'responses', 0, 'name')).toBe(topic);
      expect(at(body, 'responses', 0, 'partitionResponses', 0, 'errorCode')).toBe(0);
    }
  });

  it(`a Metadata response lists ${topic} with ${MOCK_PARTITIONS} partitions on a loopback broker`, () => {
    const metadata = responses(API.Metadata).map(({ body }) => body);
    for (const body of metadata) expect(at(body, 'brokers', 0, 'host')).toBe('127.0.0.1');
    const listings = metadata.flatMap((body) => list(body.topics)).filter((entry) => at(entry, 'name') === topic);
    expect(listings.map((entry) => list(at(entry, 'partitions')).length)).toContain(MOCK_PARTITIONS);
  });

  it('a Fetch response returns the produced values', () => {
    const batches = responses(API.Fetch).flatMap(({ body }) =>
      list(body.responses).flatMap((entry) => list(at(entry, 'partitions')).map((partition) => at(partition, 'records'))),
    );
    expect(batches.some((records) => Buffer.isBuffer(records) && records.includes('golden-value-'))).toBe(true);
  });

  it(`group requests name ${group}`, () => {
    for (const apiKey of [API.JoinGroup, API.SyncGroup, API.Heartbeat, API.LeaveGroup, API.OffsetCommit, API.OffsetFetch]) {
      for (const { body } of requests(apiKey)) expect(body.groupId, `api ${apiKey}`).toBe(group);
    }
    for (const { body } of requests(API.FindCoordinator)) expect(body.key).toBe(group);
    for (const { body } of requests(API.JoinGroup)) expect(body.protocolType).toBe('consumer');
    for (const { body } of requests(API.OffsetCommit)) expect(at(body, 'topics', 0, 'name')).toBe(topic);
  });

  it('ApiVersions responses list the Produce versions the client then used', () => {
    const produceVersions = new Set(pairs.filter((pair) => pair.apiKey === API.Produce).map((pair) => pair.apiVersion));
    const answered = responses(API.ApiVersions).filter(({ body }) => body.errorCode === 0);
    expect(answered.length).toBeGreaterThan(0);
    for (const { body } of answered) {
      const produce = list(body.apiKeys).find((entry) => at(entry, 'apiKey') === API.Produce);
      for (const version of produceVersions) {
        expect(version).toBeGreaterThanOrEqual(at(produce, 'minVersion') as number);
        expect(version).toBeLessThanOrEqual(at(produce, 'maxVersion') as number);
      }
    }
  });

  if (software) {
    it(`ApiVersions v3 (request header v2, KIP-511) names ${software.join(' ')}`, () => {
      const [v3] = requests(API.ApiVersions).filter(({ header }) => header.apiVersion === 3);
      expect(v3?.header.clientId).toBe(clientId);
      expect(v3?.body).toEqual({ clientSoftwareName: software[0], clientSoftwareVersion: software[1] });
    });

    it('the unsupported ApiVersions v3 was answered in v0 with error 35 and the ApiVersions range', () => {
      const pair = pairs.find((p) => p.apiKey === API.ApiVersions && p.apiVersion === 3 && p.response !== null);
      const { body } = decodedResponse(pair!);
      expect(body).toMatchObject({ errorCode: 35, apiKeys: [{ apiKey: API.ApiVersions, minVersion: 0, maxVersion: 2 }] });
    });
  } else {
    it('ApiVersions requests are a version below the flexible v3', () => {
      const versions = new Set(requests(API.ApiVersions).map(({ header }) => header.apiVersion));
      expect(versions).toEqual(new Set([client === 'kafka-python' ? 0 : 2]));
    });
  }

  if (apis.includes(API.InitProducerId)) {
    it('InitProducerId gives the idempotent producer an id', () => {
      const answers = responses(API.InitProducerId).map(({ body }) => body);
      expect(answers.length).toBeGreaterThan(0);
      for (const body of answers) {
        expect(body.errorCode).toBe(0);
        expect(body.producerId).toBeGreaterThanOrEqual(0);
      }
    });
  }
});

const decodedRequests = new WeakMap<GoldenPair, ReturnType<typeof decodeRequest>>();
function decodedRequest(pair: GoldenPair): ReturnType<typeof decodeRequest> {
  let decoded = decodedRequests.get(pair);
  if (!decoded) decodedRequests.set(pair, (decoded = decodeRequest(Buffer.from(pair.request, 'hex'))));
  return decoded;
}

function decodedResponse(pair: GoldenPair): ReturnType<typeof decodeResponse> {
  return decodeResponse(pair.apiKey, responseVersion(pair), Buffer.from(pair.response!, 'hex'));
}

/**
 * The version a response body is written in: the request's, except that Kafka answers an
 * ApiVersions version it does not support with error 35 (UNSUPPORTED_VERSION) written as v0, and
 * clients parse it as v0 (KIP-511; Kafka's RequestContext.apiVersion and ApiVersionsResponse.parse).
 */
function responseVersion(pair: GoldenPair): number {
  const UNSUPPORTED_VERSION = 35;
  const errorCode = Buffer.from(pair.response!, 'hex').readInt16BE(4); // after the correlation id
  return pair.apiKey === API.ApiVersions && errorCode === UNSUPPORTED_VERSION ? 0 : pair.apiVersion;
}
