import { describe, expect, it } from 'vitest';
import { HOT_SKEW, formatSkew, skewOf, skewVerdict } from './skew';

describe('skew', () => {
  it('is max ÷ mean', () => {
    expect(skewOf([10, 10, 10, 10]).skew).toBe(1);
    const hot = skewOf([70, 10, 10, 10]);
    expect(hot.skew).toBeCloseTo(2.8);
    expect(hot.hottest).toBe(0);
    expect(hot.total).toBe(100);
  });

  it('reaches the partition count when one partition gets everything', () => {
    expect(skewOf([0, 0, 42, 0, 0, 0]).skew).toBe(6);
  });

  it('is 0 with no records rather than NaN', () => {
    expect(skewOf([0, 0, 0])).toEqual({ total: 0, mean: 0, max: 0, skew: 0, hottest: null });
    expect(skewOf([]).skew).toBe(0);
  });

  it('names the hot partition only when skew is high', () => {
    expect(skewVerdict(skewOf([70, 10, 10, 10]), 4)).toMatch(/^Hot partition P0: 70%/);
    expect(skewVerdict(skewOf([12, 10, 9, 11]), 4)).toContain('Even enough');
    expect(skewVerdict(skewOf([0, 0]), 2)).toContain('No records');
    expect(skewOf([12, 10, 9, 11]).skew).toBeLessThan(HOT_SKEW);
  });

  it('formats with sensible precision', () => {
    expect(formatSkew(0)).toBe('—');
    expect(formatSkew(1.0421)).toBe('1.04');
    expect(formatSkew(2.84)).toBe('2.8');
    expect(formatSkew(32)).toBe('32');
  });
});
