/** What the "partition" field holds: nothing (the partitioner decides) or a partition that exists. */
export type PartitionInput = { ok: true; partition: number | null } | { ok: false; message: string };

/**
 * Reads the optional explicit partition and checks it against the topic before anything is sent.
 * Every client sends a record with a named partition there, ignoring key and partitioner, and fails
 * the send when the partition does not exist (librdkafka _UNKNOWN_PARTITION, kafka-python an
 * assertion), so Lanes says so here, in words, instead of waiting for the gateway to refuse it.
 *
 * @example
 *   parsePartitionInput('5', 3, 'orders') // { ok: false, message: "Partition 5 does not exist: 'orders' has 3 partitions (0-2). ..." }
 */
export function parsePartitionInput(text: string, partitionCount: number, topic: string | null): PartitionInput {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, partition: null };
  if (!/^\d+$/.test(trimmed)) {
    return { ok: false, message: `Partition must be a whole number such as 0, not '${trimmed}'. Leave it empty to let the partitioner choose.` };
  }
  const partition = Number(trimmed);
  // Without a known topic there is nothing to check against; sending is disabled with its own reason.
  if (partitionCount < 1) return { ok: true, partition };
  if (partition >= partitionCount) {
    const name = topic ? `'${topic}'` : 'the topic';
    return { ok: false, message: `Partition ${partition} does not exist: ${name} has ${describeCount(partitionCount)}. Pick a lower number or add partitions.` };
  }
  return { ok: true, partition };
}

/** "1 partition (0)" or "3 partitions (0-2)". */
export function describeCount(partitionCount: number): string {
  return partitionCount === 1 ? '1 partition (0)' : `${partitionCount} partitions (0-${partitionCount - 1})`;
}
