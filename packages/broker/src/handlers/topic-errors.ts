import { ErrorCode } from '@lanes/kafka-protocol';
import { TopicError } from '../log/log-errors';

/**
 * Maps a failure from the topic registry to the Kafka error code and message to answer with.
 * Anything else is a bug in the broker: it is reported as UNKNOWN_SERVER_ERROR, never thrown at
 * the connection, so one bad request cannot close a client's other work.
 */
export function topicFailure(error: unknown): { errorCode: number; errorMessage: string } {
  if (error instanceof TopicError) return { errorCode: error.code, errorMessage: error.message };
  return { errorCode: ErrorCode.UNKNOWN_SERVER_ERROR, errorMessage: error instanceof Error ? error.message : String(error) };
}
