import { createRequire } from 'node:module';
import { crc32c as portableCrc32c } from '@node-rs/crc32';

/**
 * CRC-32C (Castagnoli), the checksum of record batch v2 (KIP-98; "Record Batch" in Kafka's
 * implementation guide). Node 20 has no CRC-32C of its own, and the broker checksums every
 * produced batch, so this is native code, the faster of two that load:
 * - sse4_crc32, an optional dependency built from source at install, which uses the CPU's CRC32
 *   instruction where it has one (SSE 4.2): 7.6 GB/s on 12 KB batches on the development machine;
 * - @node-rs/crc32, prebuilt for every platform: 3.3 GB/s on the same batches. Used where
 *   sse4_crc32 did not build (no compiler) or the CPU lacks the instruction.
 * With kcat producing 4 KB records the first cut the broker's CPU by about a seventh
 * (docs/performance.md).
 *
 * `initial` continues a checksum over data split in pieces:
 * `crc32c(b, crc32c(a)) === crc32c(concat(a, b))`. The result is an unsigned 32-bit number, the
 * form the batch header stores.
 *
 * @example crc32c(Buffer.from('123456789')) // 0xe3069283
 */
export const crc32c: (data: Uint8Array, initial?: number) => number = hardwareCrc32c() ?? portableCrc32c;

/** Which implementation `crc32c` is, for tests and benchmark reports. */
export const crc32cImplementation: 'sse4_crc32' | '@node-rs/crc32' = crc32c === portableCrc32c ? '@node-rs/crc32' : 'sse4_crc32';

interface Sse4Crc32 {
  readonly hardware_support: boolean;
  calculate(data: Uint8Array, initial?: number): number;
}

function hardwareCrc32c(): Sse4Crc32['calculate'] | null {
  let module: Sse4Crc32;
  try {
    module = createRequire(import.meta.url)('sse4_crc32') as Sse4Crc32;
  } catch {
    return null;
  }
  // Without the instruction it falls back to a table, slower than @node-rs/crc32.
  return module.hardware_support ? module.calculate : null;
}
