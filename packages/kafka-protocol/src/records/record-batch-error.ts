/**
 * Kafka error codes a record batch can earn (see "Error Codes" in Kafka's protocol guide). The
 * broker puts `RecordBatchError.code` straight into the partition's Produce response.
 */
export const RecordBatchErrorCode = {
  /** 2: the bytes are damaged: CRC mismatch, truncated batch, lengths that do not add up. */
  CORRUPT_MESSAGE: 2,
  /**
   * 87: the bytes are intact but break a rule: a magic other than 2, an unknown codec, a record
   * count that disagrees with lastOffsetDelta. Modern Kafka's ProduceRequest.validateRecords and
   * LogValidator.validateBatch raise InvalidRecordException, which maps to this code (KIP-467).
   */
  INVALID_RECORD: 87,
} as const;

export type RecordBatchErrorCode = (typeof RecordBatchErrorCode)[keyof typeof RecordBatchErrorCode];

/**
 * A record batch the broker must refuse. Unlike ProtocolError it does not mean the frame is
 * unreadable: the request around the batch parsed fine, so the broker answers this partition
 * with `code` and keeps the connection open, as Kafka does.
 */
export class RecordBatchError extends Error {
  override readonly name = 'RecordBatchError';

  constructor(
    readonly code: RecordBatchErrorCode,
    message: string,
  ) {
    super(message);
  }
}
