import { describe, expect, it } from 'vitest';
import { choosePartition } from './choose-partition';
import { PartitioningError } from './partition-choice';
import { createProfileState, PROFILE_IDS } from './profiles';

describe('explicit partition', () => {
  it('wins over key and partitioner in every profile', () => {
    for (const profile of PROFILE_IDS) {
      const choice = choosePartition(profile, { key: 'not-a-number', value: '{"priority":"high"}', partitionCount: 5, explicitPartition: 3 }, createProfileState(profile));
      expect(choice, profile).toMatchObject({ partition: 3, profile, explanation: 'explicit partition 3: it wins over the key and the partitioner' });
    }
  });

  it('leaves keyless state untouched: the round robin continues where it was', () => {
    const state = createProfileState('iggy');
    expect(choosePartition('iggy', { key: null, partitionCount: 3 }, state).partition).toBe(0);
    choosePartition('iggy', { key: null, partitionCount: 3, explicitPartition: 2 }, state);
    expect(choosePartition('iggy', { key: null, partitionCount: 3 }, state).partition).toBe(1);
  });

  it('names the partitions that exist when the requested one does not', () => {
    const state = createProfileState('kafkajs');
    expect(() => choosePartition('kafkajs', { key: 'u1', partitionCount: 3, explicitPartition: 7 }, state)).toThrow(
      new PartitioningError('partition 7 does not exist: topic has 3 partitions (0-2)'),
    );
    expect(() => choosePartition('kafkajs', { key: 'u1', partitionCount: 1, explicitPartition: 1 }, state)).toThrow('partition 1 does not exist: topic has 1 partition (0)');
    expect(() => choosePartition('kafkajs', { key: 'u1', partitionCount: 3, explicitPartition: -1 }, state)).toThrow(/partition -1 does not exist/);
    expect(() => choosePartition('kafkajs', { key: 'u1', partitionCount: 3, explicitPartition: 1.5 }, state)).toThrow('An explicit partition must be a whole number; got 1.5.');
  });

  it('refuses a partition count that is not a whole number of 1 or more', () => {
    const state = createProfileState('java');
    for (const partitionCount of [0, -3, 2.5, Number.NaN]) {
      expect(() => choosePartition('java', { key: 'u1', partitionCount }, state)).toThrow(/partitionCount must be a whole number from 1 to 2147483647/);
    }
  });
});
