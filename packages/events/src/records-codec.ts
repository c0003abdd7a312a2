import { z } from 'zod';
import type { RecordView, RecordsBatch } from './views';

/**
 * `records:batch` travels as UTF-8 JSON bytes: the gateway encodes a flush once and sends the same
 * bytes to every browser (socket.io passes binary attachments through untouched), instead of
 * serialising the same records once per connected student.
 *
 * On the wire the records go in runs of one partition, column by column: topic and partition once
 * per run rather than once per record, and arrays of plain values rather than an object per record.
 * For 200 B values that is a third fewer bytes for every student's connection and half the time to
 * stringify (docs/performance.md). Each side works with RecordView objects; only this file knows the
 * wire shape.
 */
export const recordRunWireSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  offsets: z.array(z.number()),
  keys: z.array(z.string().nullable()),
  values: z.array(z.string()),
  valueBytes: z.array(z.number()),
  timestamps: z.array(z.number()),
  /** Only when a record of the run has headers; `{}` stands for those without. */
  headers: z.array(z.record(z.string(), z.string())).optional(),
  /** Only when a record of the run names its producer; `null` stands for those that do not. */
  producers: z.array(z.string().nullable()).optional(),
});

export const recordsBatchWireSchema = z.object({ runs: z.array(recordRunWireSchema) });

export type RecordRunWire = z.infer<typeof recordRunWireSchema>;
export type RecordsBatchWire = z.infer<typeof recordsBatchWireSchema>;

/** The records as the JSON text of their wire form; consecutive records of one partition share a run. */
export function recordsBatchText(records: readonly RecordView[]): string {
  const runs: RecordRunWire[] = [];
  let run: RecordRunWire | null = null;
  for (let index = 0; index < records.length; index++) {
    const record = records[index]!;
    if (!run || run.topic !== record.topic || run.partition !== record.partition) {
      run = { topic: record.topic, partition: record.partition, offsets: [], keys: [], values: [], valueBytes: [], timestamps: [] };
      runs.push(run);
    }
    const position = run.offsets.length;
    run.offsets.push(record.offset);
    run.keys.push(record.key);
    run.values.push(record.value);
    run.valueBytes.push(record.valueBytes);
    run.timestamps.push(record.timestamp);
    if (hasAny(record.headers)) (run.headers ??= new Array<Record<string, string>>(position).fill({}))[position] = record.headers;
    else if (run.headers) run.headers.push({});
    if (record.producer !== undefined) (run.producers ??= new Array<string | null>(position).fill(null))[position] = record.producer;
    else if (run.producers) run.producers.push(null);
  }
  return JSON.stringify({ runs } satisfies RecordsBatchWire);
}

/** for-in rather than Object.keys: most records have no headers, and this runs per record. */
function hasAny(headers: Record<string, string>): boolean {
  for (const name in headers) if (Object.hasOwn(headers, name)) return true;
  return false;
}

export function encodeRecordsBatch(batch: RecordsBatch): Uint8Array {
  return new TextEncoder().encode(recordsBatchText(batch.records));
}

/** The records of one `records:batch`, in the order they were encoded. */
export function decodeRecordsBatch(bytes: Uint8Array | ArrayBuffer): RecordsBatch {
  const { runs } = JSON.parse(new TextDecoder().decode(bytes)) as RecordsBatchWire;
  const records: RecordView[] = [];
  for (const run of runs) {
    for (let index = 0; index < run.offsets.length; index++) {
      const record: RecordView = {
        topic: run.topic,
        partition: run.partition,
        offset: run.offsets[index]!,
        key: run.keys[index]!,
        value: run.values[index]!,
        valueBytes: run.valueBytes[index]!,
        timestamp: run.timestamps[index]!,
        headers: run.headers?.[index] ?? {},
      };
      const producer = run.producers?.[index];
      if (producer != null) record.producer = producer;
      records.push(record);
    }
  }
  return { records };
}
