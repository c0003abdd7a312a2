import type { RecordView, RecordsBatchWriter } from '@lanes/events';

/**
 * Records of one partition that arrived together (one fetch, for the tap), oldest first.
 *
 * A record becomes a RecordView (key and value as text, headers, producer) only when it is kept as
 * recent; browsers are sent its bytes (RecordsBatchWriter), and a browser that has fallen behind
 * gets counts and offset ranges, which need offsets alone. A run may keep the fetched bytes alive
 * (kafkajs's keys and values are views of its fetch responses) until a browser has been sent it or
 * has had it counted.
 */
export interface RecordRun {
  readonly topic: string;
  readonly partition: number;
  readonly length: number;
  offsetAt(index: number): number;
  /** Views of the records from `start` to `end` (exclusive). */
  views(start: number, end: number): RecordView[];
  /** Adds the records from `start` to `end` (exclusive) to a `records:batch`, as one run. */
  write(start: number, end: number, writer: RecordsBatchWriter): void;
}

/** A run over records that already are views, all of one partition. */
export function runOfViews(records: readonly RecordView[]): RecordRun {
  const first = records[0];
  if (!first) throw new RangeError('A record run holds at least one record.');
  return {
    topic: first.topic,
    partition: first.partition,
    length: records.length,
    offsetAt: (index) => records[index]!.offset,
    views: (start, end) => records.slice(start, end),
    write(start, end, writer) {
      writer.beginRun(first.topic, first.partition);
      for (let index = start; index < end; index++) writer.addView(records[index]!);
    },
  };
}
