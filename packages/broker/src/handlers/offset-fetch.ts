import type { ApiHandler } from '../broker-context';

/** OffsetFetch (9). v2+ null topics means every committed offset of the group; -1 where none. */
export const offsetFetch: ApiHandler<9> = (broker, request) => {
  const wanted = request.topics === null ? null : request.topics.flatMap((t) => t.partitionIndexes.map((partition) => ({ topic: t.name, partition })));
  const fetched = broker.groups.fetchOffsets(request.groupId, wanted);
  const byTopic = new Map<string, typeof fetched>();
  for (const offset of fetched) {
    const list = byTopic.get(offset.topic) ?? [];
    list.push(offset);
    byTopic.set(offset.topic, list);
  }
  return {
    errorCode: 0,
    topics: [...byTopic].map(([name, partitions]) => ({
      name,
      partitions: partitions.map((p) => ({ partitionIndex: p.partition, committedOffset: p.offset, metadata: p.metadata ?? '', errorCode: p.errorCode })),
    })),
  };
};
