import { z } from 'zod';

/**
 * Gateway-to-browser payloads. The gateway builds them from what Kafka (or a kafkajs event, or the
 * embedded broker's own events) reported; nothing here is invented by the gateway.
 */

export const connectionStatusSchema = z.enum(['connecting', 'connected', 'unreachable', 'reconnecting']);

export const connectionViewSchema = z.object({
  status: connectionStatusSchema,
  /** 'embedded': the gateway's own broker; 'external': a cluster named by KAFKA_BROKERS. */
  mode: z.enum(['embedded', 'external']),
  bootstrap: z.string(),
  since: z.number(),
  error: z.string().optional(),
  /** Whether this browser may change things (produce, topics, consumers); viewers only watch. */
  canControl: z.boolean(),
});

export const segmentViewSchema = z.object({
  baseOffset: z.number(),
  endOffset: z.number(),
  bytes: z.number(),
});

export const partitionViewSchema = z.object({
  partition: z.number(),
  logStartOffset: z.number(),
  /** The log end offset (= high watermark on a single node). */
  logEndOffset: z.number(),
  /** Only with the embedded broker: a real cluster does not tell clients about segments. */
  segments: z.array(segmentViewSchema).optional(),
});

export const topicViewSchema = z.object({
  name: z.string(),
  partitions: z.array(partitionViewSchema),
  watched: z.boolean(),
  config: z.object({ segmentBytes: z.number().optional(), retentionMs: z.number().optional(), retentionBytes: z.number().optional() }).optional(),
});

export const recordViewSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  offset: z.number(),
  key: z.string().nullable(),
  /** At most limits.valuePreviewBytes of the value, as text. */
  value: z.string(),
  valueBytes: z.number(),
  timestamp: z.number(),
  headers: z.record(z.string(), z.string()),
  /** Who produced it, when known: 'panel', 'load', or the `lanes-producer` header of an outside client. */
  producer: z.string().optional(),
});

export const recordsBatchSchema = z.object({ records: z.array(recordViewSchema) });

/** Sent instead of records to a client that cannot keep up: counts and offset ranges per partition. */
export const recordsAggregateSchema = z.object({
  topic: z.string(),
  partitions: z.array(z.object({ partition: z.number(), count: z.number(), fromOffset: z.number(), toOffset: z.number() })),
});

export const topicPartitionSchema = z.object({ topic: z.string(), partition: z.number() });

export const memberViewSchema = z.object({
  /** Kafka's member id, once the member has joined. */
  memberId: z.string().nullable(),
  /** The gateway's handle for a consumer it runs ("c1"); absent for members of external groups. */
  consumerId: z.string().optional(),
  clientId: z.string(),
  clientHost: z.string(),
  assignment: z.array(topicPartitionSchema),
  status: z.enum(['joining', 'active', 'paused', 'crashed', 'idle', 'leaving']),
  processingDelayMs: z.number().optional(),
  sessionTimeoutMs: z.number().optional(),
  /** For a crashed member: when the broker will expire it, if nothing else happens first. */
  expiresAt: z.number().optional(),
});

export const lagViewSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  committed: z.number(),
  logEndOffset: z.number(),
  lag: z.number(),
});

export const groupViewSchema = z.object({
  groupId: z.string(),
  managed: z.boolean(),
  topics: z.array(z.string()),
  assignor: z.string(),
  autoOffsetReset: z.enum(['earliest', 'latest']).optional(),
  commitMode: z.string().optional(),
  sessionTimeoutMs: z.number().optional(),
  state: z.string(),
  generation: z.number(),
  members: z.array(memberViewSchema),
  lag: z.array(lagViewSchema),
});

export const rebalanceViewSchema = z.object({
  groupId: z.string(),
  generation: z.number(),
  startedAt: z.number(),
  durationMs: z.number(),
  reason: z.string(),
  protocol: z.enum(['eager']),
  changes: z.array(z.object({ member: z.string(), lost: z.array(topicPartitionSchema), gained: z.array(topicPartitionSchema) })),
});

export const consumedBatchSchema = z.object({
  groupId: z.string(),
  consumerId: z.string(),
  /** The latest records this consumer processed since the last batch (at most a few hundred). */
  records: z.array(z.object({ topic: z.string(), partition: z.number(), offset: z.number(), key: z.string().nullable() })),
  /** How many records it processed since the last batch: more than `records` holds at high rates. */
  processed: z.number(),
});

export const commitViewSchema = z.object({
  groupId: z.string(),
  consumerId: z.string().optional(),
  offsets: z.array(z.object({ topic: z.string(), partition: z.number(), offset: z.number() })),
});

export const deliveryAnomalySchema = z.object({
  groupId: z.string(),
  consumerId: z.string(),
  topic: z.string(),
  partition: z.number(),
  /** duplicate: offsets processed again (at-least-once); gap: offsets skipped (at-most-once, or retention). */
  kind: z.enum(['duplicate', 'gap']),
  fromOffset: z.number(),
  toOffset: z.number(),
});

export const orderingViolationSchema = z.object({
  groupId: z.string(),
  key: z.string(),
  /** The record processed out of order and the one processed before it, with their produce sequence. */
  records: z.array(z.object({ topic: z.string(), partition: z.number(), offset: z.number(), producedAt: z.number(), consumerId: z.string() })),
});

export const brokerEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('segment-rolled'), topic: z.string(), partition: z.number(), baseOffset: z.number(), at: z.number() }),
  z.object({ kind: z.literal('segment-deleted'), topic: z.string(), partition: z.number(), baseOffset: z.number(), endOffset: z.number(), reason: z.string(), logStartOffset: z.number(), at: z.number() }),
  z.object({ kind: z.literal('member-expired'), groupId: z.string(), memberId: z.string(), sessionTimeoutMs: z.number(), at: z.number() }),
]);

export const loadGeneratorViewSchema = z.object({
  id: z.string(),
  topic: z.string(),
  ratePerSecond: z.number(),
  distribution: z.string(),
  profile: z.string(),
  produced: z.number(),
  startedAt: z.number(),
  running: z.boolean(),
  error: z.string().optional(),
});

export const noticeSchema = z.object({ level: z.enum(['info', 'warning', 'error']), message: z.string(), at: z.number() });

export const snapshotSchema = z.object({
  connection: connectionViewSchema,
  topics: z.array(topicViewSchema),
  groups: z.array(groupViewSchema),
  /** The latest records of each watched partition, oldest first, bounded per partition. */
  recentRecords: z.array(recordViewSchema),
  loadGenerators: z.array(loadGeneratorViewSchema),
  serverTime: z.number(),
});

export const produceResultSchema = z.object({
  records: z.array(
    z.object({
      key: z.string().nullable(),
      partition: z.number(),
      /** null with acks=0: Kafka does not answer, so the offset is not known. */
      offset: z.number().nullable(),
      timestamp: z.number(),
      profile: z.string(),
      explanation: z.string(),
    }),
  ),
});

export const partitionsAddResultSchema = z.object({
  topic: topicViewSchema,
  /** Recently seen keys that the same partitioner now sends elsewhere: the lesson of changing the count. */
  movedKeys: z.array(z.object({ key: z.string(), from: z.number(), to: z.number() })),
  /** How many recent keys were compared: "5 of 12 keys now go elsewhere". */
  keysChecked: z.number(),
  profile: z.string(),
});

export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;
export type ConnectionView = z.infer<typeof connectionViewSchema>;
export type SegmentView = z.infer<typeof segmentViewSchema>;
export type PartitionView = z.infer<typeof partitionViewSchema>;
export type TopicView = z.infer<typeof topicViewSchema>;
export type RecordView = z.infer<typeof recordViewSchema>;
export type RecordsBatch = z.infer<typeof recordsBatchSchema>;
export type RecordsAggregate = z.infer<typeof recordsAggregateSchema>;
export type TopicPartition = z.infer<typeof topicPartitionSchema>;
export type MemberView = z.infer<typeof memberViewSchema>;
export type LagView = z.infer<typeof lagViewSchema>;
export type GroupView = z.infer<typeof groupViewSchema>;
export type RebalanceView = z.infer<typeof rebalanceViewSchema>;
export type ConsumedBatch = z.infer<typeof consumedBatchSchema>;
export type CommitView = z.infer<typeof commitViewSchema>;
export type DeliveryAnomaly = z.infer<typeof deliveryAnomalySchema>;
export type OrderingViolation = z.infer<typeof orderingViolationSchema>;
export type BrokerEventView = z.infer<typeof brokerEventSchema>;
export type LoadGeneratorView = z.infer<typeof loadGeneratorViewSchema>;
export type Notice = z.infer<typeof noticeSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type ProduceResult = z.infer<typeof produceResultSchema>;
export type PartitionsAddResult = z.infer<typeof partitionsAddResultSchema>;
