/** A row of recordStream.keyTable(topic). */
export interface KeyRow {
  key: string;
  partitions: number[];
  count: number;
  lastOffset: number;
  lastPartition: number;
}

/**
 * The same key in two partitions breaks per-key order. With one partitioner and a fixed partition
 * count that cannot happen, so it always has a cause a person can name (partitioning-facts.md).
 */
export const MOVED_EXPLANATION = 'Moved: partitions were added (the hash now lands elsewhere), or records were sent with an explicit partition, or by a client with another partitioner.';

export interface KeyTableView {
  rows: KeyRow[];
  movedCount: number;
}

/** Rows matching `filter` (a substring of the key), moved keys first when asked, bounded. */
export function keyTableView(rows: readonly KeyRow[], filter: string, movedFirst: boolean, limit = 100): KeyTableView {
  const needle = filter.trim().toLowerCase();
  const matching = needle ? rows.filter((row) => row.key.toLowerCase().includes(needle)) : [...rows];
  const movedCount = matching.filter(isMoved).length;
  if (movedFirst) matching.sort((a, b) => Number(isMoved(b)) - Number(isMoved(a)) || b.count - a.count);
  return { rows: matching.slice(0, limit), movedCount };
}

export function isMoved(row: Pick<KeyRow, 'partitions'>): boolean {
  return row.partitions.length > 1;
}

/** "P3", or "P1 → P4 (now)" for a moved key, naming where its latest record went. */
export function partitionsText(row: Pick<KeyRow, 'partitions' | 'lastPartition'>): string {
  if (!isMoved(row)) return `P${row.partitions[0] ?? row.lastPartition}`;
  const earlier = row.partitions.filter((p) => p !== row.lastPartition).map((p) => `P${p}`);
  return `${earlier.join(' ')} → P${row.lastPartition} (now)`;
}
