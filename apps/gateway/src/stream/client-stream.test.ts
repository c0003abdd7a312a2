import { describe, expect, it } from 'vitest';
import type { RecordsAggregate, RecordView } from '@lanes/events';
import { ClientStream, type EncodedBatch } from './client-stream';
import { runOfViews } from './record-run';
import { RunBatch } from './run-batch';

function batch(partition: number, from: number, count: number): EncodedBatch {
  const records: RecordView[] = Array.from({ length: count }, (_, i) => ({
    topic: 't',
    partition,
    offset: from + i,
    key: null,
    value: 'v',
    valueBytes: 1,
    timestamp: 0,
    headers: {},
  }));
  return new RunBatch([{ run: runOfViews(records), start: 0, end: count }]);
}

function recordingSink() {
  const sent: { bytes: Uint8Array; ack: () => void }[] = [];
  const aggregates: RecordsAggregate[] = [];
  return {
    sent,
    aggregates,
    sink: { sendRecords: (bytes: Uint8Array, ack: () => void) => sent.push({ bytes, ack }), sendAggregates: (a: RecordsAggregate[]) => aggregates.push(...a), sendConsumed: () => {} },
  };
}

describe('ClientStream', () => {
  it('never encodes a batch that the browser is sent only as counts', () => {
    const { sent, sink, aggregates } = recordingSink();
    const stream = new ClientStream(sink, 1, 5);
    stream.offer(batch(0, 0, 1));
    let encodings = 0;
    const behind = batch(0, 1, 10);
    stream.offer({ count: behind.count, summary: () => behind.summary(), bytes: () => (encodings++, behind.bytes()) });
    sent[0]!.ack();
    expect(aggregates).toEqual([{ topic: 't', partitions: [{ partition: 0, count: 10, fromOffset: 1, toOffset: 10 }] }]);
    expect(encodings).toBe(0);
  });

  it('sends at once while the browser keeps up, and holds batches past the in-flight limit', () => {
    const { sent, sink } = recordingSink();
    const stream = new ClientStream(sink, 2, 100);
    stream.offer(batch(0, 0, 10));
    stream.offer(batch(0, 10, 10));
    stream.offer(batch(0, 20, 10));
    expect(sent).toHaveLength(2);
    expect(stream.bufferedRecords).toBe(10);
    sent[0]!.ack();
    expect(sent).toHaveLength(3);
    expect(stream.lagging).toBe(false);
  });

  it('gives a browser that stops acknowledging counts and offset ranges instead, within a fixed bound', () => {
    const { sent, aggregates, sink } = recordingSink();
    const stream = new ClientStream(sink, 1, 50);
    stream.offer(batch(0, 0, 10)); // in flight, never acknowledged for now
    for (let i = 1; i <= 100; i++) stream.offer(batch(i % 2, i * 10, 10));
    expect(stream.bufferedRecords).toBeLessThanOrEqual(50 + 10);
    expect(sent).toHaveLength(1);
    sent[0]!.ack();
    const counted = aggregates.flatMap((a) => a.partitions).reduce((sum, p) => sum + p.count, 0);
    expect(counted + stream.bufferedRecords + (sent.length - 1) * 10).toBe(1000);
    const p1 = aggregates[0]!.partitions.find((p) => p.partition === 1)!;
    expect(p1.fromOffset).toBe(10);
  });

  it('counts everything offered while a browser is being counted, and sends records again once it acknowledges', () => {
    const { sent, aggregates, sink } = recordingSink();
    const stream = new ClientStream(sink, 1, 10);
    expect(stream.offer(batch(0, 0, 10))).toBe('sent');
    expect(stream.offer(batch(0, 10, 10))).toBe('queued');
    expect(stream.offer(batch(0, 20, 10))).toBe('counted');
    expect(stream.offer(batch(0, 30, 1))).toBe('counted');
    expect(stream.bufferedRecords).toBe(0);
    sent[0]!.ack();
    expect(aggregates).toEqual([{ topic: 't', partitions: [{ partition: 0, count: 21, fromOffset: 10, toOffset: 30 }] }]);
    expect(stream.offer(batch(0, 31, 1))).toBe('sent');
    expect(stream.aggregatedRecords).toBe(21);
  });

  it('ignores a second acknowledgement of the same batch', () => {
    const { sent, sink } = recordingSink();
    const stream = new ClientStream(sink, 1, 100);
    stream.offer(batch(0, 0, 1));
    stream.offer(batch(0, 1, 1));
    stream.offer(batch(0, 2, 1));
    sent[0]!.ack();
    sent[0]!.ack();
    expect(sent).toHaveLength(2);
  });
});
