import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readInt8, readInt16, readInt32, readInt64, readUInt32, writeInt64 } from './big-endian';

describe('big-endian reads', () => {
  it("read what Buffer's own checked reads read, at every position of random bytes", () => {
    const bytes = randomBytes(4096);
    const differ: string[] = [];
    for (let at = 0; at + 8 <= bytes.length; at++) {
      if (readInt8(bytes, at) !== bytes.readInt8(at)) differ.push(`int8@${at}`);
      if (readInt16(bytes, at) !== bytes.readInt16BE(at)) differ.push(`int16@${at}`);
      if (readInt32(bytes, at) !== bytes.readInt32BE(at)) differ.push(`int32@${at}`);
      if (readUInt32(bytes, at) !== bytes.readUInt32BE(at)) differ.push(`uint32@${at}`);
      if (readInt64(bytes, at) !== Number(bytes.readBigInt64BE(at))) differ.push(`int64@${at}`);
    }
    expect(differ).toEqual([]);
  });

  it('read the extremes: sign bits, -1, and int64 values up to 2^53', () => {
    const bytes = Buffer.alloc(8);
    for (const value of [-1, 0, 1, 2 ** 31, -(2 ** 31), 2 ** 53 - 1, -(2 ** 53) + 1, 1_795_308_852_900]) {
      bytes.writeBigInt64BE(BigInt(value));
      expect(readInt64(bytes, 0)).toBe(value);
    }
    bytes.fill(0xff);
    expect([readInt8(bytes, 0), readInt16(bytes, 0), readInt32(bytes, 0), readUInt32(bytes, 0)]).toEqual([-1, -1, -1, 0xffffffff]);
  });

  it('writes int64 values that read back, and refuses one out of range rather than wrapping it', () => {
    const bytes = Buffer.alloc(8);
    for (const value of [-1, 0, 4_294_967_296, 2 ** 53 - 1, -(2 ** 40)]) {
      writeInt64(bytes, value, 0);
      expect(Number(bytes.readBigInt64BE(0))).toBe(value);
    }
    expect(() => writeInt64(bytes, 2 ** 64, 0)).toThrow(RangeError);
  });
});
