import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeRecordsBatch, type RecordView } from '@lanes/events';
import { runOfViews } from './record-run';
import { StreamHub } from './stream-hub';

function run(...offsets: number[]) {
  return runOfViews(offsets.map((offset): RecordView => ({ topic: 'orders', partition: 0, offset, key: null, value: 'v', valueBytes: 1, timestamp: 0, headers: {} })));
}

const hubs: StreamHub[] = [];
afterEach(() => {
  for (const hub of hubs.splice(0)) hub.close();
});

function setUp(flushIntervalMs: number, maxRecordsPerBatch?: number) {
  const hub = new StreamHub({ emit: () => {} }, { flushIntervalMs, clientBufferRecords: 1000, maxRecordsPerBatch });
  hubs.push(hub);
  const received: number[][] = [];
  hub.addClient('browser', {
    sendRecords: (bytes, ack) => {
      received.push(decodeRecordsBatch(bytes).records.map((r) => r.offset));
      ack();
    },
    sendAggregates: () => {},
    sendConsumed: () => {},
  });
  return { hub, received };
}

describe('StreamHub flushing', () => {
  it('sends the first records after a quiet spell at once, everything from one turn in one batch', async () => {
    const { hub, received } = setUp(10_000);
    hub.publishRecords(run(0));
    hub.publishRecords(run(1, 2));
    expect(received).toEqual([]);
    await nextTurn();
    expect(received).toEqual([[0, 1, 2]]);
  });

  it('holds later records until the flush interval has passed, then sends them together', async () => {
    const { hub, received } = setUp(40);
    hub.publishRecords(run(0));
    await nextTurn();
    hub.publishRecords(run(1));
    hub.publishRecords(run(2));
    await nextTurn();
    expect(received).toEqual([[0]]);
    await sleep(80);
    expect(received).toEqual([[0], [1, 2]]);
  });

  it('sends the first batch of a burst at once and the rest in the next turn, in order', async () => {
    const { hub, received } = setUp(10_000, 2);
    hub.publishRecords(run(0, 1, 2, 3, 4));
    await nextTurn();
    expect(received).toEqual([[0, 1]]);
    await nextTurn();
    expect(received).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('sends what is pending when closed', () => {
    const { hub, received } = setUp(10_000);
    hub.publishRecords(run(7));
    hub.close();
    expect(received).toEqual([[7]]);
  });

  it('sends the rest of a burst when closed before the next turn', async () => {
    const { hub, received } = setUp(10_000, 2);
    hub.publishRecords(run(0, 1, 2));
    await nextTurn();
    hub.close();
    expect(received).toEqual([[0, 1], [2]]);
  });
});
