import { randomBytes } from 'node:crypto';

/** A topic or group name no earlier run (or parallel test file) has used. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/**
 * Keys `${prefix}-0`, `${prefix}-1`, ... taken in order until every partition gets `perPartition`
 * of them under `partitionFor`, so a test touches every partition whatever the partition count.
 */
export function keysCoveringEveryPartition(
  prefix: string,
  partitionCount: number,
  perPartition: number,
  partitionFor: (key: Buffer, partitionCount: number) => number,
): string[] {
  const counts = new Array<number>(partitionCount).fill(0);
  const keys: string[] = [];
  for (let i = 0; counts.some((count) => count < perPartition); i++) {
    if (i > 100_000) throw new Error(`no keys reach every one of ${partitionCount} partitions`);
    const key = `${prefix}-${i}`;
    const partition = partitionFor(Buffer.from(key), partitionCount);
    if ((counts[partition] ?? perPartition) < perPartition) {
      counts[partition] = (counts[partition] ?? 0) + 1;
      keys.push(key);
    }
  }
  return keys;
}

/** Groups items by partition, keeping their order inside each partition. */
export function byPartition<T extends { partition: number }>(items: T[]): Map<number, T[]> {
  const grouped = new Map<number, T[]>();
  for (const item of items) {
    const list = grouped.get(item.partition) ?? [];
    list.push(item);
    grouped.set(item.partition, list);
  }
  return grouped;
}

/** Sorts records into log order, for comparing what was produced with what was consumed. */
export function inLogOrder<T extends { partition: number; offset: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}
