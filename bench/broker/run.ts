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
import { produceDamagedBatch } from './crc-probe';
import { countRecords, createTopic, deleteTopic, kafkajsConsume, kafkajsProduce } from './kafkajs-workload';
import { measureInterleaved } from './interleaved';
import { kcatConsume, kcatPartitionCount, kcatProduce, kcatVersion } from './kcat-workload';
import { measureLoopbackCopy } from './loopback-ceiling';
import { megabytesPerSecond, messagesPerSecond, type Measurement } from './measurement';
import { parseBenchOptions } from '../shared/bench-options';
import { cpuMilliseconds, reapedChildrenCpuMilliseconds } from '../shared/process-cpu';
import { busiestProfileReport } from './profile-summary';
import { renderReport, type FastestRounds, type ProduceConsume, type SizeResults } from './report';
import { rawProduce } from './raw-workload';
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
/**
 * A first, untimed pass of each workload so that V8 has compiled the broker's hot paths before
 * anything is measured. With a tenth of each (until 2026-11-22), `--trace-opt` showed V8 compiling
 * for about 55 ms in each of the first two measured 200 B rounds, a fifth of the broker's CPU in a
 * round and on the cores kcat needed; after a whole pass, 34 ms in the first and 1-10 ms after.
 */
const WARM_UP_FRACTION = 1;
/** kcat produce rounds per broker, interleaved; each side's median round is compared (interleaved.ts). */
const KCAT_ROUNDS = 10;
/** Raw producer and loopback copy rounds, interleaved the same way. */
const CAPACITY_ROUNDS = 7;
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

interface Brokers {
  embedded: RunningTarget;
  mock: RunningTarget;
  sink: RunningTarget;
}

/**
 * kcat produces the workload into a fresh topic per round: on the embedded broker one that keeps
 * everything (what a demo sees) and one that keeps 5 MiB per partition (what the mock cluster
 * keeps), and on the mock cluster. Every round checks that every record arrived. An embedded topic
 * is deleted once checked, so that later rounds do not run on a broker holding earlier rounds'
 * records; the last round's topic on each broker stays for kcat's consume, measured once after.
 */
async function kcatRounds(
  brokers: Brokers,
  workload: RecordWorkload,
): Promise<{ embedded: ProduceConsume; retained: Measurement; mock: ProduceConsume; fastest: FastestRounds['kcat'] }> {
  const { embedded, mock } = brokers;
  const topicOf = (kind: string, round: number) => `bench-kcat-${kind}-${workload.valueBytes}-${round}`;
  const last = KCAT_ROUNDS;
  const produceInto = async (target: RunningTarget, topic: string, deleteAfter: boolean) => {
    // kcat is the only child that exits while it runs, so the reaped children's CPU is its own.
    const brokerBefore = cpuMilliseconds(target.pid);
    const kcatBefore = reapedChildrenCpuMilliseconds();
    const produce = await kcatProduce(target.bootstrap, topic, workload);
    produce.cpu = { brokerMs: cpuMilliseconds(target.pid) - brokerBefore, clientMs: reapedChildrenCpuMilliseconds() - kcatBefore };
    await expectAppended(target, topic, workload.records);
    if (deleteAfter) await deleteTopic(target.bootstrap, topic);
    return produce;
  };
  log(`${workload.label} · kcat produce, ${KCAT_ROUNDS} interleaved rounds:`);
  const [embeddedRounds, retainedRounds, mockRounds] = await measureInterleaved(
    KCAT_ROUNDS,
    [
      {
        name: 'embedded broker',
        run: async (round) => produceInto(embedded, await prepareTopic(embedded, topicOf('all', round), true), round < last),
      },
      {
        name: 'embedded broker, keeping 5 MiB per partition',
        run: async (round) => {
          const topic = topicOf('retained', round);
          await createTopic(embedded.bootstrap, topic, PARTITIONS, { 'retention.bytes': String(MOCK_RETENTION_BYTES) });
          return produceInto(embedded, await prepareTopic(embedded, topic, false), true);
        },
      },
      { name: 'librdkafka mock cluster', run: async (round) => produceInto(mock, await prepareTopic(mock, topicOf('all', round), false), false) },
    ],
    log,
  );
  const consumeLastRound = (target: RunningTarget) =>
    step(`${target.name} · kcat consume ${workload.label}`, async () =>
      kcatConsume(target.bootstrap, topicOf('all', last), workload.valueBytes, await expectAppended(target, topicOf('all', last), workload.records)),
    );
  const embeddedConsume = await consumeLastRound(embedded);
  const mockConsume = await consumeLastRound(mock);
  await deleteTopic(embedded.bootstrap, topicOf('all', last));
  return {
    embedded: { produce: embeddedRounds.median, consume: embeddedConsume },
    retained: retainedRounds.median,
    mock: { produce: mockRounds.median, consume: mockConsume },
    fastest: { embedded: embeddedRounds.fastest, retained: retainedRounds.fastest, mock: mockRounds.fastest },
  };
}

/**
 * Ingest capacity: pre-built 16 KB batches pipelined by a client that costs next to nothing, into
 * both brokers (each keeping 5 MiB per partition), and the same bytes copied over plain loopback TCP,
 * interleaved.
 */
async function capacityRounds(
  brokers: Brokers,
  workload: RecordWorkload,
): Promise<{ embedded: Measurement; mock: Measurement; loopback: Measurement; fastest: FastestRounds['raw'] }> {
  const { embedded, mock, sink } = brokers;
  const topic = `bench-raw-${workload.valueBytes}`;
  await createTopic(embedded.bootstrap, topic, PARTITIONS, { 'retention.bytes': String(MOCK_RETENTION_BYTES) });
  await prepareTopic(embedded, topic, false);
  await prepareTopic(mock, topic, false);
  const raw = (target: RunningTarget) => () => rawProduce(target.bootstrap, topic, PARTITIONS, workload.valueBytes, workload.records);
  log(`${workload.label} · raw producer and loopback copy, ${CAPACITY_ROUNDS} interleaved rounds:`);
  const [embeddedRaw, mockRaw, loopback] = await measureInterleaved(
    CAPACITY_ROUNDS,
    [
      { name: 'embedded broker · raw producer, 16 KB batches', run: raw(embedded) },
      { name: 'librdkafka mock cluster · raw producer, 16 KB batches', run: raw(mock) },
      { name: "loopback copy of the records' bytes", run: () => measureLoopbackCopy(sink.bootstrap, workload.records * workload.valueBytes) },
    ],
    log,
  );
  await deleteTopic(embedded.bootstrap, topic);
  return {
    embedded: embeddedRaw.median,
    mock: mockRaw.median,
    loopback: loopback.median,
    fastest: { embedded: embeddedRaw.fastest, mock: mockRaw.fastest },
  };
}

async function kafkajsRound(target: RunningTarget, workload: RecordWorkload): Promise<ProduceConsume> {
  const topic = await prepareTopic(target, `bench-kafkajs-${workload.valueBytes}`, true);
  const produce = await step(`${target.name} · kafkajs produce ${workload.label}`, () =>
    kafkajsProduce(target.bootstrap, topic, workload.valueBytes, workload.records, MESSAGES_PER_SEND),
  );
  await expectAppended(target, topic, workload.records);
  const consume = await step(`${target.name} · kafkajs consume ${workload.label}`, () => kafkajsConsume(target.bootstrap, topic, workload.records));
  await deleteTopic(target.bootstrap, topic);
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

  // All three run at once, so that rounds can alternate between them (interleaved.ts).
  log(`Starting the loopback sink, the embedded broker${profileDir ? ` (profiling into ${profileDir})` : ''} and librdkafka's mock cluster ...`);
  const running: RunningTarget[] = [];
  const results: SizeResults[] = [];
  let crcChecks = { embedded: -1, mock: -1 };
  try {
    const sink = await startLoopbackSink();
    running.push(sink);
    const embedded = await startEmbeddedBroker({ partitions: PARTITIONS, cpuProfileDir: profileDir });
    running.push(embedded);
    const mock = await startMockCluster();
    running.push(mock);
    const brokers = { embedded, mock, sink };

    log('Warming up (untimed) ...');
    await measureLoopbackCopy(sink.bootstrap, workloads[0]!.records * workloads[0]!.valueBytes);
    await warmUp(embedded, workloads, true);
    await warmUp(mock, workloads, false);
    const warmUpTopic = `bench-warm-up-${workloads[0]!.valueBytes}`;
    crcChecks = { embedded: await produceDamagedBatch(embedded.bootstrap, warmUpTopic), mock: await produceDamagedBatch(mock.bootstrap, warmUpTopic) };
    log(`A batch with a wrong CRC-32C: embedded broker answers error ${crcChecks.embedded}, mock cluster ${crcChecks.mock}.`);
    // The embedded broker keeps everything: its warm-up records would otherwise stay for the whole run.
    for (const workload of workloads) await deleteTopic(embedded.bootstrap, `bench-warm-up-${workload.valueBytes}`);

    for (const workload of workloads) {
      const kcat = await kcatRounds(brokers, workload);
      const capacity = await capacityRounds(brokers, workload);
      const embeddedKafkajs = await kafkajsRound(embedded, workload);
      results.push({
        workload,
        loopback: capacity.loopback,
        embeddedKcat: kcat.embedded,
        embeddedKcatRetained: kcat.retained,
        embeddedKafkajs,
        mockKcat: kcat.mock,
        embeddedRaw: capacity.embedded,
        mockRaw: capacity.mock,
        fastest: { kcat: kcat.fastest, raw: capacity.fastest },
      });
    }
  } finally {
    for (const target of running.reverse()) await target.stop();
  }

  const report = renderReport(results, { date, clientVersions: await kcatVersion(), partitions: PARTITIONS, messagesPerSend: MESSAGES_PER_SEND, kcatRounds: KCAT_ROUNDS, capacityRounds: CAPACITY_ROUNDS, crcChecks });
  process.stdout.write(`\n${report}\n`);

  if (profileDir) process.stdout.write(`\n${busiestProfileReport(profileDir, repoRoot, 'Embedded broker CPU profile')}\n`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
