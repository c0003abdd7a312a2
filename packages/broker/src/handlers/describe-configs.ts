import { ErrorCode } from '@lanes/kafka-protocol';
import type { ApiHandler } from '../broker-context';

const RESOURCE_TOPIC = 2;
const RESOURCE_BROKER = 4;

/**
 * DescribeConfigs (32) for topics. Broker resources answer with no entries: the embedded broker's
 * own settings are its command-line options, not Kafka configs.
 */
export const describeConfigs: ApiHandler<32> = (broker, request, { header }) => ({
  results: request.resources.map((resource) => {
    const base = { resourceType: resource.resourceType, resourceName: resource.resourceName };
    if (resource.resourceType === RESOURCE_BROKER) return { ...base, errorCode: ErrorCode.NONE, configs: [] };
    if (resource.resourceType !== RESOURCE_TOPIC) {
      return { ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Resource type ${resource.resourceType} is not supported; describe a topic (2).` };
    }
    const topic = broker.topics.get(resource.resourceName);
    if (!topic) {
      return { ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `Topic '${resource.resourceName}' does not exist.` };
    }
    return {
      ...base,
      errorCode: ErrorCode.NONE,
      configs: topic.config.describe(resource.configurationKeys).map((entry) => ({
        name: entry.name,
        value: entry.value,
        readOnly: entry.readOnly,
        isDefault: entry.isDefault,
        configSource: header.apiVersion === 0 ? -1 : entry.sourceCode,
        isSensitive: entry.sensitive,
        synonyms: request.includeSynonyms ? entry.synonyms.map((s) => ({ name: s.name, value: s.value, source: s.sourceCode })) : [],
      })),
    };
  }),
});
