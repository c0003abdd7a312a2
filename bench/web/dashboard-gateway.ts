import { spawnStartScript, stderrTail, stopChild, waitForLine } from '../broker/child-processes';

/**
 * Lanes as a person starts it, in a child process of its own: the gateway with its embedded broker,
 * serving the built dashboard (`apps/web/dist`). Only loopback addresses; ports chosen by the OS.
 */
export interface DashboardGateway {
  /** http://127.0.0.1:PORT: the dashboard, socket.io and REST. */
  readonly url: string;
  /** host:port of the embedded broker, for the load producer. */
  readonly bootstrap: string;
  createTopic(name: string, partitions: number): Promise<void>;
  stderrTail(): string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

export async function startDashboardGateway(webDir: string): Promise<DashboardGateway> {
  const child = spawnStartScript('gateway', ['--host', '127.0.0.1', '--port', '0', '--broker-port', '0', '--web-dir', webDir, '--log-level', 'error']);
  const tail = stderrTail(child);
  const url = await waitForLine(child, /Lanes is running: open (http:\/\/\S+)/, 'the gateway', READY_TIMEOUT_MS);
  // Keep draining its output: a full pipe would stall it.
  child.stdout?.resume();
  const health = await requestJson(`${url}/api/health`);
  const bootstrap = (health as { bootstrap?: unknown }).bootstrap;
  if (typeof bootstrap !== 'string') throw new Error(`GET /api/health names no broker address: ${JSON.stringify(health)}`);

  return {
    url,
    bootstrap,
    async createTopic(name, partitions) {
      await requestJson(`${url}/api/topics`, { method: 'POST', body: { name, partitions } });
    },
    stderrTail: tail,
    stop: () => stopChild(child),
  };
}

async function requestJson(url: string, options: { method?: string; body?: unknown } = {}): Promise<unknown> {
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${options.method ?? 'GET'} ${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as unknown;
}
