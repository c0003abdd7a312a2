/**
 * A typical kcat 1.7.1 (librdkafka 2.0.2) session, for the golden capture: keyed produce
 * (acks=all, then one acks=0 record), metadata list, a simple consumer from the beginning, and a
 * balanced group consumer (-G) that commits and leaves on exit.
 */
import { runProcess } from './run-process';
import type { SessionNames } from './session-names';

const CLIENT_ID = 'golden-kcat';
const KEYED_RECORDS = 'k1:golden-value-1\nk2:golden-value-2\nk3:golden-value-3\n';

export async function driveKcat(bootstrap: string, { topic, group }: SessionNames): Promise<void> {
  const base = ['-b', bootstrap, '-X', `client.id=${CLIENT_ID}`, '-m', '10'];
  await kcat([...base, '-P', '-t', topic, '-K', ':'], KEYED_RECORDS);
  await kcat([...base, '-P', '-t', topic, '-K', ':', '-X', 'acks=0'], 'k0:golden-acks-0\n');
  await kcat([...base, '-L', '-t', topic]);

  const consumed = await kcat([...base, '-C', '-t', topic, '-o', 'beginning', '-e', '-f', '%k=%s\n']);
  expectValues(consumed, 'kcat -C');

  const grouped = await kcat([
    ...base,
    '-G', group, topic,
    '-X', 'auto.offset.reset=earliest',
    '-X', 'heartbeat.interval.ms=100',
    '-X', 'auto.commit.interval.ms=100',
    '-X', 'fetch.wait.max.ms=100',
    '-e', '-f', '%k=%s\n',
  ]);
  expectValues(grouped, 'kcat -G');
}

function kcat(args: string[], input?: string): Promise<string> {
  return runProcess('kcat', args, { input, timeoutMs: 60_000 });
}

function expectValues(output: string, what: string): void {
  for (const value of ['golden-value-1', 'golden-value-2', 'golden-value-3']) {
    if (!output.includes(value)) throw new Error(`${what} did not print ${value}; it printed:\n${output}`);
  }
}
