import { describe, expect, it } from 'vitest';
import { crc32 } from '../hashes/crc32';
import { javaMurmur2 } from '../hashes/java-murmur2';
import { kafkajsLegacyMurmur2 } from '../hashes/kafkajs-legacy-murmur2';
import { xxh32 } from '../hashes/xxh32';
import { PartitioningError } from '../partition-choice';
import { crc32Partition } from './crc32-partition';
import { fnv1aPartition } from './fnv1a-partition';
import { iggyMessagesKeyPartition, iggySeedGuidePartition } from './iggy-key-partition';
import { kafkajsLegacyPartition } from './kafkajs-legacy-partition';
import { murmur2Partition } from './murmur2-partition';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('keyed strategies explain themselves', () => {
  it('murmur2: "murmur2(\'21\') = -973932308 → & 0x7fffffff → ... → % 3 = ..." with Kafka\'s reference hash', () => {
    const positive = -973932308 & 0x7fffffff;
    const choice = murmur2Partition('foobar', 3);
    expect(javaMurmur2(utf8('foobar'))).toBe(-790332482);
    const foobarPositive = -790332482 & 0x7fffffff;
    expect(choice.partition).toBe(foobarPositive % 3);
    expect(choice.explanation).toBe(`murmur2('foobar') = -790332482 → & 0x7fffffff → ${foobarPositive} → % 3 = ${foobarPositive % 3}`);
    expect(choice.steps.map((s) => s.label)).toEqual(['key bytes (UTF-8)', 'murmur2', '& 0x7fffffff', '% 3 (partition count)']);
    expect(choice.steps[0]?.value).toBe('66 6f 6f 62 61 72');
    expect(murmur2Partition('21', 3).explanation).toContain(`murmur2('21') = -973932308 → & 0x7fffffff → ${positive} → % 3 = ${positive % 3}`);
  });

  it('a numeric-looking key is hashed as its text, and the explanation says so', () => {
    expect(murmur2Partition('42', 3).explanation).toContain("the text '42' in UTF-8");
    expect(murmur2Partition('u42', 3).explanation).not.toContain('UTF-8;');
  });

  it('bytes keys are shown in hex', () => {
    expect(murmur2Partition(Uint8Array.from([0xca, 0xfe]), 3).explanation).toMatch(/^murmur2\(0xcafe\) = /);
  });

  it('kafkajs legacy names the partition Java would pick when the imprecise hash changes it', () => {
    const key = Array.from({ length: 500 }, (_, i) => `k${i}`).find((k) => kafkajsLegacyPartition(k, 5).partition !== murmur2Partition(k, 5).partition);
    expect(key).toBeDefined();
    const choice = kafkajsLegacyPartition(key as string, 5);
    expect(choice.explanation).toContain(`legacy murmur2('${key}') = ${kafkajsLegacyMurmur2(utf8(key as string))}`);
    expect(choice.explanation).toContain(`Java's murmur2 gives ${javaMurmur2(utf8(key as string))} → partition ${murmur2Partition(key as string, 5).partition}`);
  });

  it('crc32 is taken unsigned, then % n', () => {
    const hash = crc32(utf8('u1'));
    expect(crc32Partition('u1', 7)).toMatchObject({ partition: hash % 7, explanation: `crc32('u1') = ${hash} → % 7 = ${hash % 7}` });
  });

  it('fnv1a shows the Sarama absolute value step', () => {
    // rd_fnv1a("kafka") = 0xd33c4e1 (librdkafka's unit test): positive already.
    expect(fnv1aPartition('kafka', 10)).toMatchObject({ partition: 0xd33c4e1 % 10 });
    expect(fnv1aPartition('kafka', 10).explanation).toContain('as int32, absolute value → 221496545');
  });

  it('Iggy: xxh32 % n, and the seed guide answer points at the server answer', () => {
    const server = iggyMessagesKeyPartition('order-123', 3);
    expect(server.partition).toBe(xxh32(utf8('order-123')) % 3);
    const guide = iggySeedGuidePartition('order-123', 3);
    expect(guide.explanation).toMatch(/^murmur3\('order-123'\) = \d+ → % 3 = \d/);
    expect(guide.explanation).toContain(`the Iggy server hashes with xxh32 and would pick partition ${server.partition}`);
  });

  it('Iggy refuses an empty key and one longer than 255 bytes, as Partitioning::messages_key does', () => {
    expect(() => iggyMessagesKeyPartition('', 3)).toThrow(new PartitioningError('An Iggy messages key must be 1-255 bytes; this one is 0. Shorten the key or send with balanced partitioning.'));
    expect(() => iggyMessagesKeyPartition('x'.repeat(256), 3)).toThrow(/1-255 bytes; this one is 256/);
    expect(iggyMessagesKeyPartition('x'.repeat(255), 3).partition).toBeGreaterThanOrEqual(0);
  });
});
