import { spawnStartScript, stopChild, waitForLine } from '../broker/child-processes';

/**
 * The embedded broker as `pnpm broker` starts it, in a process of its own, as bench/broker/targets.ts
 * starts it, but keeping the pid: this bench reads the broker's CPU from /proc too, and
 * targets.ts's RunningTarget does not expose it.
 */
export interface BrokerProcess {
  readonly bootstrap: string;
  readonly pid: number;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

export async function startBrokerProcess(partitions: number): Promise<BrokerProcess> {
  const child = spawnStartScript('broker', ['--host', '127.0.0.1', '--port', '0', '--partitions', String(partitions), '--quiet']);
  const bootstrap = await waitForLine(child, /listening on (\S+:\d+)/, 'the embedded broker', READY_TIMEOUT_MS);
  // Keep draining its output: a full pipe would stall it.
  child.stdout?.resume();
  child.stderr?.resume();
  return { bootstrap, pid: child.pid!, stop: () => stopChild(child) };
}
