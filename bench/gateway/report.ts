import { machineLine } from '../broker/report';
import { scriptCommand } from '../shared/script-command';
import { coresPer10k as cpuPer10k, type CpuResult } from './cpu-phase';
import type { LatencyResult } from './latency-phase';
import type { MemoryResult } from './memory-phase';
import { recordsPerSecond, type ThroughputResult } from './throughput-phase';

/** The targets for the gateway (docs/performance.md). */
export const targets = {
  throughputRatio: 0.8,
  addedP99Ms: 25,
  coresPer10k: 0.1,
  heapGrowthMB: 20,
  rssGrowthMB: 50,
} as const;

export interface GatewayBenchResults {
  date: Date;
  partitions: number;
  valueBytes: number;
  throughput: ThroughputResult;
  latency: LatencyResult;
  latencyRate: number;
  cpu: CpuResult;
  /** One of the two clients stopped acknowledging: what the targets are about. */
  memory: MemoryResult;
  /** The same with both clients reading, to tell what the stalled client itself costs. */
  memoryControl: MemoryResult;
  memoryRecords: number;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** MB here is 10^6 bytes, a little stricter against the targets than MiB. */
const megabytes = (bytes: number) => bytes / 1e6;
const signedMB = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${Math.abs(megabytes(bytes)).toFixed(1)} MB`;
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const change = (before: number, after: number) => `${megabytes(before).toFixed(1)} → ${megabytes(after).toFixed(1)} MB`;
const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));
const percent = (cores: number) => `${(cores * 100).toFixed(1)} %`;
const verdict = (meets: boolean) => (meets ? '(meets)' : '(misses)');
/** How far RSS rose above where it stood before the records, at its highest. */
const rssPeak = (memory: MemoryResult) => memory.peakRss - memory.residentBefore;

export function renderReport(results: GatewayBenchResults): string {
  const { throughput, latency, cpu, memory, memoryControl } = results;
  const rawRate = recordsPerSecond(throughput.raw);
  const gatewayRate = recordsPerSecond(throughput.gateway);
  const ratio = gatewayRate / rawRate;
  const addedP50 = latency.gateway.p50 - latency.raw.p50;
  const addedP99 = latency.gateway.p99 - latency.raw.p99;
  const coresPer10k = cpuPer10k(cpu);
  const roundsPer10k = cpu.rounds.map(cpuPer10k);
  const baselinePer10k = ((cpu.baseline.busy.cores - cpu.baseline.idle.cores) * 10_000) / cpu.baseline.receivedPerSecond;
  const heapGrowth = memory.after.heapUsed - memory.baseline.heapUsed;
  const rssGrowth = memory.residentAfter - memory.residentBefore;
  const records = integer.format(throughput.raw.records);
  const countsNote = throughput.gateway.asCounts > 0 ? `, ${integer.format(throughput.gateway.asCounts)} of them only as counts¹` : '';

  const lines = [
    `### Gateway, ${results.date.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${machineLine()}. kafkajs 2.2.4 everywhere; the broker is the embedded one, in its own process. ` +
      `The gateway runs as \`pnpm gateway\` starts it: \`node ${scriptCommand('gateway').nodeFlags.join(' ')}\`.`,
    '',
    '| Measure | Through the gateway | Raw kafkajs consumer | Result | Target |',
    '|---|---:|---:|---:|---:|',
    `| (1) ${records} preloaded × ${results.valueBytes} B, ${results.partitions} partitions, to one client | ` +
      `${integer.format(gatewayRate)} rec/s (${seconds(throughput.gateway.elapsedMs)} s, first after ${seconds(throughput.gateway.firstRecordMs)} s${countsNote}) | ` +
      `${integer.format(rawRate)} rec/s (${seconds(throughput.raw.elapsedMs)} s, first after ${seconds(throughput.raw.firstRecordMs)} s) | ` +
      `ratio ${ratio.toFixed(2)} ${verdict(ratio >= targets.throughputRatio)} | ≥ ${targets.throughputRatio.toFixed(2)} |`,
    `| (2) produce → receive at ${integer.format(results.latencyRate)} rec/s, p50 / p99 (max) | ` +
      `${ms(latency.gateway.p50)} / ${ms(latency.gateway.p99)} ms (${ms(latency.gateway.max)}) | ` +
      `${ms(latency.raw.p50)} / ${ms(latency.raw.p99)} ms (${ms(latency.raw.max)}) | ` +
      `adds ${ms(addedP50)} ms at p50, ${ms(addedP99)} ms at p99 ${verdict(addedP99 <= targets.addedP99Ms)} | ≤ ${targets.addedP99Ms} ms at p99 |`,
    `| (3) gateway CPU at ${integer.format(cpu.deliveredPerSecond)} rec/s to one client | ` +
      `${percent(cpu.busy.cores)} of a core, ${percent(cpu.idle.cores)} idle | ` +
      `bare kafkajs with the tap's fetch settings: ${percent(baselinePer10k)} per 10,000 rec/s (${percent(cpu.baseline.busy.cores)}, ${percent(cpu.baseline.idle.cores)} idle); broker: ${percent(cpu.broker.cores)} | ` +
      `${percent(coresPer10k)} per 10,000 rec/s ${verdict(coresPer10k <= targets.coresPer10k)}, median of ${roundsPer10k.length} rounds (${roundsPer10k.map(percent).join(', ')}) | ≤ ${percent(targets.coresPer10k)} |`,
    `| (4) heap used after ${integer.format(results.memoryRecords)} records, one of two clients stalled (after GC) | ` +
      `${megabytes(memory.baseline.heapUsed).toFixed(1)} → ${megabytes(memory.after.heapUsed).toFixed(1)} MB | — | ` +
      `${signedMB(heapGrowth)} ${verdict(megabytes(heapGrowth) <= targets.heapGrowthMB)} | ≤ +${targets.heapGrowthMB} MB |`,
    `| (4) RSS growth after them, one of two clients stalled (no forced GC) | ` +
      `${megabytes(memory.residentBefore).toFixed(1)} → ${megabytes(memory.residentAfter).toFixed(1)} MB | — | ` +
      `${signedMB(rssGrowth)} ${verdict(megabytes(rssGrowth) <= targets.rssGrowthMB)} | ≤ +${targets.rssGrowthMB} MB |`,
    `| (4) the same after a full GC; RSS peak while streaming them | ` +
      `${megabytes(memory.baseline.rss).toFixed(1)} → ${megabytes(memory.after.rss).toFixed(1)} MB; peak ${megabytes(memory.peakRss).toFixed(1)} MB | — | ` +
      `${signedMB(memory.after.rss - memory.baseline.rss)}; peak ${signedMB(rssPeak(memory))} | — |`,
    `| (4) control, both clients reading: heap (after GC) / RSS growth / RSS peak | ` +
      `${megabytes(memoryControl.after.heapUsed).toFixed(1)} / ${megabytes(memoryControl.residentAfter).toFixed(1)} / ${megabytes(memoryControl.peakRss).toFixed(1)} MB | — | ` +
      `${signedMB(memoryControl.after.heapUsed - memoryControl.baseline.heapUsed)} / ${signedMB(memoryControl.residentAfter - memoryControl.residentBefore)} / ${signedMB(rssPeak(memoryControl))} | — |`,
    '',
    `(1) Best of ${throughput.rounds} reads each way, in ABBA order. Clocks run from making a consumer (raw: connecting, then a new group, fromBeginning; gateway: the \`topic:watch\` command, whose tap connects a consumer of its own and joins its group) ` +
      `to the last record; the socket client decodes every \`records:batch\` and acknowledges it (${integer.format(throughput.gateway.batches)} batches). ` +
      `The gateway used ${seconds(throughput.gateway.cpu.cpuMs)} s of CPU in ${seconds(throughput.gateway.cpu.wallMs)} s (${percent(throughput.gateway.cpu.cores)} of a core).`,
    `(2) A kafkajs producer sent ${integer.format(latency.produced.sent)} records at ${integer.format(latency.produced.ratePerSecond)} rec/s (acks=1), each value starting with its send time; ` +
      `the socket client (${integer.format(latency.gateway.count)} samples) and the raw eachBatch consumer (${integer.format(latency.raw.count)}) read at once, each in a process of its own, after a warm-up that is not counted. ` +
      'Both figures include the producer\'s own time to the broker; the difference is what the gateway adds.',
    `(3) utime + stime of the gateway process from /proc over the window, less its idle use with the same client connected and the topic watched, measured just before; ` +
      `scaled to 10,000 rec/s from the rate the client actually received. Rounds of an idle then a busy window run one after another; the figures shown are the median round's. ` +
      `The broker's figure is its own process over the same window. ` +
      `The baseline is a bare kafkajs eachBatch consumer that only counts, in a process of its own, fetching as the tap does (min ${integer.format(cpu.baseline.minBytes)} bytes, ` +
      `max wait ${cpu.baseline.maxWaitMs} ms, no commits), measured the same way afterwards on a topic of its own: what kafkajs costs before the gateway does anything.`,
    `(4) After a warm-up batch both clients took, one client stops acknowledging and stays connected; kcat then produces ${integer.format(results.memoryRecords)} records ` +
      `while the other client reads them all (it got ${integer.format(memory.reader.records)} as records, ${integer.format(memory.reader.asCounts)} as counts; ` +
      `the stalled one ${integer.format(memory.stalled.records)} as records, ${integer.format(memory.stalled.asCounts)} as counts). ` +
      `The gateway streamed ${integer.format(memory.streamed)} records in between. ` +
      'RSS growth is /proc VmRSS 2 s after the last record less VmRSS 2 s after the warm-up, each read before the collection forced for the heap figures: what the system sees the gateway keep (the gateway runs a full collection of its own a second after the last record of a burst of 100,000 or more: apps/gateway/src/memory/burst-collector.ts). ' +
      'Then each reading is repeated after a full GC (--expose-gc, SIGUSR2 to bench/gateway/memory-probe.ts): heap used counts what the gateway retains, not what it has yet to collect; ' +
      `over the span V8's heap reserved ${change(memory.baseline.heapTotal, memory.after.heapTotal)} and memory outside it (Buffers and other external) went ${change(memory.baseline.external, memory.after.external)}. ` +
      'The peak is VmRSS sampled every 100 ms until the reading client had every record, above the RSS before the records: garbage of the burst awaiting a full collection, not kept. ' +
      'The control run, just before, is the same with both clients reading throughout; it is also the warm-up of the stalled run, after the throughput, latency and CPU phases. MB = 10⁶ bytes.',
    'Every process shares one machine: the broker, the gateway and the bench (clients and producer) compete for its cores.',
  ];
  if (throughput.gateway.asCounts > 0) {
    lines.push('', '¹ The gateway sends a client that falls more than LANES_CLIENT_BUFFER_RECORDS behind counts and offset ranges (records:aggregate) instead of records, until it acknowledges again; records it is sent only as counts are never encoded.');
  }
  return lines.join('\n');
}
