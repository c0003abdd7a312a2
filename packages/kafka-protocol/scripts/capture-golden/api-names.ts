/**
 * API names by key, as in Kafka's message definitions (the `name` of each *Request.json without
 * "Request"). Only keys 0-51 are listed: the clients we record never send the KRaft/controller
 * APIs above them. Kept here rather than read from the definitions so the capture needs no
 * reference material on disk.
 */
const API_NAMES = [
  'Produce', 'Fetch', 'ListOffsets', 'Metadata', 'LeaderAndIsr', 'StopReplica', 'UpdateMetadata',
  'ControlledShutdown', 'OffsetCommit', 'OffsetFetch', 'FindCoordinator', 'JoinGroup', 'Heartbeat',
  'LeaveGroup', 'SyncGroup', 'DescribeGroups', 'ListGroups', 'SaslHandshake', 'ApiVersions',
  'CreateTopics', 'DeleteTopics', 'DeleteRecords', 'InitProducerId', 'OffsetForLeaderEpoch',
  'AddPartitionsToTxn', 'AddOffsetsToTxn', 'EndTxn', 'WriteTxnMarkers', 'TxnOffsetCommit',
  'DescribeAcls', 'CreateAcls', 'DeleteAcls', 'DescribeConfigs', 'AlterConfigs', 'AlterReplicaLogDirs',
  'DescribeLogDirs', 'SaslAuthenticate', 'CreatePartitions', 'CreateDelegationToken',
  'RenewDelegationToken', 'ExpireDelegationToken', 'DescribeDelegationToken', 'DeleteGroups',
  'ElectLeaders', 'IncrementalAlterConfigs', 'AlterPartitionReassignments', 'ListPartitionReassignments',
  'OffsetDelete', 'DescribeClientQuotas', 'AlterClientQuotas', 'DescribeUserScramCredentials',
  'AlterUserScramCredentials',
] as const;

export function apiName(apiKey: number): string {
  return API_NAMES[apiKey] ?? `ApiKey${apiKey}`;
}
