import { PartitioningError, step, type PartitionChoice } from './partition-choice';

/** Kafka partition counts are int32; anything else is a caller's mistake worth naming. */
export function checkPartitionCount(partitionCount: unknown): number {
  if (typeof partitionCount !== 'number' || !Number.isInteger(partitionCount) || partitionCount < 1 || partitionCount > 0x7fffffff) {
    throw new PartitioningError(`partitionCount must be a whole number from 1 to 2147483647; got ${String(partitionCount)}.`);
  }
  return partitionCount;
}

export function describePartitionRange(partitionCount: number): string {
  return partitionCount === 1 ? 'topic has 1 partition (0)' : `topic has ${partitionCount} partitions (0-${partitionCount - 1})`;
}

/**
 * A partition the producer names itself. Every client (Java, kafkajs, librdkafka, kafka-python,
 * Iggy's partition_id) sends it there without consulting the key or the partitioner; one that does
 * not exist fails the send (librdkafka: _UNKNOWN_PARTITION, kafka-python: an assertion).
 */
export function explicitPartitionChoice(explicitPartition: number, partitionCount: number): PartitionChoice {
  if (!Number.isInteger(explicitPartition)) {
    throw new PartitioningError(`An explicit partition must be a whole number; got ${explicitPartition}.`);
  }
  if (explicitPartition < 0 || explicitPartition >= partitionCount) {
    throw new PartitioningError(`partition ${explicitPartition} does not exist: ${describePartitionRange(partitionCount)}`);
  }
  return {
    partition: explicitPartition,
    explanation: `explicit partition ${explicitPartition}: it wins over the key and the partitioner`,
    steps: [step('explicit partition', explicitPartition), step('key and partitioner', 'not consulted')],
  };
}
