import { describe, expect, it } from 'vitest';
import { placeLoadError, placeProduceError } from './command-error-placement';

describe('placeProduceError', () => {
  it('puts a per-message partition error beside the partition field, naming the typed line', () => {
    const placed = placeProduceError({ code: 'invalid_input', message: 'Message 2: partition 5 does not exist: topic has 3 partitions (0-2)', field: 'messages.1.partition' }, [1, 3, 4]);
    expect(placed).toEqual({ target: 'partition', message: 'Line 3: partition 5 does not exist: topic has 3 partitions (0-2)' });
  });

  it('puts key and value errors beside the text box, without the zod path', () => {
    const placed = placeProduceError({ code: 'invalid_input', message: 'messages.0.value: Message 1 is 2000000 bytes; the limit is 1000000 bytes.', field: 'messages.0.value' }, [2]);
    expect(placed).toEqual({ target: 'messages', message: 'Line 2: Message 1 is 2000000 bytes; the limit is 1000000 bytes.' });
  });

  it('routes profile and acks errors to their pickers and the rest to the send button', () => {
    expect(placeProduceError({ code: 'invalid_input', message: "Unknown partitioner profile 'x'.", field: 'profile' }, []).target).toBe('profile');
    expect(placeProduceError({ code: 'invalid_input', message: 'acks: acks is 0, 1 or -1 (all).', field: 'acks' }, [])).toEqual({ target: 'acks', message: 'acks is 0, 1 or -1 (all).' });
    expect(placeProduceError({ code: 'kafka_error', message: 'Kafka is unreachable.' }, []).target).toBe('send');
    expect(placeProduceError({ code: 'not_found', message: "Topic 'x' does not exist.", field: 'topic' }, []).target).toBe('send');
  });
});

describe('placeLoadError', () => {
  it('routes known fields to their inputs and anything else to Start', () => {
    expect(placeLoadError({ code: 'invalid_input', message: 'ratePerSecond: The rate is at most 50000 messages per second.', field: 'ratePerSecond' })).toEqual({
      target: 'ratePerSecond',
      message: 'The rate is at most 50000 messages per second.',
    });
    expect(placeLoadError({ code: 'rate_limited', message: 'Too many generators.' }).target).toBe('start');
  });
});
