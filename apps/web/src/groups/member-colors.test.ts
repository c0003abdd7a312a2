import { describe, expect, it } from 'vitest';
import { memberColor } from './member-colors';

describe('member colours', () => {
  it('gives c1..c10 ten different colours, then repeats', () => {
    const colours = Array.from({ length: 10 }, (_, i) => memberColor(`c${i + 1}`));
    expect(new Set(colours).size).toBe(10);
    expect(memberColor('c11')).toBe(memberColor('c1'));
  });

  it('is stable for ids without a number', () => {
    expect(memberColor('rdkafka-3f2a-b')).toBe(memberColor('rdkafka-3f2a-b'));
    expect(memberColor('kafkajs')).toMatch(/^#[0-9A-F]{6}$/);
  });
});
