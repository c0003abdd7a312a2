import { describe, expect, it } from 'vitest';
import { addSent, clearSent, producerStore, setProfile } from './producer-store';
import { SENT_LIMIT, type SentRecord } from './sent-records';

const record = (id: number): SentRecord => ({ id, topic: 't', key: 'k', partition: 0, offset: id, profile: 'kafkajs', explanation: '', partitionCount: 1, sentAt: 0 });

describe('producerStore', () => {
  it('numbers sent records across sends and keeps the newest first, bounded', () => {
    clearSent();
    const first = addSent((firstId) => [record(firstId), record(firstId + 1)]);
    const second = addSent((firstId) => [record(firstId)]);
    expect(second[0]!.id).toBe(first[1]!.id + 1);
    expect(producerStore.getState().sent.map((r) => r.id)).toEqual([second[0]!.id, first[1]!.id, first[0]!.id]);
    addSent((firstId) => Array.from({ length: SENT_LIMIT }, (_, i) => record(firstId + i)));
    expect(producerStore.getState().sent).toHaveLength(SENT_LIMIT);
  });

  it('shares the chosen profile', () => {
    setProfile('librdkafka');
    expect(producerStore.getState().profile).toBe('librdkafka');
  });
});
