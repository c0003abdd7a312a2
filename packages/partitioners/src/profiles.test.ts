import { describe, expect, it } from 'vitest';
import { choosePartition } from './choose-partition';
import { crc32Partition } from './keyed/crc32-partition';
import { murmur2Partition } from './keyed/murmur2-partition';
import { seededRandom } from './keyless/random-source';
import { PartitioningError } from './partition-choice';
import { createProfileState, isProfileId, PROFILE_IDS, PROFILES, profileById } from './profiles';

describe('profiles', () => {
  it('every profile has a label, the clients that use it, a description and unique id', () => {
    expect(new Set(PROFILE_IDS).size).toBe(PROFILES.length);
    for (const profile of PROFILES) {
      expect(profile.label.length, profile.id).toBeGreaterThan(0);
      expect(profile.clients.length, profile.id).toBeGreaterThan(0);
      expect(profile.description.length, profile.id).toBeGreaterThan(20);
    }
    expect(PROFILE_IDS).toEqual(expect.arrayContaining(['kafkajs', 'java', 'kafkajs-legacy', 'librdkafka', 'librdkafka-murmur2-random', 'librdkafka-fnv1a-random', 'kafka-python', 'iggy', 'iggy-seed-guide']));
    expect(PROFILES.filter((p) => p.custom).map((p) => p.id)).toEqual(['custom-numeric-modulo', 'custom-weighted', 'custom-content-based', 'custom-time-bucketed']);
  });

  it('points out where the seed documents disagree with the facts', () => {
    expect(profileById('iggy').seedDifferences.join(' ')).toContain('XXH32');
    expect(profileById('librdkafka').seedDifferences.join(' ')).toContain('round robin');
    expect(profileById('custom-numeric-modulo').seedDifferences.join(' ')).toContain('369 % 3 is 0');
  });

  it('Java, kafkajs and kafka-python agree on keys; librdkafka does not', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `user-${i}`);
    const answer = (profile: 'java' | 'kafkajs' | 'kafka-python' | 'librdkafka', key: string) => choosePartition(profile, { key, partitionCount: 6 }, createProfileState(profile)).partition;
    for (const key of keys) {
      expect(answer('kafkajs', key)).toBe(answer('java', key));
      expect(answer('kafka-python', key)).toBe(answer('java', key));
      expect(answer('librdkafka', key)).toBe(crc32Partition(key, 6).partition);
    }
    expect(keys.filter((key) => answer('librdkafka', key) !== answer('java', key)).length).toBeGreaterThan(100);
  });

  it('librdkafka consistent_random treats an empty key like no key: sticky for 10 ms', () => {
    let now = 1000;
    const state = createProfileState('librdkafka', { random: seededRandom(5), now: () => now });
    const first = choosePartition('librdkafka', { key: '', partitionCount: 8 }, state);
    expect(first.explanation).toMatch(/^empty key: consistent_random treats it like no key → no key: librdkafka sticky partition \d/);
    now += 5;
    expect(choosePartition('librdkafka', { key: null, partitionCount: 8 }, state).partition).toBe(first.partition);
    expect(state.state).toMatchObject({ partition: first.partition, messagesInBatch: 2 });
  });

  it('Java keyless records stick for the configured batch, then move', () => {
    const state = createProfileState('java', { random: seededRandom(1), sticky: { kind: 'messages', count: 3 } });
    const partitions = Array.from({ length: 6 }, () => choosePartition('java', { key: null, partitionCount: 4 }, state).partition);
    expect(partitions[0]).toBe(partitions[2]);
    expect(partitions[3]).toBe(partitions[5]);
    expect(partitions[3]).not.toBe(partitions[2]);
  });

  it('kafka-python keyless records are random per message; its keys still use murmur2', () => {
    const state = createProfileState('kafka-python', { random: seededRandom(8) });
    const keyless = Array.from({ length: 60 }, () => choosePartition('kafka-python', { key: null, partitionCount: 3 }, state).partition);
    expect(new Set(keyless).size).toBe(3);
    expect(choosePartition('kafka-python', { key: 'u1', partitionCount: 3 }, state).partition).toBe(murmur2Partition('u1', 3).partition);
  });

  it('librdkafka random ignores even a key', () => {
    const state = createProfileState('librdkafka-random', { random: seededRandom(4) });
    const partitions = Array.from({ length: 40 }, () => choosePartition('librdkafka-random', { key: 'same', partitionCount: 4 }, state).partition);
    expect(new Set(partitions).size).toBeGreaterThan(1);
  });

  it('the time-bucketed profile reads the record timestamp, or the clock when there is none', () => {
    const state = createProfileState('custom-time-bucketed', { now: () => Date.UTC(2024, 5, 1, 7) });
    expect(choosePartition('custom-time-bucketed', { key: 'k', partitionCount: 5, timestamp: Date.UTC(2024, 5, 1, 13) }, state).partition).toBe(3);
    expect(choosePartition('custom-time-bucketed', { key: 'k', partitionCount: 5 }, state)).toMatchObject({ partition: 2, explanation: expect.stringContaining('clock 2024-06-01T07:00:00.000Z') });
  });

  it('rejects a state made for another profile, an unknown profile and a key of the wrong type', () => {
    const state = createProfileState('java');
    expect(() => choosePartition('kafkajs', { key: 'u1', partitionCount: 3 }, state)).toThrow(
      new PartitioningError(`This state belongs to profile "java", not "kafkajs": create one with createProfileState('kafkajs').`),
    );
    expect(() => createProfileState('kafka' as never)).toThrow(/Unknown partitioner profile "kafka"; choose one of: kafkajs, /);
    expect(isProfileId('kafka')).toBe(false);
    expect(() => choosePartition('java', { key: 42 as never, partitionCount: 3 }, state)).toThrow('A key must be a string, a Uint8Array or null; got a number. Convert numbers with String(key), as kafkajs does.');
  });
});
