import { createTopic } from '../broker/kafkajs-workload';
import { kcatProduce } from '../broker/kcat-workload';
import type { RecordWorkload } from '../broker/workload-files';
import type { GatewayProcess } from './gateway-process';
import type { GatewayMemory } from './memory-line';
import { residentBytes, watchPeakResident } from './proc-stats';
import { StreamClient } from './stream-client';
import { highWatermarks } from './topic-offsets';
import { sleep } from './waits';

/**
 * Measure (4): what the gateway keeps after streaming many records. Two socket.io clients watch a
 * topic; after a warm-up batch both have taken, one stops acknowledging (a frozen tab: it stays
 * connected and answers socket.io's pings, but takes nothing more), and the baseline is read. Then
 * `records` are produced with kcat (its own process) while the other client keeps reading.
 *
 * RSS is read from /proc as the system sees it, the same settling time after the warm-up and after
 * the last record, each time before the full garbage collection the heap figures need: that growth
 * is what the target counts. Heap figures follow the collection (memory-probe.ts), so they count
 * what the gateway retains rather than what it has not collected yet; RSS is read then too, and
 * sampled from /proc throughout for the peak.
 */
export interface MemoryOptions {
  topic: string;
  partitions: number;
  warmUpRecords: number;
  records: number;
  /** kcat's file of values; it must hold at least `records` lines. */
  workload: RecordWorkload;
  /** False keeps both clients reading: tells what the stalled client itself costs. Default true. */
  stallOneClient?: boolean;
}

export interface MemoryResult {
  /** VmRSS in bytes before the records, settled, with no collection forced. */
  residentBefore: number;
  /** VmRSS in bytes after the records, settled the same way, with no collection forced. */
  residentAfter: number;
  /** Read after a full collection, right after `residentBefore`. */
  baseline: GatewayMemory;
  /** Read after a full collection, right after `residentAfter`. */
  after: GatewayMemory;
  /** The highest RSS /proc showed from the baseline until the reading client had every record. */
  peakRss: number;
  /** Records the gateway's stream hub encoded and sent on between the two readings. */
  streamed: number;
  reader: { records: number; asCounts: number };
  stalled: { records: number; asCounts: number };
}

const DRAIN_TIMEOUT_MS = 180_000;
const SETTLE_MS = 2_000;

/**
 * V8 releases the memory behind collected Buffers (ArrayBuffer backing stores) on a background
 * thread after the collection, so RSS and `external` right after one GC still count them; the
 * second reading, a moment later, does not.
 */
async function settledMemory(gateway: GatewayProcess): Promise<GatewayMemory> {
  await gateway.memory();
  await sleep(500);
  return gateway.memory();
}

export async function measureMemory(gateway: GatewayProcess, bootstrap: string, options: MemoryOptions): Promise<MemoryResult> {
  const { topic, workload } = options;
  await createTopic(bootstrap, topic, options.partitions);
  const reader = await StreamClient.connect(gateway.url);
  const stalled = await StreamClient.connect(gateway.url);
  try {
    await reader.watch(topic, 'beginning');
    await kcatProduce(bootstrap, topic, workload, options.warmUpRecords);
    const warmHighs = await highWatermarks(bootstrap, topic);
    await Promise.all([reader.waitUntilSeen(topic, warmHighs, DRAIN_TIMEOUT_MS), stalled.waitUntilSeen(topic, warmHighs, DRAIN_TIMEOUT_MS)]);
    stalled.acking = options.stallOneClient === false;
    reader.resetCounts();
    stalled.resetCounts();
    await sleep(SETTLE_MS);

    const streamedBefore = await gateway.streamed();
    const residentBefore = residentBytes(gateway.pid);
    const baseline = await settledMemory(gateway);
    const stopWatchingPeak = watchPeakResident(gateway.pid);
    await kcatProduce(bootstrap, topic, workload, options.records);
    await reader.waitUntilSeen(topic, await highWatermarks(bootstrap, topic), DRAIN_TIMEOUT_MS);
    await sleep(SETTLE_MS);
    const peakRss = stopWatchingPeak();
    const residentAfter = residentBytes(gateway.pid);
    const after = await settledMemory(gateway);
    const streamedAfter = await gateway.streamed();
    await reader.unwatch(topic);
    return {
      residentBefore,
      residentAfter,
      baseline,
      after,
      peakRss,
      streamed: streamedAfter.records - streamedBefore.records,
      reader: { records: reader.records, asCounts: reader.aggregatedRecords },
      stalled: { records: stalled.records, asCounts: stalled.aggregatedRecords },
    };
  } finally {
    reader.close();
    stalled.close();
  }
}
