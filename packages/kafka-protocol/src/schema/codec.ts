import { ProtocolError } from '../primitives/protocol-error';
import type { Reader } from '../primitives/reader';
import { Writer } from '../primitives/writer';
import { codecSource } from './codec-source';
import type { MessageSchema } from './message-schema';
import { inRange, isFlexible } from './message-schema';

/** A reader and writer for one message at one version. */
export interface MessageCodec<T> {
  readonly schema: MessageSchema;
  readonly version: number;
  readonly flexible: boolean;
  read(reader: Reader): T;
  /** Missing fields take their defaults, so callers may pass only what they mean. */
  write(writer: Writer, value: EncodeInput<T>): void;
}

/**
 * What `write` accepts: any field may be left out and then takes its Kafka default, and a bytes
 * field may be given as chunks to be written back to back (see Writer).
 */
export type EncodeInput<T> = T extends Buffer
  ? Buffer | readonly Buffer[]
  : T extends readonly (infer Item)[]
    ? readonly EncodeInput<Item>[]
    : T extends object
      ? { [K in keyof T]?: EncodeInput<T[K]> }
      : T;

const ZERO_UUID = '00000000000000000000000000000000';
const EMPTY_BYTES = Buffer.alloc(0);

/** What generated codecs call besides the Reader's and Writer's own methods (see codec-source.ts). */
const helpers = {
  ProtocolError,
  Writer,
  ZERO_UUID,
  EMPTY_BYTES,
  /** What a struct left out entirely (undefined or null) is written as: every field its default. */
  NO_FIELDS: Object.freeze({}),
  notNullable(name: string, version: number): never {
    throw new RangeError(`field '${name}' is not nullable in version ${version}`);
  },
};

const compiled = new WeakMap<MessageSchema, Map<number, MessageCodec<unknown>>>();

/**
 * Compiles a schema for one version into a reader and a writer, once; later calls return the cached
 * codec. Unsupported versions throw: the caller decides whether that means UNSUPPORTED_VERSION.
 *
 * @example
 *   const codec = codecFor<ProduceRequest>(ProduceRequestSchema, 7);
 *   const request = codec.read(new Reader(body));
 */
export function codecFor<T>(schema: MessageSchema, version: number): MessageCodec<T> {
  let byVersion = compiled.get(schema);
  if (!byVersion) {
    byVersion = new Map();
    compiled.set(schema, byVersion);
  }
  let codec = byVersion.get(version);
  if (!codec) {
    if (!inRange(schema.validVersions, version)) {
      throw new RangeError(`${schema.name} has no version ${version} (valid: ${schema.validVersions[0]}-${schema.validVersions[1]})`);
    }
    const { read, write } = compile(schema, version);
    codec = { schema, version, flexible: isFlexible(schema, version), read, write } as MessageCodec<unknown>;
    byVersion.set(version, codec);
  }
  return codec as MessageCodec<T>;
}

/** Turns codec-source.ts's source into functions; the sourceURL names them in stack traces and profiles. */
function compile(schema: MessageSchema, version: number): { read: (reader: Reader) => unknown; write: (writer: Writer, value: unknown) => void } {
  const source = codecSource(schema, version);
  // The source comes from the schema tables alone (codec-source.ts), never from a client's bytes.
  const factory = new Function('h', `${source}\n//# sourceURL=kafka-protocol/codecs/${schema.name}-v${version}.js`) as (h: typeof helpers) => ReturnType<typeof compile>;
  return factory(helpers);
}
