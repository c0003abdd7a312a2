import type { ApiHandler } from '../broker-context';
import { topicFailure } from './topic-errors';

/** CreateTopics (19). -1 partitions or replication factor means the broker default (KIP-464). */
export const createTopics: ApiHandler<19> = (broker, request) => ({
  topics: request.topics.map((topic) => {
    try {
      if (topic.assignments.length > 0) {
        return { name: topic.name, errorCode: 39, errorMessage: 'Manual replica assignment is not supported by the embedded broker; give a partition count instead.' };
      }
      const configs = Object.fromEntries(topic.configs.map((config) => [config.name, config.value]));
      const created = broker.topics.create(topic.name, topic.numPartitions, configs, {
        replicationFactor: topic.replicationFactor,
        validateOnly: request.validateOnly,
      });
      return { name: topic.name, topicId: created.topicId, errorCode: 0, errorMessage: null, numPartitions: created.partitionCount, replicationFactor: 1 };
    } catch (error) {
      return { name: topic.name, ...topicFailure(error) };
    }
  }),
});
