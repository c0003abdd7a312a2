import { z } from 'zod';
import { limits } from './limits';
import type { RecordView, RecordsBatch } from './views';

/**
 * `records:batch` travels as one binary attachment: the gateway encodes a flush once and sends the
 * same bytes to every browser (socket.io passes binary attachments through untouched), instead of
 * serialising the same records once per connected student.
 *
 *     [text: each record's key, then its value preview, as UTF-8, back to back]
 *     [index: UTF-8 JSON, the records in runs of one partition, column by column]
 *     [the index's length in bytes: uint32, little-endian]
 *
 * Keys and values stay the bytes Kafka gave the gateway: it copies them and never turns them into
 * strings or escapes them for JSON, which was most of what a record cost it (docs/performance.md).
 * The browser decodes all the text at once and, when every byte was one character (ASCII, the
 * common case), cuts each key and value out of it; otherwise it decodes them one by one.
 *
 * Each side works with RecordView objects; only this file knows the wire shape.
 */
export const recordRunIndexSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  /** Offsets and timestamps as differences from the run's first: small integers, quick to write and read. */
  firstOffset: z.number(),
  offsetDeltas: z.array(z.number()),
  firstTimestamp: z.number(),
  timestampDeltas: z.array(z.number()),
  /** The whole value's size; the text holds at most limits.valuePreviewBytes of it. */
  valueBytes: z.array(z.number()),
  /** Bytes of the key in the text, −1 for a record without a key. */
  keyLengths: z.array(z.number()),
  /** Bytes of the value preview in the text. */
  valueLengths: z.array(z.number()),
  /** Only when a record of the run has headers; `{}` stands for those without. */
  headers: z.array(z.record(z.string(), z.string())).optional(),
  /** Only when a record of the run names its producer; `null` stands for those that do not. */
  producers: z.array(z.string().nullable()).optional(),
});

export const recordsBatchIndexSchema = z.object({ runs: z.array(recordRunIndexSchema) });

export type RecordRunIndex = z.infer<typeof recordRunIndexSchema>;
export type RecordsBatchIndex = z.infer<typeof recordsBatchIndexSchema>;

/** What a record carries besides key and value, already as text; most records have neither. */
export interface RecordExtras {
  headers: Record<string, string>;
  producer?: string;
}

const NO_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const INDEX_LENGTH_BYTES = 4;
const encoder = new TextEncoder();
// ignoreBOM: a value that starts with a byte order mark shows it, as the gateway's own text does.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Builds one `records:batch` from records as Kafka clients hand them over: runs of one partition,
 * keys and values as bytes. Nothing is copied until `finish`, which makes the batch in one piece.
 */
export class RecordsBatchWriter {
  private readonly runs: RecordRunIndex[] = [];
  private run: RecordRunIndex | null = null;
  private runTopic: string | null = null;
  private runPartition = 0;
  private readonly pieces: Uint8Array[] = [];
  private textBytes = 0;

  /** Starts a run; the records added next belong to this partition. */
  beginRun(topic: string, partition: number): void {
    this.run = null;
    this.runTopic = topic;
    this.runPartition = partition;
  }

  /** A record as Kafka clients hand it over; keys are cut to limits.maxKeyBytes, values to limits.valuePreviewBytes. */
  add(offset: number, timestamp: number, key: Uint8Array | null, value: Uint8Array | null, extras?: RecordExtras): void {
    const keyLength = key ? this.text(key, limits.maxKeyBytes) : -1;
    const valueLength = value ? this.text(value, limits.valuePreviewBytes) : 0;
    this.index(offset, timestamp, value?.length ?? 0, keyLength, valueLength, extras);
  }

  /** A record that already is a view: its key and value preview are written as they are. */
  addView(record: RecordView): void {
    const keyLength = record.key === null ? -1 : this.text(encoder.encode(record.key), Infinity);
    const valueLength = this.text(encoder.encode(record.value), Infinity);
    this.index(record.offset, record.timestamp, record.valueBytes, keyLength, valueLength, record);
  }

  private index(offset: number, timestamp: number, valueBytes: number, keyLength: number, valueLength: number, extras: Partial<RecordExtras> | undefined): void {
    const run = this.run ?? this.startRun(offset, timestamp);
    const position = run.offsetDeltas.length;
    run.offsetDeltas.push(offset - run.firstOffset);
    run.timestampDeltas.push(timestamp - run.firstTimestamp);
    run.valueBytes.push(valueBytes);
    run.keyLengths.push(keyLength);
    run.valueLengths.push(valueLength);
    const headers = extras?.headers ?? NO_HEADERS;
    if (hasAny(headers)) (run.headers ??= new Array<Record<string, string>>(position).fill({}))[position] = headers;
    else if (run.headers) run.headers.push({});
    const producer = extras?.producer;
    if (producer !== undefined) (run.producers ??= new Array<string | null>(position).fill(null))[position] = producer;
    else if (run.producers) run.producers.push(null);
  }

  private startRun(firstOffset: number, firstTimestamp: number): RecordRunIndex {
    if (this.runTopic === null) throw new Error('RecordsBatchWriter.add needs beginRun first.');
    const run: RecordRunIndex = { topic: this.runTopic, partition: this.runPartition, firstOffset, offsetDeltas: [], firstTimestamp, timestampDeltas: [], valueBytes: [], keyLengths: [], valueLengths: [] };
    this.runs.push(run);
    this.run = run;
    return run;
  }

  /** The batch's bytes; the writer is spent. */
  finish(): Uint8Array {
    const index = encoder.encode(JSON.stringify({ runs: this.runs } satisfies RecordsBatchIndex));
    const bytes = new Uint8Array(this.textBytes + index.length + INDEX_LENGTH_BYTES);
    let at = 0;
    for (const piece of this.pieces) {
      bytes.set(piece, at);
      at += piece.length;
    }
    bytes.set(index, at);
    new DataView(bytes.buffer).setUint32(at + index.length, index.length, true);
    return bytes;
  }

  private text(bytes: Uint8Array, maxBytes: number): number {
    const piece = bytes.length <= maxBytes ? bytes : bytes.subarray(0, maxBytes);
    if (piece.length > 0) this.pieces.push(piece);
    this.textBytes += piece.length;
    return piece.length;
  }
}

/** for-in rather than Object.keys: most records have no headers, and this runs per record. */
function hasAny(headers: Record<string, string>): boolean {
  for (const name in headers) if (Object.hasOwn(headers, name)) return true;
  return false;
}

/** Records that already are views (key and value as text), as one `records:batch`. */
export function encodeRecordsBatch(batch: RecordsBatch): Uint8Array {
  const writer = new RecordsBatchWriter();
  let last: RecordView | undefined;
  for (const record of batch.records) {
    if (!last || last.topic !== record.topic || last.partition !== record.partition) writer.beginRun(record.topic, record.partition);
    last = record;
    writer.addView(record);
  }
  return writer.finish();
}

/** Where a `records:batch`'s text ends, and its index. */
export function readRecordsBatchIndex(received: Uint8Array | ArrayBuffer): { bytes: Uint8Array; textEnd: number; index: RecordsBatchIndex } {
  const bytes = received instanceof Uint8Array ? received : new Uint8Array(received);
  const indexEnd = bytes.length - INDEX_LENGTH_BYTES;
  if (indexEnd < 0) throw new Error(`A records:batch of ${bytes.length} bytes is too short to hold its index's length.`);
  const indexLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(indexEnd, true);
  const textEnd = indexEnd - indexLength;
  if (textEnd < 0) throw new Error(`A records:batch of ${bytes.length} bytes says its index is ${indexLength} bytes long.`);
  return { bytes, textEnd, index: JSON.parse(decoder.decode(bytes.subarray(textEnd, indexEnd))) as RecordsBatchIndex };
}

/** The records of one `records:batch`, in the order they were encoded. */
export function decodeRecordsBatch(received: Uint8Array | ArrayBuffer): RecordsBatch {
  const { bytes, textEnd, index } = readRecordsBatchIndex(received);
  const textBytes = bytes.subarray(0, textEnd);
  const text = decoder.decode(textBytes);
  // One character per byte throughout (ASCII, the common case): cut keys and values out of the
  // text decoded at once. Otherwise a character spans bytes somewhere, so decode them one by one.
  const oneCharPerByte = text.length === textBytes.length;
  const textOf = (from: number, to: number): string => (oneCharPerByte ? text.slice(from, to) : decoder.decode(textBytes.subarray(from, to)));
  const records: RecordView[] = [];
  let at = 0;
  for (const run of index.runs) {
    for (let position = 0; position < run.offsetDeltas.length; position++) {
      const keyLength = run.keyLengths[position]!;
      const key = keyLength < 0 ? null : textOf(at, (at += keyLength));
      const value = textOf(at, (at += run.valueLengths[position]!));
      const record: RecordView = {
        topic: run.topic,
        partition: run.partition,
        offset: run.firstOffset + run.offsetDeltas[position]!,
        key,
        value,
        valueBytes: run.valueBytes[position]!,
        timestamp: run.firstTimestamp + run.timestampDeltas[position]!,
        headers: run.headers?.[position] ?? {},
      };
      const producer = run.producers?.[position];
      if (producer != null) record.producer = producer;
      records.push(record);
    }
  }
  if (at !== textEnd) throw new Error(`A records:batch's index accounts for ${at} bytes of text, but it holds ${textEnd}.`);
  return { records };
}
