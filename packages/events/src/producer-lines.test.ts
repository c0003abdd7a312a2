import { describe, expect, it } from 'vitest';
import { parseProducerLines } from './producer-lines';

describe('parseProducerLines', () => {
  it('reads the seed lab form: key, then the value', () => {
    expect(parseProducerLines('u1 click 10\nu2 purchase 99\nu1 view 1')).toEqual({
      ok: true,
      messages: [
        { key: 'u1', value: 'click 10' },
        { key: 'u2', value: 'purchase 99' },
        { key: 'u1', value: 'view 1' },
      ],
    });
  });

  it('sends no key for a leading space or the marker, and skips blank lines', () => {
    expect(parseProducerLines(' click 10\n\n- view 1\n')).toEqual({ ok: true, messages: [{ key: null, value: 'click 10' }, { key: null, value: 'view 1' }] });
  });

  it('takes a JSON object line as a keyless value, and a keyed JSON value after a key', () => {
    expect(parseProducerLines('{"priority":"high"}\nu1 {"page":"/"}')).toEqual({
      ok: true,
      messages: [
        { key: null, value: '{"priority":"high"}' },
        { key: 'u1', value: '{"page":"/"}' },
      ],
    });
  });

  it('names the line of broken JSON', () => {
    expect(parseProducerLines('u1 ok\n{"broken"')).toEqual({ ok: false, line: 2, message: "Line 2 starts with '{' but is not a valid JSON object." });
  });

  it('accepts a key alone as a message with an empty value', () => {
    expect(parseProducerLines('u9')).toEqual({ ok: true, messages: [{ key: 'u9', value: '' }] });
  });
});
