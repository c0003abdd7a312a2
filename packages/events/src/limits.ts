/**
 * Bounds enforced at the edge, in one place so the dashboard can show them next to the controls
 * and the gateway can enforce them with the same numbers.
 */
export const limits = {
  /** Kafka's own limit for topic names. */
  topicNameLength: 249,
  /** Enough for any classroom or laptop picture; Lanes draws readable lanes up to 64. */
  maxPartitions: 256,
  /** The producer panel sends at most this many lines at once. */
  maxMessagesPerProduce: 1000,
  /** One message's key plus value, in UTF-8 bytes (Kafka's default max.message.bytes is about 1 MB). */
  maxMessageBytes: 1_000_000,
  maxKeyBytes: 4096,
  maxHeaders: 32,
  /** A whole socket payload; socket.io's own maxHttpBufferSize is set to this. */
  maxPayloadBytes: 2_000_000,
  /** Value preview sent to browsers; the rest is counted, not sent. */
  valuePreviewBytes: 256,
  maxLoadRatePerSecond: 50_000,
  maxConsumersPerGroup: 64,
  maxProcessingDelayMs: 10_000,
  minSessionTimeoutMs: 1000,
  maxSessionTimeoutMs: 300_000,
} as const;
