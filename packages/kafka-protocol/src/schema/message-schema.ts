/**
 * Declarative description of a Kafka message, generated from Apache Kafka's JSON message
 * definitions (clients/src/main/resources/common/message/*.json). One table describes every
 * version; `codecFor` in ./codec compiles it into a reader and writer for one version.
 */

/** Inclusive version range; `MAX_VERSION` stands for "and every later version" ("12+"). */
export type VersionRange = readonly [from: number, to: number];

export const MAX_VERSION = 0x7fff;

export type PrimitiveType =
  | 'int8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'int64'
  | 'float64'
  | 'bool'
  | 'string'
  | 'bytes'
  | 'records'
  | 'uuid';

export type FieldType =
  | { readonly kind: PrimitiveType }
  | { readonly kind: 'array'; readonly items: FieldType }
  | { readonly kind: 'struct'; readonly fields: readonly FieldSchema[] };

export interface FieldSchema {
  /** lowerCamelCase of the Kafka field name: `PartitionIndex` -> `partitionIndex`. */
  readonly name: string;
  readonly type: FieldType;
  readonly versions: VersionRange;
  readonly nullableVersions?: VersionRange;
  /** Present for tagged fields (KIP-482): written in the tagged section, only when not default. */
  readonly tag?: number;
  readonly taggedVersions?: VersionRange;
  /** The value a field takes in versions that lack it, and the value left out when tagged. */
  readonly default?: number | boolean | string | null;
  /** RequestHeader's ClientId stays a classic string even in flexible header v2. */
  readonly neverFlexible?: boolean;
}

export interface MessageSchema {
  readonly name: string;
  readonly apiKey: number | null;
  readonly validVersions: VersionRange;
  /** `null` when no version is flexible. */
  readonly flexibleVersions: VersionRange | null;
  readonly fields: readonly FieldSchema[];
}

export function inRange(range: VersionRange | undefined | null, version: number): boolean {
  return range != null && version >= range[0] && version <= range[1];
}

export function isFlexible(schema: MessageSchema, version: number): boolean {
  return inRange(schema.flexibleVersions, version);
}
