import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';
import { fnv1a32, librdkafkaFnv1a } from './fnv1a';
import { murmur3x86_32 } from './murmur3';
import { randomKeys } from './random-keys.test-helper';
import { xxh32 } from './xxh32';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('crc32', () => {
  it('gives the CRC-32 check value 0xcbf43926 for "123456789"', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
  });

  it('agrees with zlib (node:zlib crc32) on 2,000 random keys, as an unsigned number', () => {
    for (const key of randomKeys(2000, 7)) {
      expect(crc32(key)).toBe(zlibCrc32(key));
    }
  });

  it('is 0 for an empty key, which is why librdkafka "consistent" sends null keys to partition 0', () => {
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe('fnv1a', () => {
  it('matches the FNV-1a 32-bit reference for "a" and ""', () => {
    expect(fnv1a32(utf8(''))).toBe(0x811c9dc5);
    expect(fnv1a32(utf8('a'))).toBe(0xe40c292c);
  });

  // librdkafka's unittest_fnv1a (rdfnv1a.c), values from Go's hash/fnv after Sarama's absolute value.
  it.each([
    ['kafka', 0xd33c4e1],
    ['giberish123456789', 0x77a58295],
    ['1234', 0x23bdd03],
    ['234', 0x2dea3cd2],
    ['34', 0x740fa83e],
    ['4', 0x310ca263],
    ['PreAmbleWillBeRemoved,ThePrePartThatIs', 0x65cbd69c],
    ['reAmbleWillBeRemoved,ThePrePartThatIs', 0x6e49c79a],
    ['eAmbleWillBeRemoved,ThePrePartThatIs', 0x69eed356],
    ['AmbleWillBeRemoved,ThePrePartThatIs', 0x6abcc023],
    ['', 0x7ee3623b],
  ])('librdkafka rd_fnv1a(%j) = %i', (input, expected) => {
    expect(librdkafkaFnv1a(utf8(input))).toBe(expected);
  });
});

describe('xxh32 (seed 0)', () => {
  it('matches the XXH32 reference values', () => {
    expect(xxh32(utf8(''))).toBe(0x02cc5d05);
    expect(xxh32(utf8('abc'))).toBe(0x32d153ff);
  });
});

describe('murmur3 x86_32 (seed 0)', () => {
  it('matches the MurmurHash3 reference values', () => {
    expect(murmur3x86_32(utf8(''))).toBe(0);
    expect(murmur3x86_32(utf8('hello'))).toBe(0x248bfa47);
  });
});
