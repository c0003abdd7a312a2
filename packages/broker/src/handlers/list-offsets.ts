import { ErrorCode } from '@lanes/kafka-protocol';
import type { ApiHandler } from '../broker-context';

const LATEST = -1;
const EARLIEST = -2;

/**
 * ListOffsets (2), v1-3: latest (-1) is the log end offset, earliest (-2) the log start offset,
 * any other value the first offset whose batch holds a timestamp at or after it (-1 if none).
 */
export const listOffsets: ApiHandler<2> = (broker, request) => ({
  topics: request.topics.map((topic) => ({
    name: topic.name,
    partitions: topic.partitions.map((p) => {
      const log = broker.topics.partition(topic.name, p.partitionIndex);
      if (!log) return { partitionIndex: p.partitionIndex, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, timestamp: -1, offset: -1 };
      if (p.timestamp === LATEST) return { partitionIndex: p.partitionIndex, errorCode: 0, timestamp: -1, offset: log.highWatermark };
      if (p.timestamp === EARLIEST) return { partitionIndex: p.partitionIndex, errorCode: 0, timestamp: -1, offset: log.logStartOffset };
      // Other negative values are sentinels of newer versions (-3 max timestamp, KIP-734): none here.
      if (p.timestamp < 0) return { partitionIndex: p.partitionIndex, errorCode: 0, timestamp: -1, offset: -1 };
      const found = log.offsetForTimestamp(p.timestamp);
      return { partitionIndex: p.partitionIndex, errorCode: 0, timestamp: found?.timestamp ?? -1, offset: found?.offset ?? -1 };
    }),
  })),
});
