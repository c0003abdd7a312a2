import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { javaMurmur2 } from './java-murmur2';
import { kafkajsLegacyMurmur2 } from './kafkajs-legacy-murmur2';
import { randomKeys } from './random-keys.test-helper';

// kafkajs 2.2.4's own legacy hash, loaded from the installed package to compare against (test only).
const requireFromHere = createRequire(import.meta.url);
const kafkajsLegacy = requireFromHere('kafkajs/src/producer/partitioners/legacy/murmur2') as (key: Buffer) => number;

describe('kafkajsLegacyMurmur2', () => {
  it('matches kafkajs 2.2.4 legacy murmur2 for 10,000 random keys of every length 0-40, bytes 0-255', () => {
    for (const key of randomKeys(10_000, 0x5eed)) {
      expect(kafkajsLegacyMurmur2(key), `key ${Buffer.from(key).toString('hex')}`).toBe(kafkajsLegacy(Buffer.from(key)));
    }
  });

  it('differs from Java murmur2 for many keys: the precision loss the facts describe', () => {
    const keys = Array.from({ length: 1000 }, (_, i) => new TextEncoder().encode(`user-${i}`));
    const differing = keys.filter((key) => kafkajsLegacyMurmur2(key) !== javaMurmur2(key));
    expect(differing.length).toBeGreaterThan(500);
  });
});
