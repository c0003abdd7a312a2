/**
 * Broker throughput benchmark: `pnpm bench:broker [--scale N] [--profile] [--profile-dir DIR]`.
 *
 * Produces and consumes 200 B and 4 KB records with kcat and kafkajs against the embedded broker,
 * with kcat against librdkafka's mock cluster, and copies the same bytes over plain loopback TCP,
 * then prints a markdown report (see README.md). Progress goes to stderr, the report to stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './child-processes';
import { countRecords, createTopic, kafkajsConsume, kafkajsProduce } from './kafkajs-workload';
import { kcatConsume, kcatPartitionCount, kcatProduce, kcatVersion } from './kcat-workload';
import { measureLoopbackCopy } from './loopback-ceiling';
import { megabytesPerSecond, messagesPerSecond, type Measurement } from './measurement';
import { parseBenchOptions } from '../shared/bench-options';
import { busiestProfileReport } from './profile-summary';
import { renderReport, type ProduceConsume, type SizeResults } from './report';
import { bestRawProduce, rawProduce } from './raw-workload';
import { startEmbeddedBroker, startLoopbackSink, startMockCluster, type RunningTarget } from './targets';
import { writeRecordFile, type RecordWorkload } from './workload-files';

/** librdkafka's mock cluster auto-creates topics with 4 partitions; the embedded broker's match. */
const PARTITIONS = 4;
const MESSAGES_PER_SEND = 1000;
/** Counts at --scale 1, sized so that one run takes one to three minutes. */
const SIZES = [
  { label: '200 B', valueBytes: 200, records: 500_000 },
  { label: '4 KB', valueBytes: 4096, records: 80_000 },
];
/** A first, untimed pass so V8 has compiled the broker's hot paths before anything is measured. */
const WARM_UP_FRACTION = 0.1;
const LOOPBACK_RUNS = 3;
/** What librdkafka's mock cluster keeps of each partition (rdkafka_mock.c): the raw rounds give the
 * embedded broker the same budget, so neither pays for memory the other does not keep. */
const MOCK_RETENTION_BYTES = 5 * 1024 * 1024;

const usage = `Usage: pnpm bench:broker [--scale N] [--profile] [--profile-dir DIR]

  --scale N          multiply every record count by N (default 1; 0.05 for a quick check)
  --profile          run the embedded broker under node --cpu-prof and print its hot spots;
                     profiling slows the broker, so do not publish the figures of such a run
  --profile-dir DIR  where the .cpuprofile goes (implies --profile; default: a new temporary
                     directory, kept so the profile can be opened in Chrome DevTools)
  --help             show this help
`;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function describe(measurement: Measurement): string {
  const seconds = (measurement.elapsedMs / 1000).toFixed(2);
  const messages = measurement.records > 0 ? `${Math.round(messagesPerSecond(measurement))} msg/s, ` : '';
  return `${seconds} s, ${messages}${megabytesPerSecond(measurement).toFixed(1)} MB/s`;
}

async function step(what: string, run: () => Promise<Measurement>): Promise<Measurement> {
  const measurement = await run();
  log(`  ${what}: ${describe(measurement)}`);
  return measurement;
}

/** The ceiling is the best the machine managed, so the fastest of a few copies (after an untimed one). */
async function bestLoopbackCopy(sink: RunningTarget, bytes: number): Promise<Measurement> {
  let best: Measurement | undefined;
  for (let run = 0; run < LOOPBACK_RUNS; run++) {
    const copy = await measureLoopbackCopy(sink.bootstrap, bytes);
    if (!best || copy.elapsedMs < best.elapsedMs) best = copy;
  }
  return best!;
}

/** Fresh, explicitly sized topics; the kcat check confirms both brokers report the same partition count. */
async function prepareTopic(target: RunningTarget, topic: string, createExplicitly: boolean): Promise<string> {
  if (createExplicitly) await createTopic(target.bootstrap, topic, PARTITIONS);
  const partitions = await kcatPartitionCount(target.bootstrap, topic);
  if (partitions !== PARTITIONS) throw new Error(`${target.name} gave ${topic} ${partitions} partitions, not ${PARTITIONS}.`);
  return topic;
}

async function expectAppended(target: RunningTarget, topic: string, records: number): Promise<number> {
  const { appended, retained } = await countRecords(target.bootstrap, topic);
  if (appended !== records) throw new Error(`${target.name} holds ${appended} records in ${topic} after producing ${records}.\n${target.stderrTail()}`);
  return retained;
}

async function warmUp(target: RunningTarget, workloads: RecordWorkload[], createExplicitly: boolean): Promise<void> {
  for (const workload of workloads) {
    const topic = await prepareTopic(target, `bench-warm-up-${workload.valueBytes}`, createExplicitly);
    const records = Math.max(1, Math.round(workload.records * WARM_UP_FRACTION));
    await kcatProduce(target.bootstrap, topic, workload, records);
    await kcatConsume(target.bootstrap, topic, workload.valueBytes, await expectAppended(target, topic, records));
  }
}

async function kcatRound(target: RunningTarget, workload: RecordWorkload, createExplicitly: boolean): Promise<ProduceConsume> {
  const topic = await prepareTopic(target, `bench-kcat-${workload.valueBytes}`, createExplicitly);
  const produce = await step(`${target.name} · kcat produce ${workload.label}`, () => kcatProduce(target.bootstrap, topic, workload));
  const retained = await expectAppended(target, topic, workload.records);
  const consume = await step(`${target.name} · kcat consume ${workload.label}`, () => kcatConsume(target.bootstrap, topic, workload.valueBytes, retained));
  return { produce, consume };
}

/** kcat's produce once more, into a topic that keeps what the mock cluster keeps (embedded broker only). */
async function kcatRetainedRound(target: RunningTarget, workload: RecordWorkload): Promise<Measurement> {
  const topic = `bench-kcat-retained-${workload.valueBytes}`;
  await createTopic(target.bootstrap, topic, PARTITIONS, { 'retention.bytes': String(MOCK_RETENTION_BYTES) });
  await prepareTopic(target, topic, false);
  const produce = await step(`${target.name} · kcat produce ${workload.label}, keeping 5 MiB per partition`, () => kcatProduce(target.bootstrap, topic, workload));
  await expectAppended(target, topic, workload.records);
  return produce;
}

/** Broker ingest capacity: pre-built 16 KB batches pipelined by a client that costs next to nothing. */
async function rawRound(target: RunningTarget, workload: RecordWorkload, createExplicitly: boolean): Promise<Measurement> {
  const topic = `bench-raw-${workload.valueBytes}`;
  if (createExplicitly) await createTopic(target.bootstrap, topic, PARTITIONS, { 'retention.bytes': String(MOCK_RETENTION_BYTES) });
  await prepareTopic(target, topic, false);
  return step(`${target.name} · raw producer ${workload.label}, 16 KB batches`, () =>
    bestRawProduce(() => rawProduce(target.bootstrap, topic, PARTITIONS, workload.valueBytes, workload.records)),
  );
}

async function kafkajsRound(target: RunningTarget, workload: RecordWorkload): Promise<ProduceConsume> {
  const topic = await prepareTopic(target, `bench-kafkajs-${workload.valueBytes}`, true);
  const produce = await step(`${target.name} · kafkajs produce ${workload.label}`, () =>
    kafkajsProduce(target.bootstrap, topic, workload.valueBytes, workload.records, MESSAGES_PER_SEND),
  );
  await expectAppended(target, topic, workload.records);
  const consume = await step(`${target.name} · kafkajs consume ${workload.label}`, () => kafkajsConsume(target.bootstrap, topic, workload.records));
  return { produce, consume };
}

async function main(): Promise<void> {
  const options = parseBenchOptions('lanes-bench-profile-');
  if (options.help) {
    process.stdout.write(usage);
    return;
  }
  const date = new Date();
  const dataDir = mkdtempSync(join(tmpdir(), 'lanes-bench-'));
  // On 'exit' rather than in a finally, so that Ctrl+C (which exits from its handler) cleans up too.
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const { profileDir } = options;
  log(`Writing record files to ${dataDir} ...`);
  const workloads = SIZES.map((size) => writeRecordFile(dataDir, size.label, size.valueBytes, Math.max(1, Math.round(size.records * options.scale))));

  log('Loopback TCP ceiling:');
  const sink = await startLoopbackSink();
  const loopback = new Map<RecordWorkload, Measurement>();
  try {
    await measureLoopbackCopy(sink.bootstrap, workloads[0]!.records * workloads[0]!.valueBytes);
    for (const workload of workloads) {
      const bytes = workload.records * workload.valueBytes;
      loopback.set(workload, await step(`loopback copy of ${workload.label} records' bytes, best of ${LOOPBACK_RUNS}`, () => bestLoopbackCopy(sink, bytes)));
    }
  } finally {
    await sink.stop();
  }

  log(`Embedded broker${profileDir ? ` (profiling into ${profileDir})` : ''}:`);
  const embedded = await startEmbeddedBroker({ partitions: PARTITIONS, cpuProfileDir: profileDir });
  const embeddedKcat = new Map<RecordWorkload, ProduceConsume>();
  const embeddedKcatRetained = new Map<RecordWorkload, Measurement>();
  const embeddedKafkajs = new Map<RecordWorkload, ProduceConsume>();
  const embeddedRaw = new Map<RecordWorkload, Measurement>();
  try {
    await warmUp(embedded, workloads, true);
    for (const workload of workloads) {
      embeddedKcat.set(workload, await kcatRound(embedded, workload, true));
      embeddedKcatRetained.set(workload, await kcatRetainedRound(embedded, workload));
    }
    for (const workload of workloads) embeddedKafkajs.set(workload, await kafkajsRound(embedded, workload));
    for (const workload of workloads) embeddedRaw.set(workload, await rawRound(embedded, workload, true));
  } finally {
    await embedded.stop();
  }

  log('librdkafka mock cluster:');
  const mock = await startMockCluster();
  const mockKcat = new Map<RecordWorkload, ProduceConsume>();
  const mockRaw = new Map<RecordWorkload, Measurement>();
  try {
    await warmUp(mock, workloads, false);
    for (const workload of workloads) mockKcat.set(workload, await kcatRound(mock, workload, false));
    for (const workload of workloads) mockRaw.set(workload, await rawRound(mock, workload, false));
  } finally {
    await mock.stop();
  }

  const results: SizeResults[] = workloads.map((workload) => ({
    workload,
    loopback: loopback.get(workload)!,
    embeddedKcat: embeddedKcat.get(workload)!,
    embeddedKcatRetained: embeddedKcatRetained.get(workload)!,
    embeddedKafkajs: embeddedKafkajs.get(workload)!,
    mockKcat: mockKcat.get(workload)!,
    embeddedRaw: embeddedRaw.get(workload)!,
    mockRaw: mockRaw.get(workload)!,
  }));
  const report = renderReport(results, { date, clientVersions: await kcatVersion(), partitions: PARTITIONS, messagesPerSend: MESSAGES_PER_SEND });
  process.stdout.write(`\n${report}\n`);

  if (profileDir) process.stdout.write(`\n${busiestProfileReport(profileDir, repoRoot, 'Embedded broker CPU profile')}\n`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
