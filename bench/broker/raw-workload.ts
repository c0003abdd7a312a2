import { runCaptured } from './child-processes';
import type { Measurement } from './measurement';

const RAW_PRODUCER = 'bench/broker/raw-producer.ts';
const TIMEOUT_MS = 120_000;

/** Runs raw-producer.ts in its own process against `bootstrap` and returns what it measured. */
export async function rawProduce(bootstrap: string, topic: string, partitions: number, valueBytes: number, records: number): Promise<Measurement> {
  const { code, stdout, stderr } = await runCaptured(
    process.execPath,
    ['--import', 'tsx', RAW_PRODUCER, bootstrap, topic, String(partitions), String(valueBytes), String(records)],
    TIMEOUT_MS,
  );
  if (code !== 0) throw new Error(`the raw producer failed against ${bootstrap}: ${stderr.trim()}`);
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { records: number; valueBytes: number; elapsedMs: number };
  return { records: result.records, valueBytes: result.records * result.valueBytes, elapsedMs: result.elapsedMs };
}
