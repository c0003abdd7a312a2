import { crc32 } from 'node:zlib';

/**
 * Where each client's default partitioner sends a keyed record, computed independently of the
 * clients so the tests can check that the partitions the broker reports are the ones the client chose.
 */

/**
 * librdkafka's default partitioner, consistent_random (rd_kafka_msg_partitioner_consistent_random in
 * rdkafka_msg.c): CRC-32 (the zlib polynomial) of the key bytes modulo the partition count.
 * Only null or empty keys go to a random partition.
 */
export function librdkafkaPartitionForKey(key: Buffer, partitionCount: number): number {
  return crc32(key) % partitionCount;
}

/**
 * Java's default partitioner for keyed records, which kafka-python's DefaultPartitioner copies:
 * Utils.toPositive(Utils.murmur2(key)) % partitionCount.
 */
export function javaPartitionForKey(key: Buffer, partitionCount: number): number {
  return (murmur2(key) & 0x7fffffff) % partitionCount;
}

/** Kafka's murmur2 (org.apache.kafka.common.utils.Utils.murmur2) as a signed 32-bit integer. */
export function murmur2(data: Buffer): number {
  const seed = 0x9747b28c;
  const m = 0x5bd1e995;
  const length = data.length;
  let h = seed ^ length;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = data.readInt32LE(i);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m) ^ k;
  }
  // Java's switch falls through: 3 bytes left mixes all three, then the multiply.
  const left = length & 3;
  if (left === 3) h ^= (data[whole + 2] ?? 0) << 16;
  if (left >= 2) h ^= (data[whole + 1] ?? 0) << 8;
  if (left >= 1) {
    h ^= data[whole] ?? 0;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}
