import { javaMurmur2, toPositive } from '../hashes/java-murmur2';
import { kafkajsLegacyMurmur2 } from '../hashes/kafkajs-legacy-murmur2';
import { keyBytes, type RecordKey } from '../key-bytes';
import type { PartitionChoice } from '../partition-choice';
import { hashedChoice } from './hashed-choice';

/**
 * kafkajs LegacyPartitioner (its default before 2.0): the Java formula over a murmur2 port that loses
 * precision. The explanation says when Java (and kafkajs 2.x's default) would pick differently.
 */
export function kafkajsLegacyPartition(key: RecordKey, partitionCount: number): PartitionChoice {
  const bytes = keyBytes(key);
  const hash = kafkajsLegacyMurmur2(bytes);
  const javaHash = javaMurmur2(bytes);
  const javaPartition = toPositive(javaHash) % partitionCount;
  const legacyPartition = toPositive(hash) % partitionCount;
  let note: string | undefined;
  if (hash !== javaHash) {
    note =
      javaPartition === legacyPartition
        ? `Java's murmur2 gives ${javaHash}; same partition this time`
        : `Java's murmur2 gives ${javaHash} → partition ${javaPartition}: the legacy port rounds products above 2^53`;
  }
  return hashedChoice({
    key,
    bytes,
    hashName: 'legacy murmur2',
    hash,
    transforms: [{ operation: '& 0x7fffffff', result: toPositive(hash) }],
    partitionCount,
    note,
  });
}
