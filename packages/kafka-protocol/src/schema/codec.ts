import { ProtocolError } from '../primitives/protocol-error';
import type { Reader } from '../primitives/reader';
import { Writer, type Bytes } from '../primitives/writer';
import type { FieldSchema, FieldType, MessageSchema } from './message-schema';
import { inRange, isFlexible } from './message-schema';

type Value = unknown;
type Struct = Record<string, Value>;
type ReadFn = (reader: Reader) => Value;
type WriteFn = (writer: Writer, value: Value) => void;

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
const EMPTY = Buffer.alloc(0);

const compiled = new WeakMap<MessageSchema, Map<number, MessageCodec<unknown>>>();

/**
 * Compiles a schema for one version into closures, once; later calls return the cached codec.
 * Unsupported versions throw: the caller decides whether that means UNSUPPORTED_VERSION.
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
    const flexible = isFlexible(schema, version);
    const struct = compileStruct(schema.fields, version, flexible);
    codec = { schema, version, flexible, read: struct.read, write: struct.write } as MessageCodec<unknown>;
    byVersion.set(version, codec);
  }
  return codec as MessageCodec<T>;
}

function compileStruct(fields: readonly FieldSchema[], version: number, flexible: boolean): { read: ReadFn; write: WriteFn } {
  const absent: { name: string; make: () => Value }[] = [];
  const plain: { name: string; read: ReadFn; write: WriteFn; fallback: () => Value }[] = [];
  const tagged: { name: string; tag: number; read: ReadFn; write: WriteFn; fallback: () => Value; isDefault: (v: Value) => boolean }[] = [];

  for (const field of fields) {
    const fallback = defaultMaker(field);
    if (!inRange(field.versions, version)) {
      absent.push({ name: field.name, make: fallback });
      continue;
    }
    const nullable = inRange(field.nullableVersions, version);
    const fieldFlexible = flexible && !field.neverFlexible;
    const io = compileType(field.type, version, fieldFlexible, nullable, field.name);
    if (flexible && field.tag !== undefined && inRange(field.taggedVersions, version)) {
      tagged.push({ name: field.name, tag: field.tag, ...io, fallback, isDefault: (v) => isDefaultValue(field, v) });
    } else {
      plain.push({ name: field.name, ...io, fallback });
    }
  }
  tagged.sort((a, b) => a.tag - b.tag);
  const taggedByTag = new Map(tagged.map((t) => [t.tag, t]));

  const read: ReadFn = (reader) => {
    const result: Struct = {};
    for (const field of plain) result[field.name] = field.read(reader);
    for (const field of absent) result[field.name] = field.make();
    if (flexible) {
      for (const field of tagged) result[field.name] = field.fallback();
      reader.taggedFields((tag, fieldReader) => {
        const field = taggedByTag.get(tag);
        if (!field) return false;
        result[field.name] = field.read(fieldReader);
        return true;
      });
    }
    return result;
  };

  const write: WriteFn = (writer, value) => {
    const struct = (value ?? {}) as Struct;
    for (const field of plain) {
      const fieldValue = struct[field.name];
      field.write(writer, fieldValue === undefined ? field.fallback() : fieldValue);
    }
    if (flexible) {
      const present = tagged.filter((field) => struct[field.name] !== undefined && !field.isDefault(struct[field.name]));
      writer.uvarint(present.length);
      for (const field of present) {
        const inner = new Writer(64);
        field.write(inner, struct[field.name]);
        writer.uvarint(field.tag).uvarint(inner.length);
        for (const chunk of inner.toChunks()) writer.raw(chunk);
      }
    }
  };

  return { read, write };
}

function compileType(type: FieldType, version: number, flexible: boolean, nullable: boolean, name: string): { read: ReadFn; write: WriteFn } {
  const notNull = (_value: Value): never => {
    throw new RangeError(`field '${name}' is not nullable in version ${version}`);
  };
  switch (type.kind) {
    case 'int8':
      return { read: (r) => r.int8(), write: (w, v) => w.int8(v as number) };
    case 'int16':
      return { read: (r) => r.int16(), write: (w, v) => w.int16(v as number) };
    case 'uint16':
      return { read: (r) => r.uint16(), write: (w, v) => w.uint16(v as number) };
    case 'int32':
      return { read: (r) => r.int32(), write: (w, v) => w.int32(v as number) };
    case 'int64':
      return { read: (r) => r.int64(), write: (w, v) => w.int64(v as number) };
    case 'float64':
      return { read: (r) => r.float64(), write: (w, v) => w.float64(v as number) };
    case 'bool':
      return { read: (r) => r.bool(), write: (w, v) => w.bool(v as boolean) };
    case 'uuid':
      return { read: (r) => r.uuid(), write: (w, v) => w.uuid(v as string) };
    case 'string':
      if (flexible) {
        return nullable
          ? { read: (r) => r.compactNullableString(), write: (w, v) => w.compactNullableString(v as string | null) }
          : { read: (r) => r.compactString(), write: (w, v) => (v === null ? notNull(v) : w.compactString(v as string)) };
      }
      return nullable
        ? { read: (r) => r.nullableString(), write: (w, v) => w.nullableString(v as string | null) }
        : { read: (r) => r.string(), write: (w, v) => (v === null ? notNull(v) : w.string(v as string)) };
    case 'bytes':
    case 'records':
      // Records are always nullable on the wire; bytes only where the schema says so.
      if (flexible) {
        return nullable || type.kind === 'records'
          ? { read: (r) => r.compactNullableBytes(), write: (w, v) => w.compactNullableBytes(v as Bytes | null) }
          : { read: (r) => r.compactBytes(), write: (w, v) => (v === null ? notNull(v) : w.compactBytes(v as Bytes)) };
      }
      return nullable || type.kind === 'records'
        ? { read: (r) => r.nullableBytes(), write: (w, v) => w.nullableBytes(v as Bytes | null) }
        : { read: (r) => r.bytes(), write: (w, v) => (v === null ? notNull(v) : w.bytes(v as Bytes)) };
    case 'array': {
      const item = compileType(type.items, version, flexible, false, `${name}[]`);
      const readLength = flexible ? (r: Reader) => r.compactArrayLength() : (r: Reader) => r.arrayLength();
      return {
        read: (r) => {
          const length = readLength(r);
          if (length === -1) {
            if (!nullable) throw new ProtocolError(`null array '${name}' is not allowed in version ${version}`);
            return null;
          }
          const items = new Array<Value>(length);
          for (let i = 0; i < length; i++) items[i] = item.read(r);
          return items;
        },
        write: (w, v) => {
          if (v === null) {
            if (!nullable) notNull(v);
            if (flexible) w.compactArrayLength(null);
            else w.arrayLength(null);
            return;
          }
          const items = v as Value[];
          if (flexible) w.compactArrayLength(items.length);
          else w.arrayLength(items.length);
          for (const element of items) item.write(w, element);
        },
      };
    }
    case 'struct': {
      const struct = compileStruct(type.fields, version, flexible);
      return {
        read: (r) => {
          if (nullable && r.int8() < 0) return null;
          return struct.read(r);
        },
        write: (w, v) => {
          if (nullable) {
            w.int8(v === null ? -1 : 1);
            if (v === null) return;
          }
          struct.write(w, v);
        },
      };
    }
  }
}

function defaultMaker(field: FieldSchema): () => Value {
  if (field.default !== undefined) {
    const value = field.default;
    return () => value;
  }
  return defaultForType(field.type);
}

function defaultForType(type: FieldType): () => Value {
  switch (type.kind) {
    case 'int8':
    case 'int16':
    case 'uint16':
    case 'int32':
    case 'int64':
    case 'float64':
      return () => 0;
    case 'bool':
      return () => false;
    case 'string':
      return () => '';
    case 'uuid':
      return () => ZERO_UUID;
    case 'bytes':
      return () => EMPTY;
    case 'records':
      return () => null;
    case 'array':
      return () => [];
    case 'struct': {
      const makers = type.fields.map((f) => [f.name, defaultMaker(f)] as const);
      return () => Object.fromEntries(makers.map(([name, make]) => [name, make()]));
    }
  }
}

function isDefaultValue(field: FieldSchema, value: Value): boolean {
  const fallback = defaultMaker(field)();
  if (value === fallback) return true;
  if (Array.isArray(value)) return value.length === 0 && Array.isArray(fallback);
  if (Buffer.isBuffer(value)) return value.length === 0 && Buffer.isBuffer(fallback);
  return false;
}
