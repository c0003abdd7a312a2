import type { Admin, ITopicMetadata } from 'kafkajs';
import type { Broker } from '@lanes/broker';
import type { PartitionView, TopicCreate, TopicView } from '@lanes/events';
import { CommandFailure, kafkaFailure } from '../command-failure';
import { isStaleTopicError } from './stale-topic';

/** Kafka's resource type for a topic (kafkajs's ConfigResourceTypes.TOPIC, which its ESM entry does not export). */
const TOPIC_RESOURCE = 2;

/** Topics Lanes itself does not show: Kafka's internal ones. */
function isInternal(name: string): boolean {
  return name.startsWith('__');
}

/**
 * Topics through the kafkajs admin client, with segment details added when the broker is the
 * embedded one (a real cluster does not tell clients about segments).
 */
export class TopicService {
  private readonly partitionCounts = new Map<string, number>();

  constructor(
    private readonly admin: Admin,
    private readonly embedded: Broker | null,
    private readonly isWatched: (topic: string) => boolean,
  ) {}

  async list(): Promise<TopicView[]> {
    const metadata = await this.metadataOfAll();
    const views = await Promise.all(metadata.map((topic) => this.describe(topic.name, topic.partitions.length)));
    return views.filter((view): view is TopicView => view !== null);
  }

  /**
   * Metadata of every topic Lanes shows. A topic deleted between reading the names and asking for
   * their metadata fails the whole request (UNKNOWN_TOPIC_OR_PARTITION), so then read the names again.
   */
  private async metadataOfAll(attempts = 3): Promise<ITopicMetadata[]> {
    const names = (await this.admin.listTopics()).filter((name) => !isInternal(name)).sort();
    if (names.length === 0) return [];
    try {
      return (await this.admin.fetchTopicMetadata({ topics: names })).topics;
    } catch (error) {
      if (attempts > 1 && isStaleTopicError(error)) return this.metadataOfAll(attempts - 1);
      throw error;
    }
  }

  async get(name: string): Promise<TopicView> {
    const count = await this.partitionCount(name, { refresh: true });
    const view = await this.describe(name, count);
    if (!view) throw new CommandFailure('not_found', `Topic '${name}' does not exist. Create it first.`, 'topic');
    return view;
  }

  /** Partition count, cached; `refresh` asks Kafka again. Unknown topic: CommandFailure not_found. */
  async partitionCount(name: string, options: { refresh?: boolean } = {}): Promise<number> {
    const cached = this.partitionCounts.get(name);
    if (cached !== undefined && !options.refresh) return cached;
    const names = await this.admin.listTopics();
    if (!names.includes(name)) {
      this.partitionCounts.delete(name);
      throw new CommandFailure('not_found', `Topic '${name}' does not exist. Create it first.`, 'topic');
    }
    const metadata = await this.admin.fetchTopicMetadata({ topics: [name] });
    const count = metadata.topics[0]?.partitions.length ?? 0;
    this.partitionCounts.set(name, count);
    return count;
  }

  async create(command: TopicCreate): Promise<TopicView> {
    const configEntries = [
      command.segmentBytes !== undefined ? { name: 'segment.bytes', value: String(command.segmentBytes) } : null,
      command.retentionMs !== undefined ? { name: 'retention.ms', value: String(command.retentionMs) } : null,
      command.retentionBytes !== undefined ? { name: 'retention.bytes', value: String(command.retentionBytes) } : null,
    ].filter((entry): entry is { name: string; value: string } => entry !== null);
    let created: boolean;
    try {
      created = await this.admin.createTopics({
        topics: [{ topic: command.name, numPartitions: command.partitions, replicationFactor: this.embedded ? 1 : -1, configEntries }],
        waitForLeaders: true,
      });
    } catch (error) {
      throw kafkaFailure(`create topic '${command.name}'`, error);
    }
    if (!created) throw new CommandFailure('conflict', `Topic '${command.name}' already exists. Pick another name or delete it first.`, 'name');
    return this.get(command.name);
  }

  async delete(name: string): Promise<void> {
    await this.partitionCount(name, { refresh: true });
    try {
      await this.admin.deleteTopics({ topics: [name] });
    } catch (error) {
      throw kafkaFailure(`delete topic '${name}'`, error);
    }
    this.partitionCounts.delete(name);
  }

  async addPartitions(name: string, total: number): Promise<TopicView> {
    const current = await this.partitionCount(name, { refresh: true });
    if (total <= current) {
      throw new CommandFailure(
        'invalid_input',
        `Topic '${name}' has ${current} partitions; Kafka can only add partitions, so ask for more than ${current}.`,
        'partitions',
      );
    }
    try {
      await this.admin.createPartitions({ topicPartitions: [{ topic: name, count: total }] });
    } catch (error) {
      throw kafkaFailure(`add partitions to '${name}'`, error);
    }
    return this.get(name);
  }

  private async describe(name: string, partitionCount: number): Promise<TopicView | null> {
    this.partitionCounts.set(name, partitionCount);
    let offsets: { partition: number; low: string; high: string }[];
    try {
      offsets = await this.admin.fetchTopicOffsets(name);
      if (offsets.length < partitionCount) {
        // kafkajs lists a topic's partitions for fetchTopicOffsets from the metadata it cached, which
        // added partitions (ours or anyone's) leave stale for up to metadataMaxAge; describeConfigs
        // makes it refresh that cache first.
        await this.admin.describeConfigs({ resources: [{ type: TOPIC_RESOURCE, name }], includeSynonyms: false });
        offsets = await this.admin.fetchTopicOffsets(name);
      }
    } catch {
      return null;
    }
    const local = this.embedded?.topics.get(name);
    const partitions: PartitionView[] = offsets
      .map((o) => {
        const log = local?.partition(o.partition);
        const view: PartitionView = { partition: o.partition, logStartOffset: Number(o.low), logEndOffset: Number(o.high) };
        if (log) view.segments = log.segments().map((s) => ({ baseOffset: s.baseOffset, endOffset: s.endOffset, bytes: s.bytes }));
        return view;
      })
      .sort((a, b) => a.partition - b.partition);
    const view: TopicView = { name, partitions, watched: this.isWatched(name) };
    if (local) {
      view.config = {
        segmentBytes: local.config.get('segment.bytes'),
        retentionMs: local.config.get('retention.ms'),
        retentionBytes: local.config.get('retention.bytes'),
      };
    }
    return view;
  }
}
