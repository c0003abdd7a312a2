import { murmur3x86_32 } from '../hashes/murmur3';
import { xxh32 } from '../hashes/xxh32';
import { keyBytes, type RecordKey } from '../key-bytes';
import { PartitioningError, type PartitionChoice } from '../partition-choice';
import { hashedChoice } from './hashed-choice';

/** Iggy's Partitioning::messages_key rejects an empty key and stores the length in one byte. */
const MAX_IGGY_KEY_BYTES = 255;

/**
 * Apache Iggy messages_key as the server computes it since late 2023: xxh32(key, seed 0) %
 * partitions_count, with 0-based partition ids in current releases. (Releases before that used
 * murmur3 128-bit and 1-based ids, where a remainder of 0 meant the last partition.)
 */
export function iggyMessagesKeyPartition(key: RecordKey, partitionCount: number): PartitionChoice {
  const bytes = iggyKeyBytes(key);
  return hashedChoice({ key, bytes, hashName: 'xxh32', hash: xxh32(bytes), partitionCount });
}

/**
 * What Lanes' Iggy seed guide claims: "partition = murmur3(key) % partition_count". Shown side by
 * side with the server's real formula so the difference is visible.
 */
export function iggySeedGuidePartition(key: RecordKey, partitionCount: number): PartitionChoice {
  const bytes = iggyKeyBytes(key);
  const serverPartition = xxh32(bytes) % partitionCount;
  return hashedChoice({
    key,
    bytes,
    hashName: 'murmur3',
    hash: murmur3x86_32(bytes),
    partitionCount,
    note: `the seed guide's formula; the Iggy server hashes with xxh32 and would pick partition ${serverPartition}`,
  });
}

function iggyKeyBytes(key: RecordKey): Uint8Array {
  const bytes = keyBytes(key);
  if (bytes.length === 0 || bytes.length > MAX_IGGY_KEY_BYTES) {
    throw new PartitioningError(`An Iggy messages key must be 1-${MAX_IGGY_KEY_BYTES} bytes; this one is ${bytes.length}. Shorten the key or send with balanced partitioning.`);
  }
  return bytes;
}
