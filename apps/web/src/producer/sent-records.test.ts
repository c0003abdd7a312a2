import { describe, expect, it } from 'vitest';
import { describeSend, explanationSteps, keepLatest, offsetLabel, placeLabel, SENT_LIMIT, toSentRecords, type SentRecord } from './sent-records';

const U1_KAFKAJS_3 = "murmur2('u1') = 745337584 → & 0x7fffffff → 745337584 → % 3 = 1";

function sent(overrides: Partial<SentRecord> = {}): SentRecord {
  return { id: 1, topic: 'orders', key: 'u1', partition: 1, offset: 0, profile: 'kafkajs', explanation: U1_KAFKAJS_3, partitionCount: 3, sentAt: 0, ...overrides };
}

describe('toSentRecords and keepLatest', () => {
  it('numbers the records of one send and keeps the newest first, bounded', () => {
    const records = toSentRecords(
      {
        records: [
          { key: 'u1', partition: 1, offset: 0, timestamp: 5, profile: 'kafkajs', explanation: 'a' },
          { key: 'u2', partition: 0, offset: 0, timestamp: 5, profile: 'kafkajs', explanation: 'b' },
        ],
      },
      'orders',
      3,
      10,
    );
    expect(records.map((r) => [r.id, r.key, r.partitionCount])).toEqual([
      [10, 'u1', 3],
      [11, 'u2', 3],
    ]);
    const list = keepLatest([sent({ id: 1 })], records);
    expect(list.map((r) => r.id)).toEqual([11, 10, 1]);
    const many = Array.from({ length: SENT_LIMIT + 5 }, (_, i) => sent({ id: i }));
    expect(keepLatest(list, many)).toHaveLength(SENT_LIMIT);
    expect(keepLatest(list, many)[0]?.id).toBe(SENT_LIMIT + 4);
  });
});

describe('labels', () => {
  it('says why the offset is unknown with acks=0', () => {
    expect(offsetLabel(4)).toBe('offset 4');
    expect(offsetLabel(null)).toMatch(/acks=0/);
    expect(placeLabel({ partition: 2, offset: null })).toBe('p2 @ ?');
    expect(placeLabel({ partition: 2, offset: 7 })).toBe('p2 @ 7');
  });

  it('summarizes a send for the timeline', () => {
    const text = describeSend([sent(), sent({ key: null, partition: 2, offset: null })], 'orders');
    expect(text).toBe('orders: 2 sent with kafkajs: u1 → p1@0, (no key) → p2@?');
  });
});

describe('explanationSteps', () => {
  it('rebuilds the hash steps of a keyed record with the same code the gateway ran', () => {
    expect(explanationSteps(sent())).toEqual([
      { label: 'key bytes (UTF-8)', value: '75 31' },
      { label: 'murmur2', value: '745337584' },
      { label: '& 0x7fffffff', value: '745337584' },
      { label: '% 3 (partition count)', value: '1' },
    ]);
  });

  it('falls back to the explanation itself when the record did not follow the key', () => {
    const explicit = sent({ partition: 2, explanation: 'explicit partition 2: it wins over the key and the partitioner' });
    expect(explanationSteps(explicit)).toEqual([{ label: 'start', value: explicit.explanation }]);
    const keyless = explanationSteps(sent({ key: null, partition: 0, explanation: 'no key: round robin → counter 7 → % 3 = 1' }));
    expect(keyless.map((s) => s.value)).toEqual(['no key: round robin', 'counter 7', '% 3 = 1']);
    expect(keyless.map((s) => s.label)).toEqual(['start', 'step 1', 'result']);
  });

  it('does not pass off steps for a partition count the topic no longer has', () => {
    // The topic grew to 4 partitions after the send: recomputing would describe another choice.
    const steps = explanationSteps(sent({ partitionCount: 4 }));
    expect(steps.at(-1)).toEqual({ label: 'result', value: '% 3 = 1' });
  });
});
