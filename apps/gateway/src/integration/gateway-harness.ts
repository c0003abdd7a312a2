/**
 * Real parts for the gateway's integration tests: a whole gateway (embedded broker, kafkajs, Express,
 * socket.io) on free ports, fetch() for REST and a real socket.io client. Nothing here stands in for
 * Kafka or for the gateway; these are only the hands and eyes of a person using it.
 */
import { spawn } from 'node:child_process';
import { decodeRecordsBatch, type CommandInput, type CommandName, type CommandResults, type RecordsAggregate, type RecordView, type Result, type Snapshot } from '@lanes/events';
import { io, type Socket } from 'socket.io-client';
import { parseConfig } from '../config';
import { startGateway, type RunningGateway } from '../gateway';

export type { RunningGateway } from '../gateway';

/** A gateway on free ports with its embedded broker; `config` overrides the defaults. */
export function startTestGateway(config: Record<string, unknown> = {}): Promise<RunningGateway> {
  return startGateway(parseConfig({ port: 0, brokerPort: 0, logLevel: 'silent', ...config }));
}

/** The gateway's address over loopback, whatever host it is bound to (0.0.0.0 included). */
export function loopbackUrl(gateway: RunningGateway): string {
  return `http://127.0.0.1:${gateway.port}`;
}

let sequence = 0;

/** A topic or group name no other test in this process uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${++sequence}`;
}

export interface Received {
  event: string;
  payload: unknown;
  at: number;
}

export interface ClientOptions {
  token?: string;
  /** Acknowledge each records:batch as it arrives (a browser keeping up). Default true. */
  acknowledge?: boolean;
}

/**
 * A browser, as the gateway sees it: a socket.io client that records every event, decodes
 * records:batch and acknowledges it (unless told to stop, like a browser tab that froze).
 */
export class TestClient {
  readonly received: Received[] = [];
  readonly records: RecordView[] = [];
  readonly aggregates: RecordsAggregate[] = [];
  recordBatches = 0;
  acknowledge: boolean;
  /** Acknowledgements held back while `acknowledge` was false, in arrival order. */
  readonly heldAcks: (() => void)[] = [];

  private constructor(
    readonly socket: Socket,
    options: ClientOptions,
  ) {
    this.acknowledge = options.acknowledge ?? true;
    socket.onAny((event: string, ...args: unknown[]) => {
      if (event === 'records:batch') return;
      this.received.push({ event, payload: args[0], at: Date.now() });
      if (event === 'records:aggregate') this.aggregates.push(args[0] as RecordsAggregate);
    });
    socket.on('records:batch', (bytes: Uint8Array | ArrayBuffer, ack: () => void) => {
      this.recordBatches++;
      this.records.push(...decodeRecordsBatch(bytes).records);
      if (this.acknowledge) ack();
      else this.heldAcks.push(ack);
    });
  }

  /** Connects and waits for the snapshot every browser gets first. */
  static async connect(url: string, options: ClientOptions = {}): Promise<TestClient> {
    const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...(options.token !== undefined ? { auth: { token: options.token } } : {}) });
    const client = new TestClient(socket, options);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect_error', reject);
      socket.once('snapshot', () => resolve());
    });
    return client;
  }

  get id(): string {
    return this.socket.id ?? '';
  }

  /** Sends a command and waits for its acknowledgement. */
  command<C extends CommandName>(name: C, payload: CommandInput<C> | unknown, timeoutMs = 15_000): Promise<Result<CommandResults[C]>> {
    return this.socket.timeout(timeoutMs).emitWithAck(name, payload) as Promise<Result<CommandResults[C]>>;
  }

  /** Like command, for payloads and event names outside the contract (fuzz, misuse). */
  raw(event: string, ...args: unknown[]): Promise<unknown> {
    return this.socket.timeout(5000).emitWithAck(event, ...args);
  }

  /** Acknowledges every held batch and acknowledges from now on. */
  resumeAcknowledging(): void {
    this.acknowledge = true;
    for (const ack of this.heldAcks.splice(0)) ack();
  }

  all<T = unknown>(event: string): T[] {
    return this.received.filter((r) => r.event === event).map((r) => r.payload as T);
  }

  snapshots(): Snapshot[] {
    return this.all<Snapshot>('snapshot');
  }

  recordsOf(topic: string): RecordView[] {
    return this.records.filter((record) => record.topic === topic);
  }

  close(): void {
    this.socket.disconnect();
  }
}

export interface RestAnswer<T = unknown> {
  status: number;
  body: T;
}

/** One REST call; `rawBody` is sent as it is (for malformed JSON), `body` as JSON. */
export async function rest<T = unknown>(
  gateway: RunningGateway,
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; token?: string; contentType?: string } = {},
): Promise<RestAnswer<T>> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(`${loopbackUrl(gateway)}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the test sees the text.
  }
  return { status: response.status, body: parsed as T };
}

/** Polls until `check` is true; fails with `describe()` after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`);
    await sleep(20);
  }
}

/** Like waitFor, for a check that asks Kafka. */
export async function waitForAsync(check: () => Promise<boolean>, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`);
    await sleep(100);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Log end offset of every partition of `topic`, as Kafka reports it. */
export async function logEndOffsets(gateway: RunningGateway, topic: string): Promise<number[]> {
  const offsets = await gateway.services.admin.fetchTopicOffsets(topic);
  return offsets.sort((a, b) => a.partition - b.partition).map((o) => Number(o.high));
}

export interface StoredRecord {
  partition: number;
  offset: number;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

/**
 * Everything Kafka stored in `topic`, read by a plain kafkajs consumer of its own (not the gateway's
 * tap): waits until `count` records arrived, then `settleMs` more to catch any extra.
 */
export async function readTopic(gateway: RunningGateway, topic: string, count: number, settleMs = 300): Promise<StoredRecord[]> {
  const consumer = gateway.services.kafka.consumer({ groupId: uniqueName('reader'), maxWaitTimeInMs: 100, sessionTimeout: 10_000 });
  const records: StoredRecord[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
        records.push({ partition, offset: Number(message.offset), key: message.key?.toString() ?? null, value: message.value?.toString() ?? '', headers });
      },
    });
    await waitFor(() => records.length >= count, 15_000, () => `${count} records in ${topic}; read ${records.length}`);
    await sleep(settleMs);
  } finally {
    await consumer.disconnect();
  }
  return records.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}

/**
 * An outside producer: kcat (librdkafka, from Debian) with `key:value` lines, as a person would type
 * `kcat -b <bootstrap> -P -t T -K:` next to the dashboard.
 */
export function kcatProduce(bootstrap: string, topic: string, lines: string[], extraArgs: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('kcat', ['-b', bootstrap, '-P', '-t', topic, '-K:', ...extraArgs], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kcat exited with ${code}: ${stderr}`))));
    child.stdin.end(lines.map((line) => `${line}\n`).join(''));
  });
}
