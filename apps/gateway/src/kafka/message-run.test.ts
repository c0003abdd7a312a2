import type { KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { messageRun } from './message-run';

function message(offset: number, key: string | null, value: string): KafkaMessage {
  return { offset: String(offset), key: key === null ? null : Buffer.from(key), value: Buffer.from(value), timestamp: '1700000000000', attributes: 0, headers: {} };
}

describe('messageRun', () => {
  it('reads offsets from the messages and makes each view once, when first asked for', () => {
    const run = messageRun('orders', 3, [message(41, 'k1', 'a'), message(42, null, 'b'), message(43, 'k3', 'c')]);
    expect(run.length).toBe(3);
    expect([run.offsetAt(0), run.offsetAt(2)]).toEqual([41, 43]);
    const tail = run.views(1, 3);
    expect(tail.map((view) => [view.topic, view.partition, view.offset, view.key, view.value])).toEqual([
      ['orders', 3, 42, null, 'b'],
      ['orders', 3, 43, 'k3', 'c'],
    ]);
    expect(run.views(0, 3).slice(1)).toEqual(tail);
    expect(run.views(2, 3)[0]).toBe(tail[1]);
  });
});
