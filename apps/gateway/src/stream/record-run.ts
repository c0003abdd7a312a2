import type { RecordView } from '@lanes/events';

/**
 * Records of one partition that arrived together (one fetch, for the tap), oldest first.
 *
 * A record becomes a RecordView (key and value as text, headers, producer) only when a browser is
 * sent it or it is kept as recent: a browser that has fallen behind gets counts and offset ranges,
 * which need offsets alone. A run may keep the fetched bytes alive (kafkajs's keys and values are
 * views of its fetch responses) until a browser has been sent it or has had it counted.
 */
export interface RecordRun {
  readonly topic: string;
  readonly partition: number;
  readonly length: number;
  offsetAt(index: number): number;
  /** Views of the records from `start` to `end` (exclusive). */
  views(start: number, end: number): RecordView[];
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
  };
}
