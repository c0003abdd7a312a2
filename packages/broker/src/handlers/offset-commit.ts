import { ErrorCode } from '@lanes/kafka-protocol';
import type { ApiHandler } from '../broker-context';

/**
 * OffsetCommit (8). A commit for a partition that does not exist is refused per partition with
 * UNKNOWN_TOPIC_OR_PARTITION; the rest of the request still commits.
 */
export const offsetCommit: ApiHandler<8> = (broker, request) => {
  const unknown: { topic: string; partition: number }[] = [];
  const offsets = request.topics.flatMap((topic) =>
    topic.partitions.flatMap((partition) => {
      if (!broker.topics.partition(topic.name, partition.partitionIndex)) {
        unknown.push({ topic: topic.name, partition: partition.partitionIndex });
        return [];
      }
      return [{ topic: topic.name, partition: partition.partitionIndex, offset: partition.committedOffset, metadata: partition.committedMetadata }];
    }),
  );
  const results =
    offsets.length > 0
      ? broker.groups.commitOffsets({ groupId: request.groupId, generationId: request.generationIdOrMemberEpoch, memberId: request.memberId, offsets })
      : [];
  const errors = new Map(results.map((r) => [`${r.topic}\u0000${r.partition}`, r.errorCode]));
  for (const { topic, partition } of unknown) errors.set(`${topic}\u0000${partition}`, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  return {
    topics: request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: errors.get(`${topic.name}\u0000${p.partitionIndex}`) ?? 0 })),
    })),
  };
};
