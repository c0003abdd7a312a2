import { xxHash32 } from 'js-xxhash';

/**
 * XXH32 with seed 0, unsigned. Apache Iggy's server hashes a messages_key with it
 * (iggy_common calculate_32 → xxh32(data, 0)) and takes `% partitions_count`, since late 2023.
 */
export function xxh32(bytes: Uint8Array): number {
  return xxHash32(bytes, 0) >>> 0;
}
