import { crc32c as portableCrc32c } from '@node-rs/crc32';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crc32c, crc32cImplementation } from './crc32c';

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

  it('agrees with the portable implementation on random data of every size up to 20 KB, whole and in pieces', () => {
    const data = randomBytes(20_000);
    const differ: number[] = [];
    for (let size = 0; size <= data.length; size += size < 64 ? 1 : 997) {
      const piece = data.subarray(0, size);
      const cut = size >> 1;
      if (crc32c(piece) !== portableCrc32c(piece)) differ.push(size);
      if (crc32c(piece.subarray(cut), crc32c(piece.subarray(0, cut))) !== portableCrc32c(piece)) differ.push(-size);
    }
    expect(differ, 'sizes (negative: in pieces) where the two disagree').toEqual([]);
  });

  it('agrees with the portable implementation around the sizes where three streams start and end, at every alignment', () => {
    // Three streams run over 3 x 256 and 3 x 4096 bytes at a time (native/crc32c.c), after up to 7
    // bytes that bring the data to an 8-byte boundary.
    const data = randomBytes(3 * 3 * 4096 + 64);
    const differ: string[] = [];
    for (const around of [3 * 256, 3 * 4096, 2 * 3 * 4096, 2 * 3 * 4096 + 3 * 256]) {
      for (let size = around - 9; size <= around + 9; size++) {
        for (let start = 0; start < 8; start++) {
          const piece = data.subarray(start, start + size);
          if (crc32c(piece) !== portableCrc32c(piece)) differ.push(`${size}@${start}`);
        }
      }
    }
    expect(differ, 'size@start where the two disagree').toEqual([]);
  });

  it("uses the CPU's CRC32 instruction on Linux x86-64 machines that have it", () => {
    const cpuHasIt = process.arch === 'x64' && /\bsse4_2\b/.test(readFileSync('/proc/cpuinfo', 'utf8'));
    // native/crc32c.c is built at install (scripts/build-native.mjs); on such a machine, not using it means the build failed.
    if (process.platform === 'linux') expect(crc32cImplementation).toBe(cpuHasIt ? 'native (three-way SSE 4.2)' : '@node-rs/crc32');
    else expect(['native (three-way SSE 4.2)', '@node-rs/crc32']).toContain(crc32cImplementation);
  });
});
