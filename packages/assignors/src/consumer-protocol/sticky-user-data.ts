/**
 * The user data a Java StickyAssignor member puts in its subscription (KIP-54; generation added by
 * KIP-341), so a leader of any client can keep partitions with their previous owners:
 *
 *   StickyAssignorUserData v1 => PreviousAssignment Generation
 *     PreviousAssignment => [Topic [Partition]]
 *       Topic => string
 *       Partition => int32
 *     Generation => int32
 *   v0 is the same without Generation.
 *
 * The bytes carry no version: Java reads v1 and falls back to v0 when the generation is missing.
 */
import type { TopicPartition } from '../assignment-input';
import { ProtocolReader, ProtocolWriter } from './protocol-bytes';
import { flattenTopicPartitions, groupByTopic, readTopicPartitions, writeTopicPartitions } from './topic-partitions';

export interface StickyUserData {
  partitions: TopicPartition[];
  /** Absent in v0 data, or when the member did not know its generation. */
  generation?: number;
}

/** Writes v1, or v0 when no generation is known (Java always knows one; kafkajs members may not). */
export function encodeStickyUserData({ partitions, generation }: StickyUserData): Buffer {
  const writer = new ProtocolWriter();
  writeTopicPartitions(writer, groupByTopic(partitions));
  if (generation !== undefined) writer.int32(generation);
  return writer.toBuffer();
}

/** Reads v1 or v0; throws ConsumerProtocolError when neither fits. */
export function decodeStickyUserData(bytes: Uint8Array): StickyUserData {
  const reader = new ProtocolReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'StickyAssignor user data');
  const partitions = flattenTopicPartitions(readTopicPartitions(reader, 'previous_assignment'));
  // Like Java's v1-then-v0 fallback: a generation is present only if four more bytes are.
  if (reader.remaining < 4) return { partitions };
  return { partitions, generation: reader.int32('generation') };
}
