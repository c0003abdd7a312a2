/**
 * ConsumerProtocolAssignment: what the group leader hands each member through SyncGroup
 * (kafka-protocol/message/ConsumerProtocolAssignment.json). Versions 0 to 3 share one layout; the
 * later versions only signal that the subscription side grew:
 *
 *   Assignment => Version AssignedPartitions UserData
 *     Version => int16
 *     AssignedPartitions => [Topic [Partition]]
 *       Topic => string
 *       Partition => int32
 *     UserData => nullable bytes
 *
 * An empty SyncGroup assignment (zero bytes) means "nothing for you", as Kafka and kafkajs treat it.
 */
import { ConsumerProtocolError, ProtocolReader, ProtocolWriter } from './protocol-bytes';
import { readTopicPartitions, writeTopicPartitions, type TopicPartitions } from './topic-partitions';

export interface ConsumerAssignment {
  version: number;
  assignedPartitions: TopicPartitions[];
  userData: Buffer | null;
}

export interface AssignmentToEncode {
  /** 0 unless given, as kafkajs sends. */
  version?: number;
  assignedPartitions: readonly TopicPartitions[];
  /** Empty bytes unless given, as kafkajs writes; null writes -1, as Java writes. */
  userData?: Uint8Array | null;
}

export const HIGHEST_ASSIGNMENT_VERSION = 3;

export function encodeAssignment(assignment: AssignmentToEncode): Buffer {
  const { version = 0, assignedPartitions, userData = Buffer.alloc(0) } = assignment;
  if (!Number.isInteger(version) || version < 0 || version > HIGHEST_ASSIGNMENT_VERSION) {
    throw new ConsumerProtocolError(`Cannot encode ConsumerProtocolAssignment v${version}: versions 0 to ${HIGHEST_ASSIGNMENT_VERSION} exist.`);
  }
  const writer = new ProtocolWriter().int16(version);
  writeTopicPartitions(writer, assignedPartitions);
  writer.nullableBytes(userData);
  return writer.toBuffer();
}

/** Zero bytes decode to an empty assignment; anything else malformed throws ConsumerProtocolError. */
export function decodeAssignment(bytes: Uint8Array): ConsumerAssignment {
  if (bytes.byteLength === 0) return { version: 0, assignedPartitions: [], userData: null };
  const reader = new ProtocolReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'ConsumerProtocolAssignment');
  const version = reader.int16('Version');
  if (version < 0) throw new ConsumerProtocolError(`Malformed ConsumerProtocolAssignment: version ${version} is negative.`);
  const assignedPartitions = readTopicPartitions(reader, 'AssignedPartitions');
  const userData = reader.nullableBytes('UserData');
  return { version, assignedPartitions, userData };
}
