import { PartitioningError, step, type PartitionChoice } from '../partition-choice';

/**
 * The seed guide's HourlyPartitioner: hour of day % partition count. The guide reads the wall clock
 * (Utc::now()) when sending; Lanes uses the record timestamp, so replaying old records lands them
 * in the bucket of their own hour, and falls back to the clock only when a record has none. UTC,
 * as in the guide.
 */
export function timeBucketedPartition(timestampMs: number, partitionCount: number, source: 'record timestamp' | 'clock' = 'record timestamp'): PartitionChoice {
  if (!Number.isFinite(timestampMs) || timestampMs < 0 || timestampMs > 8.64e15) {
    throw new PartitioningError(`The time-bucketed partitioner needs a timestamp in milliseconds since 1970; got ${timestampMs}.`);
  }
  const at = new Date(timestampMs);
  const hour = at.getUTCHours();
  const partition = hour % partitionCount;
  return {
    partition,
    explanation: `time bucket: ${source} ${at.toISOString()} → UTC hour ${hour} → % ${partitionCount} = ${partition}`,
    steps: [step(source, at.toISOString()), step('UTC hour', hour), step(`% ${partitionCount} (partition count)`, partition)],
  };
}
