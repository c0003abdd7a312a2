/**
 * Gateway benchmark: `pnpm bench:gateway [--scale N] [--profile] [--profile-dir DIR]`.
 *
 * Runs the embedded broker and the gateway as child processes and measures, side by side in one
 * run, what the issue sets targets for: records/s to a socket.io client against a raw kafkajs
 * consumer, added latency, CPU per 10,000 records/s, and memory after 1,000,000 records with a
 * client that stops acknowledging (see README.md). Progress goes to stderr, the report to stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../broker/child-processes';
import { createTopic } from '../broker/kafkajs-workload';
import { kcatProduce } from '../broker/kcat-workload';
import { busiestProfileReport } from '../broker/profile-summary';
import { parseBenchOptions } from '../shared/bench-options';
import { writeRecordFile } from '../broker/workload-files';
import { startBrokerProcess } from './broker-process';
import { measureCpu } from './cpu-phase';
import { startGatewayProcess } from './gateway-process';
import { measureLatency } from './latency-phase';
import { measureMemory } from './memory-phase';
import { renderReport } from './report';
import { gatewayConsume, measureThroughput, rawConsumeTopic, recordsPerSecond } from './throughput-phase';

const PARTITIONS = 12;
const VALUE_BYTES = 200;
/** Counts and durations at --scale 1, sized so that the whole run takes three to five minutes. */
const PRELOADED_RECORDS = 500_000;
const MEMORY_RECORDS = 1_000_000;
const WARM_UP_RECORDS = 50_000;
const LATENCY_RATE = 5_000;
const CPU_RATE = 10_000;
const MEASURE_MS = 10_000;
const WARM_UP_MS = 2_000;
const IDLE_MS = 5_000;
/** Idle-then-busy rounds of measure (3); the median is reported. */
const CPU_ROUNDS = 3;
const THROUGHPUT_ROUNDS = 4;

const usage = `Usage: pnpm bench:gateway [--scale N] [--profile] [--profile-dir DIR]

  --scale N          multiply every record count by N (default 1; 0.05 for a quick check);
                     timed windows shrink with it, to no less than a fifth
                     (the full run takes about three minutes)
  --profile          run the gateway under node --cpu-prof and print its hot spots;
                     profiling slows the gateway, so do not publish the figures of such a run
  --profile-dir DIR  where the .cpuprofile goes (implies --profile; default: a new temporary
                     directory, kept so the profile can be opened in Chrome DevTools)
  --help             show this help
`;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function main(): Promise<void> {
  const options = parseBenchOptions('lanes-bench-gateway-profile-');
  if (options.help) {
    process.stdout.write(usage);
    return;
  }
  const { scale, profileDir } = options;
  const count = (full: number) => Math.max(1_000, Math.round(full * scale));
  const duration = (full: number) => Math.round(full * Math.min(1, Math.max(scale, 0.2)));
  const date = new Date();
  const dataDir = mkdtempSync(join(tmpdir(), 'lanes-bench-gateway-'));
  // On 'exit' rather than in a finally, so that Ctrl+C (which exits from its handler) cleans up too.
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));

  const largest = Math.max(count(PRELOADED_RECORDS), count(MEMORY_RECORDS), count(WARM_UP_RECORDS));
  log(`Writing ${largest.toLocaleString('en-US')} values of ${VALUE_BYTES} B to ${dataDir} ...`);
  const workload = writeRecordFile(dataDir, `${VALUE_BYTES} B`, VALUE_BYTES, largest);

  log('Starting the embedded broker and the gateway, each in its own process ...');
  const broker = await startBrokerProcess(PARTITIONS);
  try {
    const gateway = await startGatewayProcess({ kafkaBrokers: broker.bootstrap, cpuProfileDir: profileDir });
    log(`  broker at ${broker.bootstrap}, gateway at ${gateway.url} (pid ${gateway.pid})${profileDir ? `, profiling into ${profileDir}` : ''}`);
    try {
      log(`Warm-up: ${count(WARM_UP_RECORDS).toLocaleString('en-US')} records through the raw consumer and the gateway (not timed) ...`);
      await createTopic(broker.bootstrap, 'bench-warm-up', PARTITIONS);
      await kcatProduce(broker.bootstrap, 'bench-warm-up', workload, count(WARM_UP_RECORDS));
      await rawConsumeTopic(broker.bootstrap, 'bench-warm-up');
      await gatewayConsume(gateway, broker.bootstrap, 'bench-warm-up');

      log(`(1) Throughput: preloading ${count(PRELOADED_RECORDS).toLocaleString('en-US')} records with kcat, then reading them ${THROUGHPUT_ROUNDS} times each way ...`);
      await createTopic(broker.bootstrap, 'bench-preloaded', PARTITIONS);
      await kcatProduce(broker.bootstrap, 'bench-preloaded', workload, count(PRELOADED_RECORDS));
      const throughput = await measureThroughput(gateway, broker.bootstrap, 'bench-preloaded', THROUGHPUT_ROUNDS);
      log(`  raw kafkajs: ${Math.round(recordsPerSecond(throughput.raw))} rec/s; gateway: ${Math.round(recordsPerSecond(throughput.gateway))} rec/s`);

      log(`(2) Latency at ${LATENCY_RATE} rec/s for ${duration(WARM_UP_MS + MEASURE_MS) / 1000} s ...`);
      const latency = await measureLatency(gateway, broker.bootstrap, {
        topic: 'bench-latency',
        partitions: PARTITIONS,
        ratePerSecond: LATENCY_RATE,
        warmUpMs: duration(WARM_UP_MS),
        measureMs: duration(MEASURE_MS),
        valueBytes: VALUE_BYTES,
      });
      log(`  p99: raw ${latency.raw.p99.toFixed(1)} ms, gateway ${latency.gateway.p99.toFixed(1)} ms`);

      log(`(3) CPU: ${CPU_ROUNDS} rounds of idle for ${duration(IDLE_MS) / 1000} s, then ${CPU_RATE} rec/s for ${duration(WARM_UP_MS + MEASURE_MS) / 1000} s ...`);
      const cpu = await measureCpu(gateway, broker.bootstrap, broker.pid, {
        topic: 'bench-cpu',
        partitions: PARTITIONS,
        ratePerSecond: CPU_RATE,
        idleMs: duration(IDLE_MS),
        warmUpMs: duration(WARM_UP_MS),
        measureMs: duration(MEASURE_MS),
        valueBytes: VALUE_BYTES,
        rounds: CPU_ROUNDS,
      });
      log(`  gateway ${(cpu.busy.cores * 100).toFixed(1)} % of a core at ${Math.round(cpu.deliveredPerSecond)} rec/s, ${(cpu.idle.cores * 100).toFixed(1)} % idle`);

      const memoryOptions = { partitions: PARTITIONS, warmUpRecords: count(WARM_UP_RECORDS), records: count(MEMORY_RECORDS), workload };
      log(`(4) Memory: ${count(MEMORY_RECORDS).toLocaleString('en-US')} records to two reading clients, then to two with one stalled ...`);
      const memoryControl = await measureMemory(gateway, broker.bootstrap, { ...memoryOptions, topic: 'bench-memory-both-reading', stallOneClient: false });
      const memory = await measureMemory(gateway, broker.bootstrap, { ...memoryOptions, topic: 'bench-memory-one-stalled' });
      log(
        `  one stalled: heap used ${(memory.baseline.heapUsed / 1e6).toFixed(1)} → ${(memory.after.heapUsed / 1e6).toFixed(1)} MB; ` +
          `RSS ${(memory.residentBefore / 1e6).toFixed(1)} → ${(memory.residentAfter / 1e6).toFixed(1)} MB, peak ${(memory.peakRss / 1e6).toFixed(1)} MB`,
      );

      const report = renderReport({
        date,
        partitions: PARTITIONS,
        valueBytes: VALUE_BYTES,
        throughput,
        latency,
        latencyRate: LATENCY_RATE,
        cpu,
        memory,
        memoryControl,
        memoryRecords: count(MEMORY_RECORDS),
      });
      process.stdout.write(`\n${report}\n`);
    } catch (error) {
      log(`gateway stderr (last lines):\n${gateway.stderrTail()}`);
      throw error;
    } finally {
      await gateway.stop();
    }
  } finally {
    await broker.stop();
  }
  if (profileDir) process.stdout.write(`\n${busiestProfileReport(profileDir, repoRoot, 'Gateway CPU profile')}\n`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
