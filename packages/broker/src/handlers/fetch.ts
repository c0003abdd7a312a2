import { ErrorCode, type FetchRequest } from '@lanes/kafka-protocol';
import type { ApiHandler, BrokerContext } from '../broker-context';

/**
 * Fetch (1), v4-11. Answers at once when at least min_bytes are ready, otherwise parks until enough
 * data is appended to a requested partition or max_wait_ms passes (an instant empty answer would make
 * consumers spin). Every requested partition is answered; the first batch is returned even past
 * max_bytes so a consumer can always make progress (KIP-74). No fetch sessions: session id 0.
 */
export const fetch: ApiHandler<1> = async (broker, request, context) => {
  const deadline = Date.now() + Math.max(0, request.maxWaitMs);
  let answer = readPartitions(broker, request);
  const stop = AbortSignal.any([broker.closing, context.connectionReleased]);
  while (answer.bytes < request.minBytes && !answer.failed && !stop.aborted) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    await appendOrTimeout(broker, request, left, stop);
    answer = readPartitions(broker, request);
  }
  // The response is written from the log's memory; retention or a deleted topic may let go of the
  // batches before the socket has taken them all, so their memory is kept until it has.
  if (answer.batches.length > 0) context.afterWrite(broker.slabs.pin(answer.batches));
  return { errorCode: ErrorCode.NONE, sessionId: 0, responses: answer.responses };
};

function readPartitions(broker: BrokerContext, request: FetchRequest) {
  let bytes = 0;
  let failed = false;
  const batches: Buffer[] = [];
  const responses = request.topics.map((topic) => ({
    topic: topic.topic,
    partitions: topic.partitions.map((p) => {
      const log = broker.topics.partition(topic.topic, p.partition);
      if (!log) {
        failed = true;
        return { partitionIndex: p.partition, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, highWatermark: -1, lastStableOffset: -1, logStartOffset: -1, records: null };
      }
      const room = Math.min(p.partitionMaxBytes, Math.max(0, request.maxBytes - bytes));
      const result = log.read(p.fetchOffset, room, { minOneBatch: bytes === 0 });
      const offsets = { highWatermark: log.highWatermark, lastStableOffset: log.lastStableOffset, logStartOffset: log.logStartOffset };
      if (result.error !== 'none') {
        failed = true;
        return { partitionIndex: p.partition, errorCode: result.code, ...offsets, records: null };
      }
      bytes += result.bytes;
      // One at a time: a spread of a large read (tiny batches, a large partition_max_bytes) could
      // pass more arguments than a call takes.
      for (const batch of result.batches) batches.push(batch);
      // The stored batches as chunks of one records field: the response is written from them as
      // they are, without joining them into fresh memory.
      return { partitionIndex: p.partition, errorCode: ErrorCode.NONE, ...offsets, abortedTransactions: [], preferredReadReplica: -1, records: result.batches };
    }),
  }));
  return { responses, bytes, failed, batches };
}

/** Resolves when a requested partition receives a batch, the time is up, or `stop` aborts. */
function appendOrTimeout(broker: BrokerContext, request: FetchRequest, timeoutMs: number, stop: AbortSignal): Promise<void> {
  const wanted = new Set(request.topics.flatMap((t) => t.partitions.map((p) => `${t.topic}\u0000${p.partition}`)));
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      stopListening();
      stop.removeEventListener('abort', finish);
      resolve();
    };
    const timer = setTimeout(finish, timeoutMs);
    const stopListening = broker.events.on('batch:appended', (event) => {
      if (wanted.has(`${event.topic}\u0000${event.partition}`)) finish();
    });
    stop.addEventListener('abort', finish);
  });
}
