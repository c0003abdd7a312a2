import type { ApiHandler } from '../broker-context';
import { topicFailure } from './topic-errors';

/** CreatePartitions (37): grows a topic to `count` partitions; existing keys may then move. */
export const createPartitions: ApiHandler<37> = (broker, request) => ({
  results: request.topics.map((topic) => {
    try {
      broker.topics.addPartitions(topic.name, topic.count, { validateOnly: request.validateOnly });
      return { name: topic.name, errorCode: 0, errorMessage: null };
    } catch (error) {
      return { name: topic.name, ...topicFailure(error) };
    }
  }),
});
