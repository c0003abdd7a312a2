/**
 * @lanes/broker: an embedded single-node broker that speaks the Kafka wire protocol, so kafkajs,
 * librdkafka, kafka-python and other clients use it as they would a real cluster.
 */
export { startBroker, type Broker } from './broker';
export { parseBrokerOptions, brokerOptionsSchema, type BrokerOptions, type BrokerOptionsInput } from './broker-options';
export { BrokerEvents, type BrokerEventMap, type BrokerEventName, type GroupState, type GroupMemberView } from './broker-events';
export { SUPPORTED_API_VERSIONS } from './supported-apis';
export type { TopicRegistry, Topic } from './log/topic-registry';
export type { PartitionLog } from './log/partition-log';
export type { GroupCoordinator } from './group/group-coordinator';
