import { crc32 } from '../hashes/crc32';
import { keyBytes, type RecordKey } from '../key-bytes';
import type { PartitionChoice } from '../partition-choice';
import { hashedChoice } from './hashed-choice';

/**
 * librdkafka's consistent partitioner and the keyed half of consistent_random (its default, so
 * kcat, confluent-kafka-python and the Rust rdkafka crate): rd_crc32(key) % partition_cnt.
 * Not murmur2: the same key lands elsewhere than with a Java or kafkajs producer.
 */
export function crc32Partition(key: RecordKey, partitionCount: number): PartitionChoice {
  const bytes = keyBytes(key);
  return hashedChoice({ key, bytes, hashName: 'crc32', hash: crc32(bytes), partitionCount });
}
