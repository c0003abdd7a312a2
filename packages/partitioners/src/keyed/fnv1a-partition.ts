import { fnv1a32, librdkafkaFnv1a } from '../hashes/fnv1a';
import { keyBytes, type RecordKey } from '../key-bytes';
import type { PartitionChoice } from '../partition-choice';
import { hashedChoice } from './hashed-choice';

/**
 * librdkafka's fnv1a / fnv1a_random: FNV-1a as a signed 32-bit value, its absolute value (Sarama's
 * NewHashPartitioner does the same), then % partition_cnt.
 */
export function fnv1aPartition(key: RecordKey, partitionCount: number): PartitionChoice {
  const bytes = keyBytes(key);
  const unsigned = fnv1a32(bytes);
  return hashedChoice({
    key,
    bytes,
    hashName: 'fnv1a',
    hash: unsigned,
    hashDisplay: `0x${unsigned.toString(16).padStart(8, '0')}`,
    transforms: [{ operation: 'as int32, absolute value', result: librdkafkaFnv1a(bytes) }],
    partitionCount,
  });
}
