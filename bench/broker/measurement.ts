/** One timed transfer: how many records (0 for raw bytes), how many value bytes, how long. */
export interface Measurement {
  records: number;
  /** Record value bytes moved (for the loopback copy: raw bytes). Keys, headers and framing excluded. */
  valueBytes: number;
  elapsedMs: number;
  /** CPU milliseconds over the run, where measured: the broker's process, and the client's (kcat). */
  cpu?: { brokerMs: number; clientMs: number };
}

export function messagesPerSecond(measurement: Measurement): number {
  return measurement.records / (measurement.elapsedMs / 1000);
}

/** MB here is 10^6 bytes, as network throughput is usually quoted. */
export function megabytesPerSecond(measurement: Measurement): number {
  return measurement.valueBytes / 1e6 / (measurement.elapsedMs / 1000);
}
