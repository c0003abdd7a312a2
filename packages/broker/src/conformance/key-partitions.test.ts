import { describe, expect, it } from 'vitest';
import { javaPartitionForKey, librdkafkaPartitionForKey, murmur2 } from './key-partitions';

describe('murmur2', () => {
  // Expected values from Kafka's UtilsTest.testMurmur2 (clients/src/test/java/.../utils/UtilsTest.java).
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('hashes %s like Java', (key, expected) => {
    expect(murmur2(Buffer.from(key))).toBe(expected);
  });

  it('maps a negative hash to a partition with toPositive, not Math.abs', () => {
    // murmur2("21") = -973932308; & 0x7fffffff = 1173551340; % 7 = 3 (Math.abs would give 6).
    expect(javaPartitionForKey(Buffer.from('21'), 7)).toBe(3);
  });
});

describe('librdkafkaPartitionForKey', () => {
  it('uses the zlib CRC-32 of the key', () => {
    // The CRC-32 check value: crc32("123456789") = 0xcbf43926 = 3421780262; % 10 = 2.
    expect(librdkafkaPartitionForKey(Buffer.from('123456789'), 10)).toBe(2);
  });
});
