/**
 * MurmurHash2 exactly as Kafka's Java client computes it (org.apache.kafka.common.utils.Utils.murmur2):
 * seed 0x9747b28c, m 0x5bd1e995, r 24, little-endian 4-byte blocks, signed 32-bit result. The Java
 * DefaultPartitioner / BuiltInPartitioner, kafkajs 2.x, kafka-python and librdkafka's murmur2
 * partitioners all start from this value. Math.imul gives the 32-bit wrap-around multiply Java's
 * int arithmetic has; plain `*` on doubles would lose the low bits (see kafkajs-legacy-murmur2).
 */
const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const R = 24;

export function javaMurmur2(bytes: Uint8Array): number {
  const length = bytes.length;
  let h = SEED ^ length;
  const blockCount = length >>> 2;
  for (let block = 0; block < blockCount; block++) {
    const at = block * 4;
    let k = (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  // The last 1-3 bytes, highest first, as Java's fall-through switch does.
  const tailStart = length & ~3;
  const tailLength = length & 3;
  if (tailLength >= 3) h ^= (bytes[tailStart + 2] ?? 0) << 16;
  if (tailLength >= 2) h ^= (bytes[tailStart + 1] ?? 0) << 8;
  if (tailLength >= 1) {
    h ^= bytes[tailStart] ?? 0;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's Utils.toPositive: clears the sign bit (not Math.abs, which would overflow for MIN_VALUE). */
export function toPositive(value: number): number {
  return value & 0x7fffffff;
}
