import { describe, expect, it } from 'vitest';
import { crc32c } from './crc32c';

describe('crc32c', () => {
  it('gives the standard CRC-32C check value for "123456789"', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('gives the RFC 3720 (iSCSI) test vectors', () => {
    // RFC 3720 appendix B.4: 32 bytes of zeros, of ones, and ascending 0..31.
    expect(crc32c(Buffer.alloc(32, 0x00))).toBe(0x8a9136aa);
    expect(crc32c(Buffer.alloc(32, 0xff))).toBe(0x62a8ab43);
    expect(crc32c(Uint8Array.from({ length: 32 }, (_, i) => i))).toBe(0x46dd794e);
  });

  it('returns an unsigned number, as the batch header stores it', () => {
    // 0x8a9136aa has its top bit set: a signed int32 would read it as negative.
    expect(crc32c(Buffer.alloc(32, 0x00))).toBeGreaterThan(0x7fffffff);
  });

  it('continues a checksum over data given in pieces', () => {
    const whole = Buffer.from('the quick brown fox jumps over the lazy dog');
    expect(crc32c(whole.subarray(17), crc32c(whole.subarray(0, 17)))).toBe(crc32c(whole));
  });

  it('sees a single flipped bit', () => {
    const data = Buffer.from('record batch');
    const flipped = Buffer.from(data);
    flipped[3]! ^= 0x01;
    expect(crc32c(flipped)).not.toBe(crc32c(data));
  });
});
