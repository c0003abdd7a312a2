import type { KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { RecordsBatchWriter, decodeRecordsBatch, limits } from '@lanes/events';
import { messageRun } from './message-run';
import { PRODUCER_HEADER } from './record-view';

function message(offset: number, key: string | Buffer | null, value: string | Buffer | null, headers: KafkaMessage['headers'] = {}): KafkaMessage {
  const bytes = (text: string | Buffer | null) => (typeof text === 'string' ? Buffer.from(text) : text);
  return { offset: String(offset), key: bytes(key), value: bytes(value), timestamp: String(1_700_000_000_000 + offset), attributes: 0, headers };
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

  it('sends browsers, from the bytes kafkajs read, exactly what its views show', () => {
    const messages = [
      message(7, 'u1', 'plain ascii'),
      message(8, null, null),
      message(9, 'ключ', `${'a'.repeat(limits.valuePreviewBytes - 1)}é and more`),
      message(10, Buffer.from([0xff, 0x41]), Buffer.from([0x08, 0x96, 0x01, 0x22, 0x5c, 0x0a])),
      message(11, 'k'.repeat(limits.maxKeyBytes + 1), '{"priority":"high"}', { [PRODUCER_HEADER]: Buffer.from('kcat'), trace: Buffer.from('t-1'), tags: [Buffer.from('a'), Buffer.from('b')] }),
      message(12, 'u1', 'only the producer', { [PRODUCER_HEADER]: Buffer.from('load') }),
      message(13, '', ''),
    ];
    const run = messageRun('orders', 5, messages);
    const writer = new RecordsBatchWriter();
    run.write(1, messages.length, writer);

    const sent = decodeRecordsBatch(writer.finish()).records;

    expect(sent).toEqual(run.views(1, messages.length));
    expect(sent.map((r) => r.producer)).toEqual([undefined, undefined, undefined, 'kcat', 'load', undefined]);
    expect(sent[3]!.headers).toEqual({ trace: 't-1', tags: 'a,b' });
  });
});
