import { PartitioningError } from './partition-choice';

/**
 * A record key as callers hand it over. Strings are UTF-8 encoded, as every client does: kafkajs
 * turns a non-Buffer key into Buffer.from(String(key)), so the number 42 hashes as the two bytes
 * "42", not as the four big-endian bytes Java's IntegerSerializer would produce.
 */
export type RecordKey = string | Uint8Array;

const utf8 = new TextEncoder();

export function keyBytes(key: RecordKey): Uint8Array {
  if (typeof key === 'string') return utf8.encode(key);
  if (key instanceof Uint8Array) return key;
  throw new PartitioningError(`A key must be a string, a Uint8Array or null; got ${describeType(key)}.`);
}

/** Rejects anything that is not a key or null before a strategy sees it. */
export function checkKey(key: unknown): RecordKey | null {
  if (key === null || key === undefined) return null;
  if (typeof key === 'string' || key instanceof Uint8Array) return key;
  throw new PartitioningError(`A key must be a string, a Uint8Array or null; got ${describeType(key)}. Convert numbers with String(key), as kafkajs does.`);
}

const SHOWN_CHARACTERS = 40;
const SHOWN_BYTES = 16;

/** How a key appears inside an explanation: 'u1' for text, 0x7531 for bytes. */
export function describeKey(key: RecordKey): string {
  if (typeof key === 'string') {
    const shown = key.length > SHOWN_CHARACTERS ? `${key.slice(0, SHOWN_CHARACTERS)}…` : key;
    return `'${JSON.stringify(shown).slice(1, -1).replace(/'/g, "\\'")}'`;
  }
  const hex = Array.from(key.subarray(0, SHOWN_BYTES), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return key.length > SHOWN_BYTES ? `0x${hex}… (${key.length} bytes)` : `0x${hex}`;
}

/** The bytes that get hashed, spaced in hex, for the steps table. */
export function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return '(empty)';
  const hex = Array.from(bytes.subarray(0, SHOWN_BYTES), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > SHOWN_BYTES ? `${hex} … (${bytes.length} bytes)` : hex;
}

export function keyBytesLabel(key: RecordKey): string {
  return typeof key === 'string' ? 'key bytes (UTF-8)' : 'key bytes';
}

/** True for text such as "42" or "-7", which a reader may expect to hash as a number. */
export function isDecimalText(key: RecordKey): key is string {
  return typeof key === 'string' && /^-?\d+$/.test(key);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
