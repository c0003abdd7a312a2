import { gunzipSync, gzipSync } from 'node:zlib';
import type { CompressionCodec } from './batch-header';
import { RecordBatchError, RecordBatchErrorCode } from './record-batch-error';

/**
 * Cap on what one batch may inflate to. Kafka has none, but a few kilobytes of gzip can inflate
 * to gigabytes; bad input must earn an error, not take the process down. Kafka's default
 * message.max.bytes is about 1 MiB compressed, so 64 MiB leaves ample room for honest batches.
 */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;

/**
 * Inflates a batch's records section. Only gzip: Node 20 has no snappy, lz4 or zstd built in, so
 * those batches (librdkafka can send all three) can be stored and served as they are, but not
 * decoded here.
 */
export function decompressRecords(
  codec: CompressionCodec,
  data: Buffer,
  maxUncompressedBytes = DEFAULT_MAX_UNCOMPRESSED_BYTES,
): Buffer {
  switch (codec) {
    case 'none':
      return data;
    case 'gzip':
      try {
        // Java's GZIPInputStream, which Kafka uses, also reads concatenated gzip members; so does gunzip.
        return gunzipSync(data, { maxOutputLength: maxUncompressedBytes });
      } catch (error) {
        const reason = error instanceof RangeError ? `it inflates past ${maxUncompressedBytes} bytes` : (error as Error).message;
        throw new RecordBatchError(RecordBatchErrorCode.CORRUPT_MESSAGE, `gzip records cannot be decompressed: ${reason}`);
      }
    case 'snappy':
    case 'lz4':
    case 'zstd':
      throw new RecordBatchError(
        RecordBatchErrorCode.INVALID_RECORD,
        `records compressed with ${codec} cannot be decoded: only gzip is supported (Node 20 has no ${codec} codec)`,
      );
  }
}

/** Compresses an encoded records section; the inverse of decompressRecords for the codecs it can write. */
export function compressRecords(codec: 'none' | 'gzip', data: Buffer): Buffer {
  return codec === 'gzip' ? gzipSync(data) : data;
}
