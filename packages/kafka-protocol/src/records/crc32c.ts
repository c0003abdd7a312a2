import { crc32c as nativeCrc32c } from '@node-rs/crc32';

/**
 * CRC-32C (Castagnoli), the checksum of record batch v2 (KIP-98; "Record Batch" in Kafka's
 * implementation guide). Node 20 has no CRC-32C of its own, so this uses @node-rs/crc32, a native
 * SIMD implementation: the broker checksums every produced batch, so a JS table loop would show.
 *
 * `initial` continues a checksum over data split in pieces:
 * `crc32c(b, crc32c(a)) === crc32c(concat(a, b))`. The result is an unsigned 32-bit number, the
 * form the batch header stores.
 *
 * @example crc32c(Buffer.from('123456789')) // 0xe3069283
 */
export function crc32c(data: Uint8Array, initial = 0): number {
  return nativeCrc32c(data, initial);
}
