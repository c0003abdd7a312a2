import { createRequire } from 'node:module';
import { crc32c as portableCrc32c } from '@node-rs/crc32';

/**
 * CRC-32C (Castagnoli), the checksum of record batch v2 (KIP-98; "Record Batch" in Kafka's
 * implementation guide). Node 20 has no CRC-32C of its own, and the broker checksums every
 * produced batch, so this is native code, the faster of two that load:
 * - this package's own native/crc32c.c, built at install by node-gyp (scripts/build-native.mjs),
 *   which keeps three of the CPU's CRC32 instructions (SSE 4.2) busy at once: 15-16 GB/s on 12-16 KB
 *   batches on the development machine, where a single running CRC (the sse4_crc32 addon used
 *   before) makes 7 GB/s. A call costs about 0.2 µs however short the data;
 * - @node-rs/crc32, prebuilt for every platform: 3.3 GB/s on the same batches. Used where the build
 *   failed (no C compiler), the CPU lacks the instruction, or the machine is not x86-64.
 * With kcat producing 4 KB records, hardware CRC cut the broker's CPU by about a seventh, and
 * three streams took a further 3-4 % (docs/performance.md).
 *
 * `initial` continues a checksum over data split in pieces:
 * `crc32c(b, crc32c(a)) === crc32c(concat(a, b))`. The result is an unsigned 32-bit number, the
 * form the batch header stores.
 *
 * @example crc32c(Buffer.from('123456789')) // 0xe3069283
 */
export const crc32c: (data: Uint8Array, initial?: number) => number = nativeCrc32c() ?? portableCrc32c;

/** Which implementation `crc32c` is, for tests and benchmark reports. */
export const crc32cImplementation: 'native (three-way SSE 4.2)' | '@node-rs/crc32' = crc32c === portableCrc32c ? '@node-rs/crc32' : 'native (three-way SSE 4.2)';

interface NativeCrc32c {
  readonly hardware: boolean;
  crc32c(data: Uint8Array, initial?: number): number;
}

function nativeCrc32c(): NativeCrc32c['crc32c'] | null {
  let binding: NativeCrc32c;
  try {
    binding = createRequire(import.meta.url)('../../build/Release/crc32c.node') as NativeCrc32c;
  } catch {
    return null;
  }
  return binding.hardware ? binding.crc32c : null;
}
