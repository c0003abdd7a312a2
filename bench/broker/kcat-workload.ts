import { runCaptured, runTimed } from './child-processes';
import type { Measurement } from './measurement';
import type { RecordWorkload } from './workload-files';

/**
 * The kcat (librdkafka 2.0.2) workload, identical against every broker: produce a prepared file of
 * one value per line, then consume the topic from the beginning until end of partition.
 */

const KCAT = 'kcat';
const RUN_TIMEOUT_MS = 180_000;
/** librdkafka batching as in the issue: up to 16 KB per partition batch, 5 ms linger. */
export const KCAT_PRODUCER_SETTINGS = ['-X', 'linger.ms=5', '-X', 'batch.size=16384'];

/** Produces every line of the workload's file; the clock runs from spawn until kcat has flushed and exited. */
export async function kcatProduce(bootstrap: string, topic: string, workload: RecordWorkload, limit = workload.records): Promise<Measurement> {
  const args = ['-P', '-b', bootstrap, '-t', topic, ...KCAT_PRODUCER_SETTINGS, '-c', String(limit), '-l', workload.file];
  const run = await runTimed(KCAT, args, RUN_TIMEOUT_MS);
  // kcat reports each failed delivery on stderr ("% Delivery failed for message: ...").
  if (run.code !== 0 || /fail|error/i.test(run.stderr)) {
    throw new Error(`kcat -P to ${topic} failed (exit ${run.code}):\n${run.stderr.slice(-2000)}`);
  }
  return { records: limit, valueBytes: limit * workload.valueBytes, elapsedMs: run.elapsedMs };
}

/**
 * Consumes the topic from the beginning and checks that exactly `expectedRecords` values of
 * `valueBytes` arrived. `-c` makes kcat stop at the last expected record: with `-e` alone it would
 * learn of the end of each partition only from a fetch that comes back empty, which a broker holds
 * for fetch.wait.max.ms (500 ms), a constant that would swamp short runs. `-e` stays as a backstop.
 * The clock runs from spawn to the last output (kcat's stdout is block-buffered into the pipe).
 */
export async function kcatConsume(bootstrap: string, topic: string, valueBytes: number, expectedRecords: number): Promise<Measurement> {
  const args = ['-C', '-b', bootstrap, '-t', topic, '-e', '-c', String(expectedRecords), '-o', 'beginning', '-q'];
  const run = await runTimed(KCAT, args, RUN_TIMEOUT_MS);
  if (run.code !== 0) throw new Error(`kcat -C from ${topic} failed (exit ${run.code}):\n${run.stderr.slice(-2000)}`);
  const expectedBytes = expectedRecords * (valueBytes + 1);
  if (run.stdoutNewlines !== expectedRecords || run.stdoutBytes !== expectedBytes) {
    throw new Error(`kcat -C from ${topic} printed ${run.stdoutNewlines} records (${run.stdoutBytes} bytes); expected ${expectedRecords} (${expectedBytes} bytes).`);
  }
  return { records: expectedRecords, valueBytes: expectedRecords * valueBytes, elapsedMs: run.lastOutputMs };
}

/**
 * The topic's partition count from `kcat -L -J`. kcat's metadata request allows auto-creation, which
 * is how topics come to exist on the mock cluster; a broker may answer with no partitions while it
 * creates one, hence the retries.
 */
export async function kcatPartitionCount(bootstrap: string, topic: string): Promise<number> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const listed = await runCaptured(KCAT, ['-L', '-J', '-b', bootstrap, '-t', topic], 15_000);
    if (listed.code !== 0) throw new Error(`kcat -L against ${bootstrap} failed (exit ${listed.code}):\n${listed.stderr.slice(-2000)}`);
    const json = JSON.parse(listed.stdout) as { topics: Array<{ topic: string; partitions?: unknown[] }> };
    const count = json.topics.find((t) => t.topic === topic)?.partitions?.length ?? 0;
    if (count > 0) return count;
    if (Date.now() > deadline) throw new Error(`topic ${topic} has no partitions on ${bootstrap}.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** "kcat 1.7.1, librdkafka 2.0.2", from `kcat -V`. */
export async function kcatVersion(): Promise<string> {
  const { stdout } = await runCaptured(KCAT, ['-V'], 5_000);
  const match = /Version (\S+) .*librdkafka (\S+)/.exec(stdout);
  return match ? `kcat ${match[1]}, librdkafka ${match[2]}` : 'kcat (version unknown)';
}
