import CRC32 from 'crc-32';

/**
 * Standard CRC-32 (IEEE 802.3, the zlib one), unsigned. librdkafka's consistent and
 * consistent_random partitioners use rd_crc32, which is this CRC, then `% partition_cnt` on the
 * unsigned value (rdkafka_msg.c).
 */
export function crc32(bytes: Uint8Array): number {
  return CRC32.buf(bytes) >>> 0;
}
