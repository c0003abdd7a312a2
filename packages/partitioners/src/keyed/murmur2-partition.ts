import { javaMurmur2, toPositive } from '../hashes/java-murmur2';
import { isDecimalText, keyBytes, type RecordKey } from '../key-bytes';
import type { PartitionChoice } from '../partition-choice';
import { hashedChoice } from './hashed-choice';

/**
 * toPositive(murmur2(keyBytes)) % numPartitions: the Java client in every version, kafkajs 2.x
 * DefaultPartitioner, kafka-python's DefaultPartitioner and librdkafka's murmur2 / murmur2_random.
 * numPartitions counts all partitions, available or not.
 */
export function murmur2Partition(key: RecordKey, partitionCount: number): PartitionChoice {
  const bytes = keyBytes(key);
  const hash = javaMurmur2(bytes);
  return hashedChoice({
    key,
    bytes,
    hashName: 'murmur2',
    hash,
    transforms: [{ operation: '& 0x7fffffff', result: toPositive(hash) }],
    partitionCount,
    note: isDecimalText(key) ? decimalKeyNote(key) : undefined,
  });
}

/** The frequent surprise: a numeric key is hashed as its text by kafkajs, as 4 or 8 bytes by Java's serializers. */
export function decimalKeyNote(key: string): string {
  return `the key is the text '${key}' in UTF-8; Java's IntegerSerializer would hash 4 binary bytes and may pick another partition`;
}
