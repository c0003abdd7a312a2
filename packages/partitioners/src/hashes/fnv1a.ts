/**
 * 32-bit FNV-1a: offset basis 0x811c9dc5 (2166136261), prime 0x01000193 (16777619), XOR then
 * multiply for each byte. Returns the unsigned hash.
 */
const OFFSET_BASIS = 0x811c9dc5;
const PRIME = 0x01000193;

export function fnv1a32(bytes: Uint8Array): number {
  let h = OFFSET_BASIS | 0;
  for (const byte of bytes) {
    h ^= byte;
    h = Math.imul(h, PRIME);
  }
  return h >>> 0;
}

/**
 * librdkafka's rd_fnv1a (rdfnv1a.c): FNV-1a held in an int32, then its absolute value "to match the
 * Sarama NewHashPartitioner". -2^31 has no positive int32; C leaves it as 0x80000000, which the
 * unsigned return turns into 2147483648.
 */
export function librdkafkaFnv1a(bytes: Uint8Array): number {
  const signed = fnv1a32(bytes) | 0;
  return signed < 0 ? -signed >>> 0 : signed;
}
