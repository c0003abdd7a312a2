import { limits } from '@lanes/events';
import { describe, expect, it } from 'vitest';
import { messageLineNumbers, prepareProduce, SEED_EXAMPLE, summarizeMessages, type ProduceForm } from './produce-request';

const form = (overrides: Partial<ProduceForm> = {}): ProduceForm => ({
  topic: 'orders',
  partitionCount: 3,
  text: SEED_EXAMPLE,
  noKeyMarker: '-',
  partitionText: '',
  profile: 'kafkajs',
  acks: -1,
  ...overrides,
});

describe('prepareProduce', () => {
  it("turns the seed lab's lines into keyed messages for the chosen topic, profile and acks", () => {
    const prepared = prepareProduce(form({ profile: 'librdkafka', acks: 1 }));
    expect(prepared).toEqual({
      ok: true,
      messages: expect.any(Array),
      command: {
        topic: 'orders',
        profile: 'librdkafka',
        acks: 1,
        messages: [
          { key: 'u1', value: 'click 10' },
          { key: 'u2', value: 'purchase 99' },
          { key: 'u1', value: 'view 1' },
        ],
      },
    });
  });

  it('applies an explicit partition to every line', () => {
    const prepared = prepareProduce(form({ partitionText: '2' }));
    expect(prepared.ok && prepared.command.messages.map((m) => m.partition)).toEqual([2, 2, 2]);
  });

  it('blames the partition field, not the text, for a partition the topic lacks', () => {
    expect(prepareProduce(form({ partitionText: '7' }))).toMatchObject({ ok: false, target: 'partition', message: expect.stringContaining('Partition 7 does not exist') });
  });

  it('uses the chosen no-key marker', () => {
    const prepared = prepareProduce(form({ text: '~ hello\n- world', noKeyMarker: '~' }));
    expect(prepared.ok && prepared.command.messages).toEqual([
      { key: null, value: 'hello' },
      { key: '-', value: 'world' },
    ]);
  });

  it('rejects a marker that could never be typed as a key', () => {
    expect(prepareProduce(form({ noKeyMarker: '' }))).toMatchObject({ ok: false, target: 'marker' });
    expect(prepareProduce(form({ noKeyMarker: 'no key' }))).toMatchObject({ ok: false, target: 'marker' });
  });

  it('names the line of broken JSON', () => {
    expect(prepareProduce(form({ text: 'u1 ok\n\n{"priority": high}' }))).toMatchObject({ ok: false, target: 'messages', message: expect.stringContaining('Line 3') });
  });

  it('asks for at least one message', () => {
    expect(prepareProduce(form({ text: '\n  \n' }))).toMatchObject({ ok: false, target: 'messages', message: expect.stringContaining('at least one message') });
  });

  it('refuses more lines than one send may carry, pointing at the load generator', () => {
    const text = Array.from({ length: limits.maxMessagesPerProduce + 1 }, (_, i) => `k${i} v`).join('\n');
    expect(prepareProduce(form({ text }))).toMatchObject({ ok: false, target: 'messages', message: expect.stringContaining('load generator') });
  });

  it('refuses an oversized message by its line number before sending', () => {
    const text = `u1 small\n\nu2 ${'x'.repeat(limits.maxMessageBytes)}`;
    expect(prepareProduce(form({ text }))).toMatchObject({ ok: false, target: 'messages', message: expect.stringContaining('Line 3 is') });
  });

  it('needs a topic', () => {
    expect(prepareProduce(form({ topic: null, partitionCount: 0 }))).toMatchObject({ ok: false, target: 'send' });
  });
});

describe('messageLineNumbers and summarizeMessages', () => {
  it('maps messages to the lines a person typed, skipping blank ones', () => {
    expect(messageLineNumbers('a 1\n\n  \nb 2\r\nc 3')).toEqual([1, 4, 5]);
  });

  it('counts keyed and keyless messages and lists the keys', () => {
    expect(summarizeMessages([{ key: 'u1', value: '' }, { key: 'u2', value: '' }, { key: 'u1', value: '' }, { key: null, value: '' }])).toBe(
      '4 messages: 3 keyed (2 keys: u1, u2), 1 without a key',
    );
    expect(summarizeMessages([{ key: 'u1', value: 'x' }])).toBe('1 message: 1 keyed (key: u1)');
  });
});
