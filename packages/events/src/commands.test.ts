import { describe, expect, it } from 'vitest';
import { groupCreateSchema, produceSchema, topicCreateSchema } from './commands';
import { commandSchemas, controlCommands } from './event-maps';
import { limits } from './limits';

function firstError(result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) {
  expect(result.success).toBe(false);
  return result.error!.issues[0]!;
}

describe('topic names follow Kafka rules, with messages a person can act on', () => {
  it('accepts legal names', () => {
    for (const name of ['orders', 'a.b_c-1', 'x'.repeat(249)]) expect(topicCreateSchema.safeParse({ name, partitions: 3 }).success).toBe(true);
  });

  it('names the offending character', () => {
    expect(firstError(topicCreateSchema.safeParse({ name: 'my topic', partitions: 3 })).message).toBe(
      "Topic names may contain only letters, digits, '.', '_' and '-'; this one contains ' '.",
    );
  });

  it('rejects empty, dot, dot-dot and overlong names, and silly partition counts', () => {
    expect(firstError(topicCreateSchema.safeParse({ name: '', partitions: 3 })).message).toMatch(/Give the topic a name/);
    expect(firstError(topicCreateSchema.safeParse({ name: '..', partitions: 3 })).message).toMatch(/cannot be named/);
    expect(firstError(topicCreateSchema.safeParse({ name: 'x'.repeat(250), partitions: 3 })).message).toMatch(/at most 249/);
    expect(firstError(topicCreateSchema.safeParse({ name: 't', partitions: 0 })).message).toMatch(/at least 1 partition/);
    expect(firstError(topicCreateSchema.safeParse({ name: 't', partitions: 1.5 })).message).toMatch(/whole number/);
    expect(firstError(topicCreateSchema.safeParse({ name: 't', partitions: limits.maxPartitions + 1 })).message).toMatch(/at most/);
  });

  it('refuses unknown fields instead of ignoring them', () => {
    expect(topicCreateSchema.safeParse({ name: 't', partitions: 1, replicas: 3 }).success).toBe(false);
  });
});

describe('produce', () => {
  it('fills defaults: kafkajs profile, acks all', () => {
    const parsed = produceSchema.parse({ topic: 't', messages: [{ key: 'u1', value: 'click' }] });
    expect(parsed.profile).toBe('kafkajs');
    expect(parsed.acks).toBe(-1);
  });

  it('points at the oversized message by index', () => {
    const issue = firstError(produceSchema.safeParse({ topic: 't', messages: [{ key: null, value: 'ok' }, { key: null, value: 'x'.repeat(limits.maxMessageBytes + 1) }] }));
    expect(issue.path).toEqual(['messages', 1, 'value']);
    expect(issue.message).toMatch(/Message 2 is 1000001 bytes/);
  });

  it('rejects a negative partition and impossible acks', () => {
    expect(firstError(produceSchema.safeParse({ topic: 't', messages: [{ key: null, value: 'v', partition: -1 }] })).message).toMatch(/numbered from 0/);
    expect(firstError(produceSchema.safeParse({ topic: 't', messages: [{ key: null, value: 'v' }], acks: 2 })).message).toMatch(/acks is 0, 1 or -1/);
  });
});

describe('groups', () => {
  it('defaults to range, earliest, per-batch commits and a 10 s session timeout', () => {
    expect(groupCreateSchema.parse({ groupId: 'g', topics: ['t'] })).toMatchObject({ assignor: 'range', autoOffsetReset: 'earliest', commitMode: 'per-batch', sessionTimeoutMs: 10_000 });
  });

  it('refuses an assignor Lanes does not offer', () => {
    expect(groupCreateSchema.safeParse({ groupId: 'g', topics: ['t'], assignor: 'cooperative-sticky' }).success).toBe(false);
  });
});

describe('the command table', () => {
  it('marks every command that changes something as a control command, and only those', () => {
    const readOnly = Object.keys(commandSchemas).filter((name) => !controlCommands.has(name as never));
    expect(readOnly.sort()).toEqual(['session:auth', 'snapshot:request', 'topic:unwatch', 'topic:watch']);
  });
});
