import murmurHash3 from 'murmurhash3js-revisited';

/**
 * MurmurHash3 x86_32 with seed 0, unsigned: the "murmur3_hash(key_bytes)" of the Iggy partitioning
 * guide in Lanes' seed material. The Iggy server does not use it (see xxh32.ts); Lanes keeps it to
 * show the difference.
 */
export function murmur3x86_32(bytes: Uint8Array): number {
  return murmurHash3.x86.hash32(bytes, 0) >>> 0;
}
