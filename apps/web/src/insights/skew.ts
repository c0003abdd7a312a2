/** How unevenly records spread over partitions: the figure behind "hot keys and skew". */
export interface SkewSummary {
  total: number;
  mean: number;
  max: number;
  /** max ÷ mean: 1 is perfectly even; N (the partition count) means everything went to one partition. */
  skew: number;
  /** The busiest partition, or null with no records. */
  hottest: number | null;
}

/** Above this, one partition gets clearly more than its share: the card names it. */
export const HOT_SKEW = 1.5;

export function skewOf(counts: readonly number[]): SkewSummary {
  let total = 0;
  let max = 0;
  let hottest: number | null = null;
  counts.forEach((count, partition) => {
    total += count;
    if (count > max) {
      max = count;
      hottest = partition;
    }
  });
  const mean = counts.length ? total / counts.length : 0;
  return { total, mean, max, skew: mean > 0 ? max / mean : 0, hottest };
}

/** "1.00", "2.4", "6": enough precision to see a change, no more. */
export function formatSkew(skew: number): string {
  if (skew === 0) return '—';
  if (skew < 2) return skew.toFixed(2);
  if (skew < 10) return skew.toFixed(1);
  return skew.toFixed(0);
}

/** The sentence under the figure. */
/** Below this many records per partition, skew says more about chance than about keys. */
const MIN_RECORDS_TO_JUDGE = 5;

/** Whether there are enough records in the window for the skew figure to mean something. */
export function enoughToJudge(summary: SkewSummary, partitionCount: number): boolean {
  return summary.total >= MIN_RECORDS_TO_JUDGE * partitionCount;
}

export function skewVerdict(summary: SkewSummary, partitionCount: number): string {
  if (summary.total === 0) return 'No records in this window yet.';
  if (partitionCount <= 1) return 'One partition: nothing to spread.';
  // A handful of records always looks skewed; say so instead of raising a false alarm.
  if (!enoughToJudge(summary, partitionCount)) return `Only ${summary.total} ${summary.total === 1 ? 'record' : 'records'} so far: too few to judge the spread.`;
  if (summary.skew >= HOT_SKEW && summary.hottest !== null) {
    const share = Math.round((summary.max / summary.total) * 100);
    return `Hot partition P${summary.hottest}: ${share}% of records, its consumer does ${summary.skew.toFixed(1)}× its share of the work.`;
  }
  return 'Even enough: every partition gets about its share.';
}
