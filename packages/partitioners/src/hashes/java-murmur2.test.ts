import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { javaMurmur2, toPositive } from './java-murmur2';
import { randomKeys } from './random-keys.test-helper';

const requireFromHere = createRequire(import.meta.url);
const kafkajsDefaultMurmur2 = requireFromHere('kafkajs/src/producer/partitioners/default/murmur2') as (key: Buffer) => number;

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('javaMurmur2', () => {
  // Kafka's own reference values: apache/kafka clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java, testMurmur2.
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('murmur2(%j) = %i, as Utils.murmur2 in the Java client', (input, expected) => {
    expect(javaMurmur2(utf8(input))).toBe(expected);
  });

  it('agrees with kafkajs 2.2.4 default murmur2 (a 64-bit Long port checked against Java) on 10,000 random byte keys', () => {
    // Random bytes include 0x80-0xff, which Java reads as negative and masks with & 0xff.
    for (const key of randomKeys(10_000, 0xcafe)) {
      expect(javaMurmur2(key), `key ${Buffer.from(key).toString('hex')}`).toBe(kafkajsDefaultMurmur2(Buffer.from(key)));
    }
  });

  it('toPositive clears the sign bit instead of negating', () => {
    expect(toPositive(-973932308)).toBe(-973932308 & 0x7fffffff);
    expect(toPositive(-(2 ** 31))).toBe(0);
    expect(toPositive(5)).toBe(5);
  });
});
