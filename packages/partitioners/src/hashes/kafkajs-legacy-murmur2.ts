/**
 * kafkajs's LegacyPartitioner hash (its default before 2.0; src/producer/partitioners/legacy/murmur2.js
 * in kafkajs 2.2.4). It follows the Java algorithm but multiplies with JavaScript doubles, so every
 * product above 2^53 is rounded before the XORs truncate it to 32 bits: for most keys the result
 * differs from Java's murmur2 (kafkajs#1154 and the 2.0 migration guide). Reproduced operation for
 * operation, because Lanes must predict where kafkajs actually put a record, not where it meant to.
 *
 * A second quirk: the block count is length / 4 without flooring, so a key whose length is not a
 * multiple of 4 runs one extra block over its last bytes (reading past the end as 0) before the
 * usual tail handling mixes those bytes in again.
 */
const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const R = 24;

export function kafkajsLegacyMurmur2(bytes: Uint8Array): number {
  const length = bytes.length;
  const byteAt = (index: number): number => bytes[index] ?? 0;
  // `h` and `k` are doubles between the multiplications and int32 after each XOR, exactly as in kafkajs.
  let h: number = SEED ^ length;
  const blockLimit = length / 4;
  for (let block = 0; block < blockLimit; block++) {
    const at = block * 4;
    let k: number = byteAt(at) + (byteAt(at + 1) << 8) + (byteAt(at + 2) << 16) + (byteAt(at + 3) << 24);
    k = k * M;
    k = k ^ (k >>> R);
    k = k * M;
    h = h * M;
    h = h ^ k;
  }
  const tailStart = length & ~3;
  const tailLength = length % 4;
  if (tailLength >= 3) h = h ^ (byteAt(tailStart + 2) << 16);
  if (tailLength >= 2) h = h ^ (byteAt(tailStart + 1) << 8);
  if (tailLength >= 1) {
    h = h ^ byteAt(tailStart);
    h = h * M;
  }
  h = h ^ (h >>> 13);
  h = h * M;
  h = h ^ (h >>> 15);
  return h;
}
