/**
 * In-memory partition logs and the topic registry: what Produce, Fetch, ListOffsets,
 * CreateTopics, DeleteTopics, CreatePartitions and DescribeConfigs work on.
 */
export { PartitionLog, type AppendInfo, type ReadResult, type ReadOptions, type DeletedSegment, type PartitionLogOptions } from './partition-log';
export type { SegmentSummary } from './log-segment';
export { TopicRegistry, Topic, type TopicRegistryOptions, type CreateTopicOptions } from './topic-registry';
export {
  TopicConfig,
  TopicConfigDefaults,
  parseTopicConfig,
  TOPIC_CONFIG_NAMES,
  ConfigSourceCode,
  type TopicConfigName,
  type TopicConfigValues,
  type ConfigEntry,
  type ConfigSynonym,
  type ConfigSource,
  type RawConfigValue,
} from './topic-config';
export { validateTopicName, topicCollisionKey, MAX_TOPIC_NAME_LENGTH } from './topic-name';
export { TopicError, type LogErrorName } from './log-errors';
