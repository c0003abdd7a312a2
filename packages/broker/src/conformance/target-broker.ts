import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SYSTEM_PYTHON } from './client-process';

/**
 * The broker the conformance tests talk to.
 *
 * By default it is the embedded broker (packages/broker/src/index.ts). Setting
 * LANES_CONFORMANCE_TARGET=mock runs the same tests against librdkafka's built-in mock cluster
 * (test.mock.num.brokers, src/rdkafka_mock*.c) instead: a developer's tool to compare answers with a
 * reference peer when a conformance test fails, e.g.
 *   LANES_CONFORMANCE_TARGET=mock npx vitest run packages/broker/src/conformance
 * The mock has no CreateTopics (tests that create topics through an admin client fail against it)
 * and auto-creates topics with 4 partitions.
 *
 * @example
 *   const target = await startTarget();
 *   await runPythonClient('confluent_produce.py', { bootstrap: target.bootstrap, ... }, 15_000);
 *   await target.close();
 */
export type TargetKind = 'embedded' | 'mock';

export interface TargetBroker {
  /** host:port for bootstrap.servers. */
  bootstrap: string;
  kind: TargetKind;
  close(): Promise<void>;
}

const TARGET_ENV = 'LANES_CONFORMANCE_TARGET';
const MOCK_START_TIMEOUT_MS = 10_000;

export function targetKindFromEnv(value = process.env[TARGET_ENV]): TargetKind {
  if (value === undefined || value === '' || value === 'embedded') return 'embedded';
  if (value === 'mock') return 'mock';
  throw new Error(`${TARGET_ENV} must be "embedded" or "mock", not "${value}".`);
}

export async function startTarget(): Promise<TargetBroker> {
  return targetKindFromEnv() === 'mock' ? startMockCluster() : startEmbeddedBroker();
}

async function startEmbeddedBroker(): Promise<TargetBroker> {
  // Loaded lazily, so a mock run does not depend on the broker's code.
  const { startBroker } = await import('../index');
  // Group joins end as soon as every member rejoined: no 3 s initial delay in tests.
  const broker = await startBroker({ host: '127.0.0.1', port: 0, initialRebalanceDelayMs: 0 });
  return { bootstrap: broker.bootstrap, kind: 'embedded', close: () => broker.close() };
}

/** Starts clients/mock_cluster.py, which prints {"bootstrap"} and lives until its stdin closes. */
function startMockCluster(): Promise<TargetBroker> {
  const script = fileURLToPath(new URL('./clients/mock_cluster.py', import.meta.url));
  const child = spawn(SYSTEM_PYTHON, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async (): Promise<void> => {
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (reason: string): void => {
      child.kill('SIGKILL');
      reject(new Error(`librdkafka mock cluster ${reason}. stderr: ${stderr || '(empty)'}`));
    };
    const timer = setTimeout(() => fail(`did not start within ${MOCK_START_TIMEOUT_MS} ms`), MOCK_START_TIMEOUT_MS);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      const { bootstrap } = JSON.parse(stdout.slice(0, newline)) as { bootstrap: string };
      resolve({ bootstrap, kind: 'mock', close });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!stdout.includes('\n')) fail(`exited with code ${code} before printing its address`);
    });
  });
}
