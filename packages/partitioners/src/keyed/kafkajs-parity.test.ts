import { Partitioners, type PartitionMetadata } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { choosePartition } from '../choose-partition';
import { randomKeys } from '../hashes/random-keys.test-helper';
import { createProfileState } from '../profiles';
import { kafkajsLegacyPartition } from './kafkajs-legacy-partition';
import { murmur2Partition } from './murmur2-partition';

const PARTITION_COUNTS = [1, 2, 3, 7, 12, 100];

function metadata(partitionCount: number): PartitionMetadata[] {
  return Array.from({ length: partitionCount }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));
}

/** 10,000 keys: half text (ASCII, digits, multi-byte UTF-8, empty), half raw bytes as Buffers. */
function mixedKeys(): Array<string | Buffer> {
  const text = Array.from({ length: 5000 }, (_, i) => [`user-${i}`, String(i * 31), `ключ-${i}`, `${'z'.repeat(i % 37)}${i}`, i === 0 ? '' : `🙂${i}`][i % 5] as string);
  return [...text, ...randomKeys(5000, 0xbeef).map((bytes) => Buffer.from(bytes))];
}

describe('kafkajs 2.2.4 parity over 10,000 keys and several partition counts', () => {
  const keys = mixedKeys();

  it.each(PARTITION_COUNTS)('DefaultPartitioner and our kafkajs profile agree on every key with %i partitions', (partitionCount) => {
    const kafkajs = Partitioners.DefaultPartitioner();
    const state = createProfileState('kafkajs');
    const partitionMetadata = metadata(partitionCount);
    const disagreements = keys.filter((key) => {
      const expected = kafkajs({ topic: 't', partitionMetadata, message: { key, value: 'v' } });
      return choosePartition('kafkajs', { key, partitionCount }, state).partition !== expected || murmur2Partition(key, partitionCount).partition !== expected;
    });
    expect(disagreements).toEqual([]);
  });

  it.each(PARTITION_COUNTS)('LegacyPartitioner and our kafkajs-legacy profile agree on every key with %i partitions', (partitionCount) => {
    const kafkajs = Partitioners.LegacyPartitioner();
    const state = createProfileState('kafkajs-legacy');
    const partitionMetadata = metadata(partitionCount);
    const disagreements = keys.filter((key) => {
      const expected = kafkajs({ topic: 't', partitionMetadata, message: { key, value: 'v' } });
      return choosePartition('kafkajs-legacy', { key, partitionCount }, state).partition !== expected || kafkajsLegacyPartition(key, partitionCount).partition !== expected;
    });
    expect(disagreements).toEqual([]);
  });

  it('the two kafkajs partitioners disagree on many keys, which is why the legacy profile exists', () => {
    const disagreeing = keys.filter((key) => murmur2Partition(key, 7).partition !== kafkajsLegacyPartition(key, 7).partition);
    expect(disagreeing.length).toBeGreaterThan(keys.length / 2);
  });

  it('an explicit partition wins over the key in kafkajs and in our profile', () => {
    const kafkajs = Partitioners.DefaultPartitioner();
    const expected = kafkajs({ topic: 't', partitionMetadata: metadata(3), message: { key: 'u1', value: 'v', partition: 2 } });
    expect(expected).toBe(2);
    expect(choosePartition('kafkajs', { key: 'u1', partitionCount: 3, explicitPartition: 2 }, createProfileState('kafkajs')).partition).toBe(2);
  });

  it('keyless records follow the same consecutive round robin as kafkajs, from a random start', () => {
    const kafkajs = Partitioners.DefaultPartitioner();
    const theirs = Array.from({ length: 9 }, () => kafkajs({ topic: 't', partitionMetadata: metadata(3), message: { value: 'v' } }));
    const state = createProfileState('kafkajs');
    const ours = Array.from({ length: 9 }, () => choosePartition('kafkajs', { key: null, partitionCount: 3 }, state).partition);
    const steps = (sequence: number[]) => sequence.slice(1).map((p, i) => (p - (sequence[i] as number) + 3) % 3);
    expect(steps(theirs)).toEqual(Array(8).fill(1));
    expect(steps(ours)).toEqual(Array(8).fill(1));
  });
});
