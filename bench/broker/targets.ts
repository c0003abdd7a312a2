import type { ChildProcess } from 'node:child_process';
import { spawnStartScript, spawnTracked, spawnTypeScript, stderrTail, stopChild, waitForLine } from './child-processes';

/** A broker under test, running in its own process on loopback. */
export interface RunningTarget {
  readonly name: string;
  readonly bootstrap: string;
  /** Its process, whose CPU the bench reads from /proc. */
  readonly pid: number;
  /** The last few kilobytes the process wrote to stderr, for error messages. */
  stderrTail(): string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

export interface EmbeddedBrokerOptions {
  partitions: number;
  /** When set, the broker runs under `node --cpu-prof` and writes its profile here when stopped. */
  cpuProfileDir?: string;
}

/**
 * The embedded broker as `pnpm broker` starts it (its CLI, with the script's node flags), as a child
 * process so that it does not share an event loop with the clients that drive it. Stopped with
 * SIGTERM, which the CLI answers by closing the broker and exiting (so a CPU profile gets written).
 */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<RunningTarget> {
  const profiling = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = spawnStartScript('broker', ['--host', '127.0.0.1', '--port', '0', '--partitions', String(options.partitions)], { before: profiling });
  const bootstrap = await waitForLine(child, /listening on (\S+:\d+)/, 'the embedded broker', READY_TIMEOUT_MS);
  return running('embedded broker', child, bootstrap);
}

/** librdkafka's mock cluster, hosted by mock-cluster.py; it lives until its stdin closes. */
export async function startMockCluster(): Promise<RunningTarget> {
  const script = new URL('./mock-cluster.py', import.meta.url).pathname;
  const child = spawnTracked('/usr/bin/python3', [script], { stdio: ['pipe', 'pipe', 'pipe'] });
  const bootstrap = await waitForLine(child, /mock cluster listening on (\S+:\d+)/, 'the librdkafka mock cluster', READY_TIMEOUT_MS);
  const target = running('librdkafka mock cluster', child, bootstrap);
  return {
    ...target,
    stop: async () => {
      child.stdin?.end();
      await target.stop();
    },
  };
}

/** loopback-sink.ts: reads and discards, and reports the byte count when the client half-closes. */
export async function startLoopbackSink(): Promise<RunningTarget> {
  const child = spawnTypeScript('bench/broker/loopback-sink.ts', []);
  child.stdin?.end();
  const address = await waitForLine(child, /listening on (\S+:\d+)/, 'the loopback sink', READY_TIMEOUT_MS);
  return running('loopback sink', child, address);
}

/** Keeps draining the child's output (a full pipe would stall it) and remembers the end of stderr. */
function running(name: string, child: ChildProcess, bootstrap: string): RunningTarget {
  const tail = stderrTail(child);
  child.stdout?.resume();
  return {
    name,
    bootstrap,
    pid: child.pid!,
    stderrTail: tail,
    stop: () => stopChild(child),
  };
}
