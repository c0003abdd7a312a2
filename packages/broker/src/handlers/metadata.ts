import { ErrorCode } from '@lanes/kafka-protocol';
import type { ApiHandler, BrokerContext } from '../broker-context';
import type { Topic } from '../log/topic-registry';
import { topicFailure } from './topic-errors';

/**
 * Metadata (3). One broker leads every partition. v0: an empty topic list means all topics;
 * v1+: null means all and empty means none. Auto-creation follows allow_auto_topic_creation
 * (v4+; librdkafka producers send true, consumers false) and is always requested below v4.
 */
export const metadata: ApiHandler<3> = (broker, request, { header }) => {
  const wantsAll = request.topics === null || (header.apiVersion === 0 && request.topics.length === 0);
  const allowCreate = broker.options.autoCreateTopics && (header.apiVersion < 4 || request.allowAutoTopicCreation);
  const topics = wantsAll
    ? broker.topics.list().map((topic) => describeTopic(broker, topic))
    : (request.topics ?? []).map(({ name }) => lookupTopic(broker, name ?? '', allowCreate));
  return {
    brokers: [{ nodeId: broker.options.nodeId, host: broker.advertised.host, port: broker.advertised.port, rack: null }],
    clusterId: broker.options.clusterId,
    controllerId: broker.options.nodeId,
    topics,
  };
};

function lookupTopic(broker: BrokerContext, name: string, allowCreate: boolean) {
  const existing = broker.topics.get(name);
  if (existing) return describeTopic(broker, existing);
  if (!allowCreate) return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, name, partitions: [] };
  try {
    return describeTopic(broker, broker.topics.create(name, -1));
  } catch (error) {
    return { errorCode: topicFailure(error).errorCode, name, partitions: [] };
  }
}

export function describeTopic(broker: BrokerContext, topic: Topic) {
  const node = broker.options.nodeId;
  return {
    errorCode: ErrorCode.NONE,
    name: topic.name,
    topicId: topic.topicId,
    isInternal: false,
    partitions: topic.partitions.map((_, partitionIndex) => ({
      errorCode: ErrorCode.NONE,
      partitionIndex,
      leaderId: node,
      leaderEpoch: 0,
      replicaNodes: [node],
      isrNodes: [node],
      offlineReplicas: [],
    })),
  };
}
