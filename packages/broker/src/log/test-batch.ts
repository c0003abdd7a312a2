import { BATCH_HEADER_SIZE } from '@lanes/kafka-protocol';
import type { AppendInfo } from './partition-log';

export interface TestBatchOptions {
  /** Records in the batch; offsets advance by this much. Default 1. */
  records?: number;
  /** Bytes after the 61-byte header. Default 10. */
  payloadBytes?: number;
  /** maxTimestamp (and baseTimestamp). Default Date.now(). */
  timestamp?: number;
  producerId?: number;
}

/**
 * A record batch header (magic 2) with the fields the log reads, followed by filler bytes, for
 * tests of storage. The CRC is not computed: the log never checks it (the Produce handler does).
 */
export function makeTestBatch(options: TestBatchOptions = {}): {
  batch: Buffer;
  info: AppendInfo;
} {
  const records = options.records ?? 1;
  const timestamp = options.timestamp ?? Date.now();
  const batch = Buffer.alloc(BATCH_HEADER_SIZE + (options.payloadBytes ?? 10), 0x61);
  batch.writeBigInt64BE(-1n, 0); // baseOffset: the log assigns it
  batch.writeInt32BE(batch.length - 12, 8); // batchLength counts from partitionLeaderEpoch on
  batch.writeInt32BE(-1, 12); // partitionLeaderEpoch, as clients send it
  batch.writeInt8(2, 16); // magic
  batch.writeUInt32BE(0, 17); // crc
  batch.writeInt16BE(0, 21); // attributes: no compression, CreateTime
  batch.writeInt32BE(records - 1, 23); // lastOffsetDelta
  batch.writeBigInt64BE(BigInt(timestamp), 27);
  batch.writeBigInt64BE(BigInt(timestamp), 35);
  batch.writeBigInt64BE(BigInt(options.producerId ?? -1), 43);
  batch.writeInt16BE(-1, 51);
  batch.writeInt32BE(-1, 53);
  batch.writeInt32BE(records, 57);
  return { batch, info: { lastOffsetDelta: records - 1, maxTimestamp: timestamp, recordCount: records, producerId: options.producerId ?? -1 } };
}
