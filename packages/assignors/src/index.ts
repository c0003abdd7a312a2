/**
 * @lanes/assignors: which group member gets which partition, as Kafka's own assignors decide it, with
 * an explanation a person can read, plus kafkajs adapters under the names Java and librdkafka use.
 */
export {
  AssignorInputError,
  type Assignment,
  type AssignmentInput,
  type AssignorMember,
  type TopicPartition,
} from './assignment-input';
export { assignRange, explainRange } from './range-assignor';
export { assignRoundRobin, explainRoundRobin } from './roundrobin-assignor';
export { assignSticky, explainSticky } from './sticky/sticky-assignor';
export { assignors, type AssignorName, type PureAssignor } from './assignors';

export { ConsumerProtocolError } from './consumer-protocol/protocol-bytes';
export { encodeSubscription, decodeSubscription, type ConsumerSubscription, type SubscriptionToEncode } from './consumer-protocol/subscription';
export { encodeAssignment, decodeAssignment, type ConsumerAssignment, type AssignmentToEncode } from './consumer-protocol/assignment';
export { encodeStickyUserData, decodeStickyUserData, type StickyUserData } from './consumer-protocol/sticky-user-data';
export { groupByTopic, flattenTopicPartitions, type TopicPartitions } from './consumer-protocol/topic-partitions';

export { rangePartitionAssigner, roundRobinPartitionAssigner } from './kafkajs/range-and-roundrobin';
export { createStickyPartitionAssigner, type StickyPartitionAssigner } from './kafkajs/sticky-partition-assigner';
export { kafkajsAssigner, type KafkajsAssignerSpec } from './kafkajs/kafkajs-assigner';
