import { ErrorCode, RecordBatchError, splitBatches, type BatchView, type ProduceRequest } from '@lanes/kafka-protocol';
import type { ApiHandler, BrokerContext } from '../broker-context';

/**
 * Produce (0), v3-7: every batch is record batch v2. Batches are validated (framing, CRC-32C,
 * record count), checked against the idempotent producer's sequence, and stored as received with
 * only baseOffset rewritten. acks=0 gets no response at all (broker-notes pitfall 3).
 */
export const produce: ApiHandler<0> = (broker, request, { header }) => {
  const acksValid = request.acks === 0 || request.acks === 1 || request.acks === -1;
  // Loops rather than map: this runs for every produced batch, and each map callback is a closure.
  const responses = [];
  for (const topic of request.topicData) {
    const partitionResponses = [];
    for (const partition of topic.partitionData) {
      partitionResponses.push(
        acksValid ? appendPartition(broker, request, topic.name, partition) : failure(partition.index, ErrorCode.INVALID_REQUIRED_ACKS),
      );
    }
    responses.push({ name: topic.name, partitionResponses });
  }
  if (request.acks === 0) return null;
  if (!acksValid) broker.log(`rejected produce from ${JSON.stringify(header.clientId)}: acks must be 0, 1 or -1 (all), not ${request.acks}`);
  return { responses };
};

function failure(index: number, errorCode: number) {
  return { index, errorCode, baseOffset: -1, logAppendTimeMs: -1, logStartOffset: -1 };
}

function appendPartition(broker: BrokerContext, request: ProduceRequest, topicName: string, partition: ProduceRequest.PartitionProduceData) {
  const { index } = partition;
  const log = broker.topics.partition(topicName, index);
  if (!log) return failure(index, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  if (request.transactionalId !== null) return failure(index, ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);

  let batches: BatchView[];
  try {
    batches = splitBatches(partition.records ?? Buffer.alloc(0));
  } catch (error) {
    if (error instanceof RecordBatchError) {
      broker.log(`rejected a batch for ${topicName}-${index}: ${error.message}`);
      return failure(index, error.code);
    }
    throw error;
  }
  // Produce v3+ carries exactly one batch per partition (KIP-98).
  if (batches.length !== 1) return failure(index, ErrorCode.INVALID_RECORD);
  const { header, bytes } = batches[0]!;
  if (header.isTransactional || header.isControl) return failure(index, ErrorCode.INVALID_RECORD);
  const maxMessageBytes = broker.topics.get(topicName)!.config.get('max.message.bytes');
  if (bytes.length > maxMessageBytes) return failure(index, ErrorCode.MESSAGE_TOO_LARGE);

  const idempotent = header.producerId >= 0;
  if (idempotent) {
    const verdict = broker.producers.check(topicName, index, header);
    if (verdict.outcome === 'reject') {
      broker.log(`rejected a batch for ${topicName}-${index}: ${verdict.message}`);
      return failure(index, verdict.errorCode);
    }
    if (verdict.outcome === 'duplicate') {
      return { index, errorCode: ErrorCode.NONE, baseOffset: verdict.baseOffset, logAppendTimeMs: -1, logStartOffset: log.logStartOffset };
    }
  }
  const { baseOffset } = log.append(bytes, header);
  if (idempotent) broker.producers.appended(topicName, index, header, baseOffset);
  return { index, errorCode: ErrorCode.NONE, baseOffset, logAppendTimeMs: -1, logStartOffset: log.logStartOffset };
}
