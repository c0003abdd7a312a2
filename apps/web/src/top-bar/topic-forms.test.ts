import { describe, expect, it } from 'vitest';
import { emptyNewTopic, errorsFromCommand, parseNewTopic, parsePartitionTotal } from './topic-forms';

describe('the new topic form', () => {
  it('defaults to 3 partitions and 1 MiB segments', () => {
    const parsed = parseNewTopic({ ...emptyNewTopic(), name: ' orders ' }, []);
    expect(parsed).toEqual({ ok: true, value: { name: 'orders', partitions: 3, segmentBytes: 1024 * 1024 } });
  });

  it('sends retention only when chosen', () => {
    const parsed = parseNewTopic({ ...emptyNewTopic(), name: 'clicks', retentionMs: 60_000, retentionBytes: 16_384 }, []);
    expect(parsed).toMatchObject({ ok: true, value: { retentionMs: 60_000, retentionBytes: 16_384 } });
  });

  it('names the bad character in a topic name, beside the name field', () => {
    expect(parseNewTopic({ ...emptyNewTopic(), name: 'my topic' }, [])).toEqual({
      ok: false,
      errors: { name: "Topic names may contain only letters, digits, '.', '_' and '-'; this one contains ' '." },
    });
  });

  it('reports every bad field at once, each beside its own field', () => {
    const parsed = parseNewTopic({ ...emptyNewTopic(), name: '', partitions: '2.5' }, []);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.name).toMatch(/Give the topic a name/);
    expect(parsed.errors.partitions).toMatch(/whole number/);
  });

  it('refuses an empty or silly partition count in words', () => {
    const empty = parseNewTopic({ ...emptyNewTopic(), name: 't', partitions: '' }, []);
    expect(empty).toEqual({ ok: false, errors: { partitions: 'The partition count must be a number.' } });
    const zero = parseNewTopic({ ...emptyNewTopic(), name: 't', partitions: '0' }, []);
    expect(zero).toEqual({ ok: false, errors: { partitions: 'A topic needs at least 1 partition.' } });
  });

  it('catches a name that is already taken before asking Kafka', () => {
    expect(parseNewTopic({ ...emptyNewTopic(), name: 'orders' }, ['orders'])).toEqual({
      ok: false,
      errors: { name: expect.stringMatching(/already exists/) },
    });
  });
});

describe('adding partitions', () => {
  it('accepts a larger total', () => {
    expect(parsePartitionTotal('4', 3)).toEqual({ ok: true, value: 4 });
  });

  it('explains that Kafka only adds partitions', () => {
    const parsed = parsePartitionTotal('3', 3);
    expect(parsed).toEqual({ ok: false, errors: { partitions: expect.stringMatching(/has 3 partitions; Kafka can only add partitions, so ask for more than 3/) } });
    expect(parsePartitionTotal('abc', 3)).toEqual({ ok: false, errors: { partitions: 'The partition count must be a number.' } });
  });
});

describe('gateway errors beside the field they name', () => {
  it('puts a named field error beside that field, without the field prefix', () => {
    expect(errorsFromCommand({ code: 'invalid_input', message: 'partitions: A topic needs at least 1 partition.', field: 'partitions' }, ['name', 'partitions'])).toEqual({
      partitions: 'A topic needs at least 1 partition.',
    });
    expect(errorsFromCommand({ code: 'conflict', message: "Topic 'a' already exists.", field: 'name' }, ['name'])).toEqual({ name: "Topic 'a' already exists." });
  });

  it('shows errors about no known field under the form', () => {
    expect(errorsFromCommand({ code: 'unavailable', message: 'Kafka is unreachable.' }, ['name'])).toEqual({ form: 'Kafka is unreachable.' });
    expect(errorsFromCommand({ code: 'not_found', message: 'No topic.', field: 'topic' }, ['name'])).toEqual({ form: 'No topic.' });
  });
});
