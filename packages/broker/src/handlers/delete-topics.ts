import { ErrorCode } from '@lanes/kafka-protocol';
import type { ApiHandler } from '../broker-context';
import { topicFailure } from './topic-errors';

/** DeleteTopics (20). Committed offsets for the topic go with it, as in Kafka. */
export const deleteTopics: ApiHandler<20> = (broker, request) => ({
  responses: request.topicNames.map((name) => {
    try {
      broker.topics.delete(name);
      broker.groups.deleteTopicOffsets(name);
      return { name, errorCode: ErrorCode.NONE };
    } catch (error) {
      return { name, errorCode: topicFailure(error).errorCode };
    }
  }),
});
