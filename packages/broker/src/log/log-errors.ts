import { ErrorCode } from '@lanes/kafka-protocol';

/** The Kafka errors the log and the topic registry can produce. */
export type LogErrorName =
  | 'OFFSET_OUT_OF_RANGE'
  | 'UNKNOWN_TOPIC_OR_PARTITION'
  | 'INVALID_TOPIC_EXCEPTION'
  | 'TOPIC_ALREADY_EXISTS'
  | 'INVALID_PARTITIONS'
  | 'INVALID_REPLICATION_FACTOR'
  | 'INVALID_CONFIG';

/**
 * A request about topics or their configuration that Kafka would refuse. The message says what
 * was wrong and what to do instead; `code` is the Kafka error code to answer with.
 *
 * @example
 *   try { registry.create('my topic', 3) }
 *   catch (error) { if (error instanceof TopicError) respond(error.code, error.message) }
 */
export class TopicError extends Error {
  override readonly name = 'TopicError';
  readonly code: number;

  constructor(
    readonly errorName: LogErrorName,
    message: string,
  ) {
    super(message);
    this.code = ErrorCode[errorName];
  }
}
