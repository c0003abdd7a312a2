import { describe, expect, it } from 'vitest';
import { PartitioningError } from '../partition-choice';
import { numericModuloPartition } from './numeric-modulo';

describe('numeric modulo (kafka-python lab partitioner)', () => {
  it("puts the lab's keys where int(key) % 3 says: 3 → 0, 2 → 2, 369 → 0, 301 → 1", () => {
    expect(['3', '2', '369', '301'].map((key) => numericModuloPartition(key, 3).partition)).toEqual([0, 2, 0, 1]);
    expect(numericModuloPartition('369', 3).explanation).toBe("int('369') = 369 → % 3 = 0");
  });

  it("follows Python's int(): signs, spaces, underscores, unbounded size, and a modulo that is never negative", () => {
    expect(numericModuloPartition('-4', 3).partition).toBe(2);
    expect(numericModuloPartition(' +1_000 ', 3).partition).toBe(1);
    expect(numericModuloPartition('123456789012345678901234567890', 7).partition).toBe(Number(123456789012345678901234567890n % 7n));
    expect(numericModuloPartition(new TextEncoder().encode('10'), 4).partition).toBe(2);
  });

  it('refuses keys the lab code would crash on, with a message that says what to send', () => {
    expect(() => numericModuloPartition('u1', 3)).toThrow(
      new PartitioningError(`The numeric-modulo partitioner needs a whole-number key such as "42"; 'u1' is not one (Python: invalid literal for int() with base 10).`),
    );
    expect(() => numericModuloPartition('1__0', 3)).toThrow(/whole-number key/);
    expect(() => numericModuloPartition('4.5', 3)).toThrow(/whole-number key/);
    expect(() => numericModuloPartition(null, 3)).toThrow(/needs a key/);
    expect(() => numericModuloPartition(Uint8Array.from([0xff, 0x31]), 3)).toThrow("The numeric-modulo partitioner needs a UTF-8 key; 0xff31 is not valid UTF-8.");
  });
});
