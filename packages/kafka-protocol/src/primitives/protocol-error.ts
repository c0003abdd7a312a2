/**
 * Thrown when bytes do not follow the Kafka grammar: a truncated frame, a negative length where
 * none is allowed, a length that runs past the end of the frame. Callers at the network edge catch
 * it and close only the offending connection; it never means the broker itself is broken.
 */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}
