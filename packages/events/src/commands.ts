import { z } from 'zod';
import { groupIdSchema, partitionCountSchema, partitionIndexSchema, topicNameSchema } from './kafka-names';
import { limits } from './limits';

/** Client-to-gateway command payloads. Each is validated by the gateway before anything reaches Kafka. */

export const topicCreateSchema = z.strictObject({
  name: topicNameSchema,
  partitions: partitionCountSchema,
  /** Log segment size; small segments let a class watch one roll. */
  segmentBytes: z.number().int().min(1024, 'Segments are at least 1024 bytes.').max(1024 ** 3, 'Segments are at most 1 GiB.').optional(),
  retentionMs: z.number().int().min(-1, 'Retention is -1 (forever) or a number of milliseconds.').optional(),
  retentionBytes: z.number().int().min(-1, 'Retention is -1 (unlimited) or a number of bytes.').optional(),
});

export const topicNameOnlySchema = z.strictObject({ name: topicNameSchema });

export const partitionsAddSchema = z.strictObject({
  name: topicNameSchema,
  /** The new total, as Kafka's CreatePartitions takes it. */
  partitions: partitionCountSchema,
});

export const acksSchema = z.union([z.literal(0), z.literal(1), z.literal(-1)], { error: 'acks is 0, 1 or -1 (all).' });

export const headersSchema = z
  .record(z.string().max(256), z.string().max(4096))
  .refine((headers) => Object.keys(headers).length <= limits.maxHeaders, `At most ${limits.maxHeaders} headers per message.`);

export const messageInputSchema = z.strictObject({
  key: z.string().max(limits.maxKeyBytes, `Keys are at most ${limits.maxKeyBytes} characters.`).nullable(),
  value: z.string(),
  partition: partitionIndexSchema.nullable().optional(),
  headers: headersSchema.optional(),
});

export const produceSchema = z
  .strictObject({
    topic: topicNameSchema,
    messages: z
      .array(messageInputSchema)
      .min(1, 'Type at least one message.')
      .max(limits.maxMessagesPerProduce, `Send at most ${limits.maxMessagesPerProduce} messages at once; use the load generator for more.`),
    /** A partitioner profile id from @lanes/partitioners ("kafkajs", "librdkafka", ...). */
    profile: z.string().min(1).max(64).default('kafkajs'),
    acks: acksSchema.default(-1),
  })
  .superRefine((command, context) => {
    command.messages.forEach((message, index) => {
      const bytes = utf8Length(message.key ?? '') + utf8Length(message.value);
      if (bytes > limits.maxMessageBytes) {
        context.addIssue({
          code: 'custom',
          path: ['messages', index, 'value'],
          message: `Message ${index + 1} is ${bytes} bytes; the limit is ${limits.maxMessageBytes} bytes. Send a smaller value.`,
        });
      }
    });
  });

export const keyDistributionSchema = z.enum(['uniform', 'zipf', 'hot-key', 'low-cardinality', 'salted-hot-key', 'keyless']);

export const loadStartSchema = z.strictObject({
  topic: topicNameSchema,
  ratePerSecond: z.number().min(0.1, 'The rate is at least 0.1 messages per second.').max(limits.maxLoadRatePerSecond, `The rate is at most ${limits.maxLoadRatePerSecond} messages per second.`),
  distribution: keyDistributionSchema,
  /** How many distinct keys (uniform, zipf, low-cardinality) or salts (salted-hot-key). */
  keyCount: z.number().int().min(1).max(1_000_000).default(100),
  /** Share of traffic on the hot key (hot-key, salted-hot-key). */
  hotKeyShare: z.number().min(0).max(1).default(0.8),
  valueBytes: z.number().int().min(1).max(10_000).default(100),
  profile: z.string().min(1).max(64).default('kafkajs'),
});

export const loadStopSchema = z.strictObject({ id: z.string().min(1).optional() });

export const watchSchema = z.strictObject({
  topic: topicNameSchema,
  from: z.enum(['beginning', 'now']).default('beginning'),
});

export const assignorSchema = z.enum(['range', 'roundrobin', 'sticky']);
export const commitModeSchema = z.enum(['auto', 'per-message', 'per-batch', 'before-processing']);

export const groupCreateSchema = z.strictObject({
  groupId: groupIdSchema,
  topics: z.array(topicNameSchema).min(1, 'A group subscribes to at least one topic.').max(16),
  assignor: assignorSchema.default('range'),
  autoOffsetReset: z.enum(['earliest', 'latest']).default('earliest'),
  commitMode: commitModeSchema.default('per-batch'),
  autoCommitIntervalMs: z.number().int().min(100).max(60_000).default(5000),
  sessionTimeoutMs: z
    .number()
    .int()
    .min(limits.minSessionTimeoutMs, `The session timeout is at least ${limits.minSessionTimeoutMs} ms.`)
    .max(limits.maxSessionTimeoutMs, `The session timeout is at most ${limits.maxSessionTimeoutMs} ms.`)
    .default(10_000),
  /** Consumers to start with. */
  consumers: z.number().int().min(0).max(limits.maxConsumersPerGroup).default(0),
});

export const groupOnlySchema = z.strictObject({ groupId: groupIdSchema });

export const consumerTargetSchema = z.strictObject({
  groupId: groupIdSchema,
  consumerId: z.string().min(1).max(64),
});

export const consumerDelaySchema = z.strictObject({
  groupId: groupIdSchema,
  consumerId: z.string().min(1).max(64),
  delayMs: z.number().int().min(0).max(limits.maxProcessingDelayMs, `The processing delay is at most ${limits.maxProcessingDelayMs} ms.`),
});

export const seekTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('earliest') }),
  z.strictObject({ kind: z.literal('latest') }),
  z.strictObject({ kind: z.literal('offset'), offset: z.number().int().min(0), partition: partitionIndexSchema.optional() }),
  z.strictObject({ kind: z.literal('timestamp'), timestamp: z.number().int().min(0) }),
]);

export const groupSeekSchema = z.strictObject({ groupId: groupIdSchema, to: seekTargetSchema });

export const authSchema = z.strictObject({ token: z.string().min(1).max(256) });

export const emptySchema = z.strictObject({});

export type TopicCreate = z.input<typeof topicCreateSchema>;
export type PartitionsAdd = z.input<typeof partitionsAddSchema>;
export type MessageInput = z.input<typeof messageInputSchema>;
export type ProduceCommand = z.input<typeof produceSchema>;
export type ProduceCommandParsed = z.output<typeof produceSchema>;
export type KeyDistribution = z.infer<typeof keyDistributionSchema>;
export type LoadStart = z.input<typeof loadStartSchema>;
export type LoadStartParsed = z.output<typeof loadStartSchema>;
export type WatchCommand = z.input<typeof watchSchema>;
export type Assignor = z.infer<typeof assignorSchema>;
export type CommitMode = z.infer<typeof commitModeSchema>;
export type GroupCreate = z.input<typeof groupCreateSchema>;
export type GroupCreateParsed = z.output<typeof groupCreateSchema>;
export type ConsumerTarget = z.infer<typeof consumerTargetSchema>;
export type ConsumerDelay = z.infer<typeof consumerDelaySchema>;
export type SeekTarget = z.infer<typeof seekTargetSchema>;
export type GroupSeek = z.infer<typeof groupSeekSchema>;

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
