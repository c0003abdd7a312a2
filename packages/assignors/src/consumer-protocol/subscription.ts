/**
 * ConsumerProtocolSubscription: the member metadata a consumer sends in JoinGroup for each assignor it
 * offers (kafka-protocol/message/ConsumerProtocolSubscription.json):
 *
 *   Subscription => Version Topics UserData [OwnedPartitions] [GenerationId] [RackId]
 *     Version => int16
 *     Topics => [string]
 *     UserData => nullable bytes
 *     OwnedPartitions => [Topic [Partition]]   v1+ (KIP-429)
 *       Topic => string
 *       Partition => int32
 *     GenerationId => int32                    v2+ (KIP-792), default -1
 *     RackId => nullable string                v3+ (KIP-881), default null
 *
 * Fields are only ever appended, so a newer version is read as the newest known one and extra bytes
 * are ignored, as Kafka's ConsumerProtocol does.
 */
import { ConsumerProtocolError, ProtocolReader, ProtocolWriter } from './protocol-bytes';
import { readTopicPartitions, writeTopicPartitions, type TopicPartitions } from './topic-partitions';

export interface ConsumerSubscription {
  version: number;
  topics: string[];
  userData: Buffer | null;
  /** v1+; empty for older versions. */
  ownedPartitions: TopicPartitions[];
  /** v2+; -1 for older versions. */
  generationId: number;
  /** v3+; null for older versions. */
  rackId: string | null;
}

export interface SubscriptionToEncode {
  /** 0 (kafkajs's choice) unless given; 1 adds owned partitions, 2 the generation, 3 the rack. */
  version?: number;
  topics: readonly string[];
  /** Empty bytes unless given, as kafkajs writes; null writes -1, as Java writes. */
  userData?: Uint8Array | null;
  ownedPartitions?: readonly TopicPartitions[];
  generationId?: number;
  rackId?: string | null;
}

export const HIGHEST_SUBSCRIPTION_VERSION = 3;

export function encodeSubscription(subscription: SubscriptionToEncode): Buffer {
  const { version = 0, topics, userData = Buffer.alloc(0), ownedPartitions = [], generationId = -1, rackId = null } = subscription;
  if (!Number.isInteger(version) || version < 0 || version > HIGHEST_SUBSCRIPTION_VERSION) {
    throw new ConsumerProtocolError(`Cannot encode ConsumerProtocolSubscription v${version}: versions 0 to ${HIGHEST_SUBSCRIPTION_VERSION} exist.`);
  }
  const writer = new ProtocolWriter().int16(version);
  writer.array(topics, (topic) => writer.string(topic));
  writer.nullableBytes(userData);
  if (version >= 1) writeTopicPartitions(writer, ownedPartitions);
  if (version >= 2) writer.int32(generationId);
  if (version >= 3) writer.nullableString(rackId);
  return writer.toBuffer();
}

/** Throws ConsumerProtocolError, naming the field, when the bytes are not a subscription. */
export function decodeSubscription(bytes: Uint8Array): ConsumerSubscription {
  const reader = new ProtocolReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'ConsumerProtocolSubscription');
  const version = reader.int16('Version');
  if (version < 0) throw new ConsumerProtocolError(`Malformed ConsumerProtocolSubscription: version ${version} is negative.`);
  const topics = reader.array('Topics', 2, () => reader.string('Topics entry'));
  const userData = reader.nullableBytes('UserData');
  const ownedPartitions = version >= 1 ? readTopicPartitions(reader, 'OwnedPartitions') : [];
  const generationId = version >= 2 ? reader.int32('GenerationId') : -1;
  const rackId = version >= 3 ? reader.nullableString('RackId') : null;
  return { version, topics, userData, ownedPartitions, generationId, rackId };
}
