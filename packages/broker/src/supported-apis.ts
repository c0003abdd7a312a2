import { ApiKey } from '@lanes/kafka-protocol';

/**
 * The versions this broker advertises in ApiVersions. Chosen so that kafkajs 2.2.4, librdkafka 2.0.2
 * and kafka-python 2.0.2 all negotiate record batch v2 (Produce >= 3, Fetch >= 4) and enable
 * consumer groups (librdkafka needs FindCoordinator v0 in range). See docs/broker.md.
 */
export const SUPPORTED_API_VERSIONS: ReadonlyMap<number, readonly [min: number, max: number]> = new Map([
  [ApiKey.Produce, [3, 7]],
  [ApiKey.Fetch, [4, 11]],
  [ApiKey.ListOffsets, [1, 3]],
  [ApiKey.Metadata, [0, 6]],
  [ApiKey.OffsetCommit, [0, 5]],
  [ApiKey.OffsetFetch, [1, 5]],
  [ApiKey.FindCoordinator, [0, 2]],
  [ApiKey.JoinGroup, [0, 5]],
  [ApiKey.Heartbeat, [0, 3]],
  [ApiKey.LeaveGroup, [0, 2]],
  [ApiKey.SyncGroup, [0, 3]],
  [ApiKey.DescribeGroups, [0, 2]],
  [ApiKey.ListGroups, [0, 2]],
  [ApiKey.ApiVersions, [0, 3]],
  [ApiKey.CreateTopics, [0, 3]],
  [ApiKey.DeleteTopics, [0, 1]],
  [ApiKey.InitProducerId, [0, 1]],
  [ApiKey.DescribeConfigs, [0, 2]],
  [ApiKey.CreatePartitions, [0, 1]],
  [ApiKey.DeleteGroups, [0, 1]],
]);

export function isSupported(apiKey: number, apiVersion: number): boolean {
  const range = SUPPORTED_API_VERSIONS.get(apiKey);
  return range !== undefined && apiVersion >= range[0] && apiVersion <= range[1];
}

export function advertisedApiKeys(): { apiKey: number; minVersion: number; maxVersion: number }[] {
  return [...SUPPORTED_API_VERSIONS].map(([apiKey, [minVersion, maxVersion]]) => ({ apiKey, minVersion, maxVersion }));
}
