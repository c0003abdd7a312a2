import { ErrorCode } from '@lanes/kafka-protocol';

/** Kafka keeps the last five batches per producer and partition to answer retried duplicates. */
const CACHED_BATCHES = 5;
const MAX_SEQUENCE = 0x7fffffff;

interface RecentBatch {
  firstSequence: number;
  lastSequence: number;
  baseOffset: number;
}

interface PartitionSequence {
  epoch: number;
  recent: RecentBatch[];
}

export type SequenceCheck =
  | { outcome: 'append' }
  | { outcome: 'duplicate'; baseOffset: number }
  | { outcome: 'reject'; errorCode: number; message: string };

/**
 * Idempotent producer state (KIP-98): producer ids handed out by InitProducerId, and per producer
 * and partition the epoch and the sequence numbers of the latest batches. A retried batch that
 * was already written is answered with its original offset instead of being written twice; a gap
 * in the sequence is OUT_OF_ORDER_SEQUENCE_NUMBER.
 */
export class ProducerStates {
  private nextProducerId = 1000;
  private readonly epochs = new Map<number, number>();
  private readonly sequences = new Map<string, PartitionSequence>();

  /** A new producer id (epoch 0), or the same id with the next epoch when a producer re-initialises. */
  initProducerId(previous: { producerId: number; producerEpoch: number } = { producerId: -1, producerEpoch: -1 }): { producerId: number; producerEpoch: number } {
    const known = this.epochs.get(previous.producerId);
    if (previous.producerId >= 0 && known !== undefined && known === previous.producerEpoch && known < 0x7ffe) {
      this.epochs.set(previous.producerId, known + 1);
      return { producerId: previous.producerId, producerEpoch: known + 1 };
    }
    const producerId = this.nextProducerId++;
    this.epochs.set(producerId, 0);
    return { producerId, producerEpoch: 0 };
  }

  /** Decides what to do with a batch from an idempotent producer before it is appended. */
  check(topic: string, partition: number, batch: { producerId: number; producerEpoch: number; baseSequence: number; recordCount: number }): SequenceCheck {
    const state = this.sequences.get(key(topic, partition, batch.producerId));
    const currentEpoch = this.epochs.get(batch.producerId);
    if (currentEpoch === undefined) {
      return { outcome: 'reject', errorCode: ErrorCode.UNKNOWN_PRODUCER_ID, message: `Producer id ${batch.producerId} was not issued by this broker; call InitProducerId first.` };
    }
    if (batch.producerEpoch < currentEpoch) {
      return { outcome: 'reject', errorCode: ErrorCode.INVALID_PRODUCER_EPOCH, message: `Producer epoch ${batch.producerEpoch} is older than the current ${currentEpoch}: another instance took over.` };
    }
    const lastSequence = lastSequenceOf(batch.baseSequence, batch.recordCount);
    if (!state || state.epoch !== batch.producerEpoch) {
      return batch.baseSequence === 0
        ? { outcome: 'append' }
        : { outcome: 'reject', errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, message: `A new producer epoch must start at sequence 0, not ${batch.baseSequence}.` };
    }
    const duplicate = state.recent.find((b) => b.firstSequence === batch.baseSequence && b.lastSequence === lastSequence);
    if (duplicate) return { outcome: 'duplicate', baseOffset: duplicate.baseOffset };
    const expected = (state.recent[state.recent.length - 1]!.lastSequence + 1) % (MAX_SEQUENCE + 1);
    if (batch.baseSequence !== expected) {
      return { outcome: 'reject', errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, message: `Expected sequence ${expected}, got ${batch.baseSequence}.` };
    }
    return { outcome: 'append' };
  }

  /** Records a batch that was appended after `check` said 'append'. */
  appended(topic: string, partition: number, batch: { producerId: number; producerEpoch: number; baseSequence: number; recordCount: number }, baseOffset: number): void {
    const id = key(topic, partition, batch.producerId);
    let state = this.sequences.get(id);
    if (!state || state.epoch !== batch.producerEpoch) {
      state = { epoch: batch.producerEpoch, recent: [] };
      this.sequences.set(id, state);
    }
    state.recent.push({ firstSequence: batch.baseSequence, lastSequence: lastSequenceOf(batch.baseSequence, batch.recordCount), baseOffset });
    if (state.recent.length > CACHED_BATCHES) state.recent.shift();
  }

  forgetTopic(topic: string): void {
    const prefix = `${topic}\u0000`;
    for (const id of this.sequences.keys()) if (id.startsWith(prefix)) this.sequences.delete(id);
  }
}

function key(topic: string, partition: number, producerId: number): string {
  return `${topic}\u0000${partition}\u0000${producerId}`;
}

/** Sequences wrap at Integer.MAX_VALUE, as in Kafka's DefaultRecordBatch.incrementSequence. */
function lastSequenceOf(baseSequence: number, recordCount: number): number {
  return (baseSequence + recordCount - 1) % (MAX_SEQUENCE + 1);
}
