import { describe, expect, it } from 'vitest';
import { crc32Partition } from './keyed/crc32-partition';
import { iggyMessagesKeyPartition, iggySeedGuidePartition } from './keyed/iggy-key-partition';
import { murmur2Partition } from './keyed/murmur2-partition';
import { partitionsForKeyByProfile } from './partitions-for-key';
import { PROFILES } from './profiles';

describe('partitionsForKeyByProfile', () => {
  it('answers for every profile whose key decides, in catalogue order, and leaves out the others', () => {
    const placements = partitionsForKeyByProfile('u1', 3);
    const keyedProfiles = PROFILES.filter((p) => p.keyed !== null).map((p) => p.id);
    expect(placements.map((p) => p.profile)).toEqual(keyedProfiles);
    expect(placements.map((p) => p.profile)).not.toContain('librdkafka-random');
    expect(placements.map((p) => p.profile)).not.toContain('custom-time-bucketed');
  });

  it('gives the same partitions and explanations as the strategies themselves', () => {
    const byProfile = new Map(partitionsForKeyByProfile('order-123', 7).map((p) => [p.profile, p]));
    expect(byProfile.get('java')).toMatchObject({ label: 'Java client 2.4+', ...murmur2Partition('order-123', 7) });
    expect(byProfile.get('librdkafka')?.partition).toBe(crc32Partition('order-123', 7).partition);
    expect(byProfile.get('iggy')?.partition).toBe(iggyMessagesKeyPartition('order-123', 7).partition);
    expect(byProfile.get('iggy-seed-guide')?.explanation).toBe(iggySeedGuidePartition('order-123', 7).explanation);
  });

  it('reports a key a profile cannot use as that profile\'s error, without failing the others', () => {
    const byProfile = new Map(partitionsForKeyByProfile('u1', 3).map((p) => [p.profile, p]));
    expect(byProfile.get('custom-numeric-modulo')).toMatchObject({ partition: null, error: expect.stringContaining('whole-number key') });
    expect(byProfile.get('kafkajs')?.partition).toBe(murmur2Partition('u1', 3).partition);
    expect(partitionsForKeyByProfile('12', 5).find((p) => p.profile === 'custom-numeric-modulo')?.partition).toBe(2);
  });

  it('says when the key does not decide: an empty key under librdkafka and Iggy', () => {
    const byProfile = new Map(partitionsForKeyByProfile('', 3).map((p) => [p.profile, p]));
    expect(byProfile.get('librdkafka')).toMatchObject({ partition: null, explanation: 'empty key: consistent_random treats it like no key → sticky random, 10 ms linger' });
    expect(byProfile.get('iggy')).toMatchObject({ partition: null, error: expect.stringContaining('1-255 bytes') });
    expect(byProfile.get('java')?.partition).toBe(murmur2Partition('', 3).partition);
  });

  it('refuses a null key and a bad partition count', () => {
    expect(() => partitionsForKeyByProfile(null as never, 3)).toThrow(/needs a key/);
    expect(() => partitionsForKeyByProfile('u1', 0)).toThrow(/partitionCount must be a whole number/);
  });
});
