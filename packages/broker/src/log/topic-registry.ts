import { randomBytes } from 'node:crypto';
import type { BrokerEvents } from '../broker-events';
import { TopicError } from './log-errors';
import { PartitionLog } from './partition-log';
import { SlabPool } from './slab-pool';
import { topicCollisionKey, validateTopicName } from './topic-name';
import { TopicConfig, TopicConfigDefaults, type RawConfigValue } from './topic-config';

/** A topic: its partitions' logs and its configuration. */
export class Topic {
  private readonly logs: PartitionLog[] = [];

  constructor(
    readonly name: string,
    /** 16 random bytes as 32 hex digits, fixed for the topic's life; a recreated topic gets a new one. */
    readonly topicId: string,
    readonly config: TopicConfig,
    partitionCount: number,
    private readonly events: BrokerEvents,
    private readonly slabs: SlabPool,
  ) {
    this.growTo(partitionCount);
  }

  get partitionCount(): number {
    return this.logs.length;
  }

  get partitions(): readonly PartitionLog[] {
    return this.logs;
  }

  partition(index: number): PartitionLog | undefined {
    return this.logs[index];
  }

  /** Internal to the registry: the topic is deleted, so its batches' memory may be used again. */
  discard(): void {
    for (const log of this.logs) log.discard();
  }

  /** Internal to the registry: adds empty partitions up to `total`. */
  growTo(total: number): void {
    while (this.logs.length < total) {
      this.logs.push(
        new PartitionLog({ topic: this.name, partition: this.logs.length, config: () => this.config, events: this.events, slabs: this.slabs }),
      );
    }
  }
}

export interface TopicRegistryOptions {
  readonly events: BrokerEvents;
  /** Partitions for a topic created with -1, like Kafka's num.partitions. Default 1. */
  readonly defaultPartitions?: number;
  /** Upper bound on partitions per topic so one request cannot exhaust the process. Default 1024. */
  readonly maxPartitionsPerTopic?: number;
  /** Broker-level defaults for topic configs, keyed by topic config name (e.g. 'segment.bytes'); null or undefined leaves Kafka's default. */
  readonly topicDefaults?: Readonly<Record<string, RawConfigValue | null | undefined>>;
  /** Where every partition keeps its batches; one pool for the whole broker. Default: a pool of its own. */
  readonly slabs?: SlabPool;
}

export interface CreateTopicOptions {
  /** 1 or -1 (broker default): a single node holds one replica. Default -1. */
  readonly replicationFactor?: number;
  /** Validate as CreateTopics validate_only does, creating nothing. */
  readonly validateOnly?: boolean;
}

type ConfigOverrides = Readonly<Record<string, RawConfigValue | null | undefined>>;

/**
 * Every topic on the broker, by name. Validation follows Kafka's (topic name rules, partition
 * counts, replication factor, configs) and failures throw TopicError with the Kafka error code to
 * answer with and a message saying what to change.
 *
 * @example
 *   const registry = new TopicRegistry({ events, defaultPartitions: 3 });
 *   registry.create('orders', -1, { 'retention.ms': '60000' });
 *   registry.get('orders')?.partition(0)?.append(batch, info);
 */
export class TopicRegistry {
  private readonly events: BrokerEvents;
  private readonly slabs: SlabPool;
  private readonly topics = new Map<string, Topic>();
  /** Collision key (see topicCollisionKey) to the existing name that owns it. */
  private readonly namesByCollisionKey = new Map<string, string>();
  readonly defaultPartitions: number;
  readonly maxPartitionsPerTopic: number;
  readonly topicDefaults: TopicConfigDefaults;

  constructor(options: TopicRegistryOptions) {
    this.events = options.events;
    this.slabs = options.slabs ?? new SlabPool();
    this.maxPartitionsPerTopic = options.maxPartitionsPerTopic ?? 1024;
    this.defaultPartitions = options.defaultPartitions ?? 1;
    if (!Number.isInteger(this.maxPartitionsPerTopic) || this.maxPartitionsPerTopic < 1) {
      throw new RangeError(`maxPartitionsPerTopic must be a whole number >= 1; got ${this.maxPartitionsPerTopic}`);
    }
    if (
      !Number.isInteger(this.defaultPartitions) ||
      this.defaultPartitions < 1 ||
      this.defaultPartitions > this.maxPartitionsPerTopic
    ) {
      throw new RangeError(
        `defaultPartitions must be a whole number from 1 to maxPartitionsPerTopic (${this.maxPartitionsPerTopic}); got ${this.defaultPartitions}`,
      );
    }
    this.topicDefaults = new TopicConfigDefaults(options.topicDefaults);
  }

  /**
   * Creates a topic, or with validateOnly only checks that it could be created. `partitions` -1
   * means defaultPartitions (kafkajs 2.x sends -1). Emits 'topic:created'.
   */
  create(name: string, partitions: number, configs: ConfigOverrides = {}, options: CreateTopicOptions = {}): Topic {
    validateTopicName(name);
    if (this.topics.has(name)) throw new TopicError('TOPIC_ALREADY_EXISTS', `Topic '${name}' already exists.`);
    const collidesWith = this.namesByCollisionKey.get(topicCollisionKey(name));
    if (collidesWith !== undefined) {
      throw new TopicError(
        'INVALID_TOPIC_EXCEPTION',
        `Topic '${name}' collides with existing topic '${collidesWith}': Kafka treats '.' and '_' alike in metric names, so use one or the other.`,
      );
    }
    const count = partitions === -1 ? this.defaultPartitions : partitions;
    this.checkPartitionCount(count, partitions);
    checkReplicationFactor(options.replicationFactor ?? -1);
    const config = TopicConfig.parse(configs, this.topicDefaults);

    const topic = new Topic(name, randomBytes(16).toString('hex'), config, count, this.events, this.slabs);
    if (options.validateOnly) return topic;
    this.topics.set(name, topic);
    this.namesByCollisionKey.set(topicCollisionKey(name), name);
    this.events.emit('topic:created', { topic: name, partitions: count });
    return topic;
  }

  /** Deletes a topic and all its data. Emits 'topic:deleted'. */
  delete(name: string): void {
    this.require(name).discard();
    this.topics.delete(name);
    this.namesByCollisionKey.delete(topicCollisionKey(name));
    this.events.emit('topic:deleted', { topic: name });
  }

  /**
   * Grows a topic to `newTotal` partitions (CreatePartitions); Kafka never shrinks one. Existing
   * keys may map to different partitions afterwards, which is the lesson. Emits 'partitions:added'.
   */
  addPartitions(name: string, newTotal: number, options: { validateOnly?: boolean } = {}): Topic {
    const topic = this.require(name);
    const current = topic.partitionCount;
    if (!Number.isInteger(newTotal) || newTotal <= current) {
      throw new TopicError(
        'INVALID_PARTITIONS',
        newTotal === current
          ? `Topic '${name}' already has ${current} partitions; ask for more than ${current} to add some.`
          : `Topic '${name}' has ${current} partitions and partitions cannot be removed; ask for more than ${current}, not ${newTotal}.`,
      );
    }
    this.checkPartitionCount(newTotal, newTotal);
    if (options.validateOnly) return topic;
    topic.growTo(newTotal);
    this.events.emit('partitions:added', { topic: name, from: current, to: newTotal });
    return topic;
  }

  get(name: string): Topic | undefined {
    return this.topics.get(name);
  }

  /** The topic, or TopicError UNKNOWN_TOPIC_OR_PARTITION. */
  require(name: string): Topic {
    const topic = this.topics.get(name);
    if (topic === undefined) throw new TopicError('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${name}' does not exist.`);
    return topic;
  }

  /** A partition's log, or undefined when the topic or partition does not exist. */
  partition(topic: string, partition: number): PartitionLog | undefined {
    return this.topics.get(topic)?.partition(partition);
  }

  /** Topics in creation order. */
  list(): Topic[] {
    return [...this.topics.values()];
  }

  /** Applies retention to every partition; the broker calls this on a timer. */
  enforceRetention(now: number): { topic: string; partition: number; deletedSegments: number }[] {
    const report: { topic: string; partition: number; deletedSegments: number }[] = [];
    for (const topic of this.topics.values()) {
      for (const log of topic.partitions) {
        const deleted = log.enforceRetention(now);
        if (deleted.length > 0) report.push({ topic: topic.name, partition: log.partition, deletedSegments: deleted.length });
      }
    }
    return report;
  }

  private checkPartitionCount(count: number, requested: number): void {
    if (!Number.isInteger(count) || count < 1) {
      throw new TopicError(
        'INVALID_PARTITIONS',
        `Number of partitions must be at least 1 (or -1 for the broker default of ${this.defaultPartitions}); got ${requested}.`,
      );
    }
    if (count > this.maxPartitionsPerTopic) {
      throw new TopicError(
        'INVALID_PARTITIONS',
        `This broker allows at most ${this.maxPartitionsPerTopic} partitions per topic; got ${requested}.`,
      );
    }
  }
}

function checkReplicationFactor(replicationFactor: number): void {
  if (replicationFactor === 1 || replicationFactor === -1) return;
  throw new TopicError(
    'INVALID_REPLICATION_FACTOR',
    `This broker is a single node, so the replication factor must be 1 (or -1 for the default); got ${replicationFactor}.`,
  );
}
