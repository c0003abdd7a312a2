import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * Everything the embedded broker can be told, validated once at the edge. Defaults suit a
 * classroom: small segments that visibly roll, short minimum session timeouts, no initial
 * rebalance delay (Kafka's own default is 3 s, which makes a demo feel broken).
 */
export const brokerOptionsSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  /** 0 picks a free port; the broker advertises the one it actually bound. */
  port: z.number().int().min(0).max(65535).default(9092),
  /** The host clients are told to connect to; defaults to `host` (or 127.0.0.1 when bound to 0.0.0.0). */
  advertisedHost: z.string().min(1).optional(),
  nodeId: z.number().int().min(0).default(0),
  /** New for every broker, as a real cluster's id is: clients can tell a restarted broker from the old one. */
  clusterId: z.string().min(1).default(() => randomBytes(16).toString('base64url').slice(0, 22)),
  /** Largest request frame accepted (Kafka's socket.request.max.bytes, 100 MiB there). */
  maxRequestBytes: z.number().int().min(1024).default(100 * 1024 * 1024),
  maxInFlightRequestsPerConnection: z.number().int().min(1).default(256),
  autoCreateTopics: z.boolean().default(true),
  /** Partitions for auto-created topics and for CreateTopics with -1 (Kafka's num.partitions). */
  defaultPartitions: z.number().int().min(1).default(3),
  maxPartitionsPerTopic: z.number().int().min(1).default(1024),
  segmentBytes: z.number().int().min(1024).default(1024 * 1024),
  retentionBytes: z.number().int().min(-1).default(-1),
  retentionMs: z.number().int().min(-1).default(7 * 24 * 60 * 60 * 1000),
  retentionCheckIntervalMs: z.number().int().min(10).default(1000),
  /** Kafka's group.initial.rebalance.delay.ms. */
  initialRebalanceDelayMs: z.number().int().min(0).default(0),
  minSessionTimeoutMs: z.number().int().min(1).default(1000),
  maxSessionTimeoutMs: z.number().int().min(1).default(300_000),
  /** Where the broker writes what it has to say; defaults to nothing. */
  log: z.custom<(message: string) => void>((value) => typeof value === 'function').optional(),
});

export type BrokerOptionsInput = z.input<typeof brokerOptionsSchema>;
export type BrokerOptions = z.output<typeof brokerOptionsSchema>;

export function parseBrokerOptions(input: BrokerOptionsInput = {}): BrokerOptions {
  const result = brokerOptionsSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`);
    throw new RangeError(`Invalid broker options: ${problems.join('; ')}`);
  }
  return result.data;
}
