/**
 * A command that cannot be carried out, with words a person can act on. Thrown by services; the
 * socket and REST layers turn it into `{ ok: false, error }` (or an HTTP status).
 */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';

  constructor(
    readonly code: 'invalid_input' | 'not_found' | 'conflict' | 'kafka_error' | 'unavailable' | 'forbidden' | 'rate_limited',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Turns a kafkajs error into a message that says what happened and what to do. */
export function kafkaFailure(action: string, error: unknown): CommandFailure {
  const text = error instanceof Error ? error.message : String(error);
  const type = (error as { type?: string }).type;
  if (type === 'TOPIC_ALREADY_EXISTS') return new CommandFailure('conflict', `Could not ${action}: the topic already exists.`);
  if (type === 'UNKNOWN_TOPIC_OR_PARTITION') return new CommandFailure('not_found', `Could not ${action}: the topic does not exist.`);
  if (/ECONNREFUSED|Connection error|Closed connection|KafkaJSNumberOfRetriesExceeded|timed out/i.test(text) || (error as { name?: string }).name === 'KafkaJSConnectionError') {
    return new CommandFailure('unavailable', `Could not ${action}: Kafka is unreachable (${text}). Lanes keeps retrying; try again when the banner says connected.`);
  }
  return new CommandFailure('kafka_error', `Could not ${action}: ${text}`);
}
