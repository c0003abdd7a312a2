import { ApiKey, encodeRecordBatch, encodeRequestFrame, type EncodeInput, type RequestByKey } from '@lanes/kafka-protocol';
import { SUPPORTED_API_VERSIONS } from '../supported-apis';

/** The topic and group the sample requests name; the fuzz test creates the topic first so requests reach deep code. */
export const FUZZ_TOPIC = 'fuzz-topic';
export const FUZZ_GROUP = 'fuzz-group';

type SampleBodies = { [K in keyof RequestByKey]: EncodeInput<RequestByKey[K]> };

const subscription = Buffer.from([0, 0, 0, 0, 0, 1, 0, 10, ...Buffer.from(FUZZ_TOPIC), 0, 0, 0, 0]);

/**
 * One plausible body per API, filled in enough that each handler does real work (a record batch
 * with a correct CRC, a topic that exists, a group with a protocol). The codec drops fields a
 * version does not have, so one body serves every version. Timeouts are short so that an
 * unmutated request never parks a connection for long.
 */
const bodies: SampleBodies = {
  [ApiKey.Produce]: {
    transactionalId: null,
    acks: 1,
    timeoutMs: 1000,
    topicData: [
      {
        name: FUZZ_TOPIC,
        partitionData: [{ index: 0, records: encodeRecordBatch({ baseTimestamp: 1_700_000_000_000, records: [{ key: 'k', value: 'fuzz' }] }) }],
      },
    ],
  },
  [ApiKey.Fetch]: {
    replicaId: -1,
    maxWaitMs: 20,
    minBytes: 1,
    maxBytes: 65536,
    isolationLevel: 1,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [{ topic: FUZZ_TOPIC, partitions: [{ partition: 0, fetchOffset: 0, partitionMaxBytes: 65536, logStartOffset: -1 }] }],
    forgottenTopicsData: [],
    rackId: '',
  },
  [ApiKey.ListOffsets]: {
    replicaId: -1,
    isolationLevel: 0,
    topics: [{ name: FUZZ_TOPIC, partitions: [{ partitionIndex: 0, timestamp: -1, maxNumOffsets: 1 }] }],
  },
  [ApiKey.Metadata]: { topics: [{ name: FUZZ_TOPIC }], allowAutoTopicCreation: false },
  [ApiKey.OffsetCommit]: {
    groupId: FUZZ_GROUP,
    generationIdOrMemberEpoch: -1,
    memberId: '',
    retentionTimeMs: -1,
    topics: [{ name: FUZZ_TOPIC, partitions: [{ partitionIndex: 0, committedOffset: 1, committedMetadata: 'm' }] }],
  },
  [ApiKey.OffsetFetch]: { groupId: FUZZ_GROUP, topics: [{ name: FUZZ_TOPIC, partitionIndexes: [0, 1] }], requireStable: false },
  [ApiKey.FindCoordinator]: { key: FUZZ_GROUP, keyType: 0 },
  [ApiKey.JoinGroup]: {
    groupId: FUZZ_GROUP,
    sessionTimeoutMs: 1000,
    rebalanceTimeoutMs: 1000,
    memberId: '',
    groupInstanceId: null,
    protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: subscription }],
  },
  [ApiKey.Heartbeat]: { groupId: FUZZ_GROUP, generationId: 1, memberId: 'member-1', groupInstanceId: null },
  [ApiKey.LeaveGroup]: { groupId: FUZZ_GROUP, memberId: 'member-1', members: [{ memberId: 'member-1', groupInstanceId: null }] },
  [ApiKey.SyncGroup]: {
    groupId: FUZZ_GROUP,
    generationId: 1,
    memberId: 'member-1',
    groupInstanceId: null,
    assignments: [{ memberId: 'member-1', assignment: Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) }],
  },
  [ApiKey.DescribeGroups]: { groups: [FUZZ_GROUP, 'other-group'] },
  [ApiKey.ListGroups]: { statesFilter: [] },
  [ApiKey.ApiVersions]: { clientSoftwareName: 'fuzz', clientSoftwareVersion: '1.0.0' },
  [ApiKey.CreateTopics]: {
    topics: [{ name: 'fuzz-created', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [{ name: 'retention.ms', value: '60000' }] }],
    timeoutMs: 1000,
    validateOnly: false,
  },
  [ApiKey.DeleteTopics]: { topicNames: ['fuzz-created'], topics: [{ name: 'fuzz-created' }], timeoutMs: 1000 },
  [ApiKey.InitProducerId]: { transactionalId: null, transactionTimeoutMs: 60000, producerId: -1, producerEpoch: -1 },
  [ApiKey.DescribeConfigs]: { resources: [{ resourceType: 2, resourceName: FUZZ_TOPIC, configurationKeys: null }], includeSynonyms: true },
  [ApiKey.CreatePartitions]: { topics: [{ name: 'fuzz-created', count: 3, assignments: null }], timeoutMs: 1000, validateOnly: false },
  [ApiKey.DeleteGroups]: { groupsNames: ['fuzz-gone'] },
};

export interface SampleRequest {
  apiKey: number;
  apiVersion: number;
  /** Header and body, without the size prefix. */
  frame: Buffer;
}

/** A valid request frame for every API at every version the broker advertises. */
export function sampleRequests(): SampleRequest[] {
  const samples: SampleRequest[] = [];
  for (const [apiKey, [min, max]] of SUPPORTED_API_VERSIONS) {
    const key = apiKey as keyof RequestByKey;
    for (let apiVersion = min; apiVersion <= max; apiVersion++) {
      const frame = encodeRequestFrame({ apiKey: key, apiVersion, correlationId: 7, clientId: 'fuzz-client' }, bodies[key] as never);
      samples.push({ apiKey, apiVersion, frame });
    }
  }
  return samples;
}
