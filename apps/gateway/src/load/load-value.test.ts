import { describe, expect, it } from 'vitest';
import { loadValue } from './load-value';

describe('loadValue', () => {
  it('is readable JSON of exactly the asked size, naming generator and sequence', () => {
    for (const bytes of [46, 47, 100, 1000, 10_000]) {
      const value = loadValue('load-3', 1234, bytes);
      expect(Buffer.byteLength(value)).toBe(bytes);
      expect(JSON.parse(value)).toMatchObject({ generator: 'load-3', seq: 1234 });
    }
  });

  it('below the JSON size, is the sequence number padded or cut to the size', () => {
    expect(loadValue('load-1', 42, 5)).toBe('42...');
    expect(loadValue('load-1', 123456, 3)).toBe('123');
    expect(loadValue('load-1', 7, 1)).toBe('7');
  });
});
