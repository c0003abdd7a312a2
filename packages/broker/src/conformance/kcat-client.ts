import { runProcess } from './client-process';

/** Helpers for driving kcat (librdkafka 2.0.2) from tests. */

export const KCAT = 'kcat';
/** One consumed record per line; the value is last so it may contain spaces. */
export const KCAT_RECORD_FORMAT = '%p %o %k %s\n';
const TIMEOUT_MS = 15_000;

export interface KcatRecord {
  partition: number;
  offset: number;
  key: string;
  value: string;
}

/**
 * The topic's partition count from `kcat -L -J`. kcat's metadata request allows auto-creation, so this
 * also creates the topic with the broker's default partition count; a broker may answer
 * LEADER_NOT_AVAILABLE with no partitions while it creates the topic, hence the retries.
 */
export async function kcatPartitionCount(bootstrap: string, topic: string): Promise<number> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const listed = await runProcess(KCAT, ['-b', bootstrap, '-L', '-J', '-t', topic], { timeoutMs: TIMEOUT_MS });
    if (listed.code !== 0) throw new Error(`kcat -L failed (${listed.code}): ${listed.stderr}`);
    const metadata = JSON.parse(listed.stdout) as { topics: Array<{ topic: string; partitions?: unknown[] }> };
    const count = metadata.topics.find((t) => t.topic === topic)?.partitions?.length ?? 0;
    if (count > 0) return count;
    if (Date.now() > deadline) throw new Error(`topic ${topic} has no partitions in metadata: ${listed.stdout}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Produces `key:value` lines with kcat's default (consistent_random) partitioner. */
export async function kcatProduceKeyed(bootstrap: string, topic: string, records: Array<{ key: string; value: string }>): Promise<void> {
  const input = records.map((r) => `${r.key}:${r.value}\n`).join('');
  const produced = await runProcess(KCAT, ['-b', bootstrap, '-P', '-t', topic, '-K:'], { input, timeoutMs: TIMEOUT_MS });
  if (produced.code !== 0) throw new Error(`kcat -P failed (${produced.code}): ${produced.stderr}`);
}

/** Parses KCAT_RECORD_FORMAT lines; kcat's own messages start with "%" and go to stderr. */
export function parseKcatRecords(lines: string[]): KcatRecord[] {
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^(\d+) (\d+) (\S*) (.*)$/.exec(line);
      if (!match) throw new Error(`kcat printed a line that is not "%p %o %k %s": ${JSON.stringify(line)}`);
      return { partition: Number(match[1]), offset: Number(match[2]), key: match[3] ?? '', value: match[4] ?? '' };
    });
}

/**
 * The partitions a `kcat -G` member holds now, from the lines it prints on stderr at each rebalance:
 *   % Group <group> rebalanced (memberid <id>): assigned: <topic> [0], <topic> [1]
 *   % Group <group> rebalanced (memberid <id>): revoked: <topic> [0], <topic> [1]
 */
export function kcatCurrentAssignment(stderrLines: string[]): number[] {
  let current: number[] = [];
  for (const line of stderrLines) {
    const match = /rebalanced \(memberid [^)]*\): (assigned|revoked): (.*)$/.exec(line);
    if (!match) continue;
    const partitions = [...(match[2] ?? '').matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    current = match[1] === 'assigned' ? partitions.sort((a, b) => a - b) : [];
  }
  return current;
}
