import { createInterface } from 'node:readline';
import { spawnStartScript, stderrTail, stopChild, waitForLine } from '../broker/child-processes';
import { parseMemoryLine, type GatewayMemory } from './memory-line';

/**
 * The gateway (apps/gateway/src/main.ts) as a child process of its own, so that its CPU and memory
 * can be read from /proc apart from the broker and from the clients that drive it. It is pointed at
 * a broker in another process (--kafka-brokers) rather than starting its embedded one: the embedded
 * broker keeps every record in memory and does the broker's share of the work, which would
 * otherwise be counted as the gateway's.
 */
export interface GatewayProcess {
  /** http://127.0.0.1:PORT, for socket.io and REST. */
  readonly url: string;
  readonly pid: number;
  /** Heap and RSS after a full garbage collection, through memory-probe.ts. */
  memory(): Promise<GatewayMemory>;
  /** `streamed` of GET /api/health: records and batches the stream hub has sent since start. */
  streamed(): Promise<{ records: number; batches: number }>;
  stderrTail(): string;
  stop(): Promise<void>;
}

export interface GatewayProcessOptions {
  kafkaBrokers: string;
  /** When set, the gateway runs under `node --cpu-prof` and writes its profile here when stopped. */
  cpuProfileDir?: string;
}

const READY_TIMEOUT_MS = 30_000;
const MEMORY_TIMEOUT_MS = 10_000;

export async function startGatewayProcess(options: GatewayProcessOptions): Promise<GatewayProcess> {
  const profiling = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  // As `pnpm gateway` starts it, then the memory probe, which needs tsx loaded and gc() exposed.
  const child = spawnStartScript('gateway', ['--host', '127.0.0.1', '--port', '0', '--kafka-brokers', options.kafkaBrokers, '--log-level', 'error'], {
    before: [...profiling, '--expose-gc'],
    after: ['--import', './bench/gateway/memory-probe.ts'],
  });
  const tail = stderrTail(child);
  const waiting: Array<(memory: GatewayMemory) => void> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const memory = parseMemoryLine(line);
    if (memory) waiting.shift()?.(memory);
  });
  const url = await waitForLine(child, /Lanes is running: open (http:\/\/\S+)/, 'the gateway', READY_TIMEOUT_MS);
  const pid = child.pid!;

  return {
    url,
    pid,
    memory: () =>
      new Promise<GatewayMemory>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the gateway's memory probe did not answer within ${MEMORY_TIMEOUT_MS} ms.\n${tail()}`)), MEMORY_TIMEOUT_MS);
        waiting.push((memory) => {
          clearTimeout(timer);
          resolve(memory);
        });
        child.kill('SIGUSR2');
      }),
    streamed: async () => {
      const response = await fetch(`${url}/api/health`);
      const health = (await response.json()) as { streamed?: { records?: unknown; batches?: unknown } };
      const { records, batches } = health.streamed ?? {};
      if (typeof records !== 'number' || typeof batches !== 'number') throw new Error(`GET /api/health has no streamed totals: ${JSON.stringify(health)}`);
      return { records, batches };
    },
    stderrTail: tail,
    // A profile is written only on a clean exit, which waits for the gateway to close its clients.
    stop: () => stopChild(child, options.cpuProfileDir ? 20_000 : 5_000),
  };
}
