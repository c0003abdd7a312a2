import { describe, expect, it } from 'vitest';
import { apiSchemas, ConsumerProtocolAssignmentSchema, ConsumerProtocolSubscriptionSchema } from '../generated';
import { Reader } from '../primitives/reader';
import { Writer } from '../primitives/writer';
import { ProtocolError } from '../primitives/protocol-error';
import { codecFor } from './codec';
import type { FieldSchema, FieldType, MessageSchema } from './message-schema';
import { inRange } from './message-schema';

/** A deterministic pseudo-random generator, so a failing case can be reproduced. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sampleValue(type: FieldType, version: number, random: () => number, depth: number): unknown {
  const int = (bits: number) => Math.floor(random() * 2 ** (bits - 1)) * (random() < 0.3 ? -1 : 1);
  switch (type.kind) {
    case 'int8':
      return int(8);
    case 'int16':
      return int(16);
    case 'uint16':
      return Math.floor(random() * 65535);
    case 'int32':
      return int(32);
    case 'int64':
      return Math.floor(random() * 2 ** 52) * (random() < 0.3 ? -1 : 1);
    case 'float64':
      return random() * 1000;
    case 'bool':
      return random() < 0.5;
    case 'string':
      return `s${Math.floor(random() * 1e6)}-é`;
    case 'uuid':
      return Buffer.from(Array.from({ length: 16 }, () => Math.floor(random() * 256))).toString('hex');
    case 'bytes':
    case 'records':
      return Buffer.from(Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 256)));
    case 'array': {
      const length = depth > 3 ? 0 : 1 + Math.floor(random() * 3);
      return Array.from({ length }, () => sampleValue(type.items, version, random, depth + 1));
    }
    case 'struct':
      return sampleStruct(type.fields, version, random, depth + 1);
  }
}

function sampleStruct(fields: readonly FieldSchema[], version: number, random: () => number, depth: number): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const field of fields) {
    if (!inRange(field.versions, version)) continue;
    value[field.name] = inRange(field.nullableVersions, version) && random() < 0.2 ? null : sampleValue(field.type, version, random, depth);
  }
  return value;
}

/** Keeps only the fields a version carries, recursively, to compare with what was sent. */
function project(fields: readonly FieldSchema[], version: number, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (!inRange(field.versions, version)) continue;
    out[field.name] = projectValue(field.type, version, value[field.name]);
  }
  return out;
}

function projectValue(type: FieldType, version: number, value: unknown): unknown {
  if (value === null) return null;
  if (type.kind === 'array') return (value as unknown[]).map((item) => projectValue(type.items, version, item));
  if (type.kind === 'struct') return project(type.fields, version, value as Record<string, unknown>);
  return value;
}

function roundTrip(schema: MessageSchema, version: number, seed: number): void {
  const codec = codecFor<Record<string, unknown>>(schema, version);
  const sample = sampleStruct(schema.fields, version, seeded(seed), 0);
  const writer = new Writer();
  codec.write(writer, sample);
  const bytes = writer.toBuffer();
  const reader = new Reader(bytes);
  const decoded = codec.read(reader);
  expect(reader.remaining, 'every byte consumed').toBe(0);
  expect(project(schema.fields, version, decoded)).toEqual(sample);
  const again = new Writer();
  codec.write(again, decoded);
  expect(again.toBuffer().equals(bytes), 're-encoding gives the same bytes').toBe(true);
}

const messages: MessageSchema[] = [
  ...[...apiSchemas.values()].flatMap((api) => [api.request, api.response]),
  ConsumerProtocolSubscriptionSchema,
  ConsumerProtocolAssignmentSchema,
];

describe('every generated message round-trips at every version', () => {
  for (const schema of messages) {
    const [from, to] = schema.validVersions;
    it(`${schema.name} v${from}-${to}`, () => {
      for (let version = from; version <= to; version++) {
        for (let seed = 1; seed <= 5; seed++) roundTrip(schema, version, seed * 7919 + version);
      }
    });
  }
});

describe('codec edges', () => {
  const metadataResponse = apiSchemas.get(3)!.response;

  it('fills fields a version lacks with their Kafka defaults', () => {
    const codec = codecFor<{ throttleTimeMs: number; clusterId: string | null; controllerId: number }>(metadataResponse, 0);
    const writer = new Writer();
    codec.write(writer, {});
    const decoded = codec.read(new Reader(writer.toBuffer()));
    expect(decoded.throttleTimeMs).toBe(0);
    expect(decoded.clusterId).toBeNull();
    expect(decoded.controllerId).toBe(-1);
  });

  it('rejects a truncated frame with a ProtocolError, at every cut', () => {
    const codec = codecFor<Record<string, unknown>>(metadataResponse, 6);
    const writer = new Writer();
    codec.write(writer, sampleStruct(metadataResponse.fields, 6, seeded(42), 0));
    const bytes = writer.toBuffer();
    for (let cut = 0; cut < bytes.length; cut++) {
      expect(() => codec.read(new Reader(bytes.subarray(0, cut)))).toThrow(ProtocolError);
    }
  });

  it('rejects an array length larger than the bytes left instead of allocating it', () => {
    const codec = codecFor<Record<string, unknown>>(apiSchemas.get(3)!.request, 1);
    const bytes = Buffer.from([0x7f, 0xff, 0xff, 0xff]);
    expect(() => codec.read(new Reader(bytes))).toThrow(/array claims/);
  });

  it('reads a null array only in versions that allow one', () => {
    const metadataRequest = apiSchemas.get(3)!.request; // Topics: nullable from v1 ("all topics")
    const nullTopics = Buffer.from([0xff, 0xff, 0xff, 0xff]);
    expect(() => codecFor(metadataRequest, 0).read(new Reader(nullTopics))).toThrow(/null array 'topics' is not allowed in version 0/);
    expect(codecFor<{ topics: unknown }>(metadataRequest, 1).read(new Reader(nullTopics)).topics).toBeNull();
  });

  it('refuses to write null into a field that is not nullable', () => {
    const codec = codecFor<Record<string, unknown>>(apiSchemas.get(19)!.request, 3);
    expect(() => codec.write(new Writer(), { topics: [{ name: null }] })).toThrow(/not nullable/);
  });

  it('writes tagged fields only when they differ from the default, and skips unknown tags', () => {
    const request = apiSchemas.get(1)!.request; // Fetch v12+ has ClusterId as tag 0
    const codec = codecFor<{ clusterId: string | null }>(request, 12);
    const plain = new Writer();
    codec.write(plain, {});
    const tagged = new Writer();
    codec.write(tagged, { clusterId: 'lanes' });
    expect(tagged.length).toBe(plain.length + 'lanes'.length + 3);
    expect(codec.read(new Reader(tagged.toBuffer())).clusterId).toBe('lanes');
  });
});
