import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { spawnTypeScript, stopChild, waitForLine } from '../broker/child-processes';
import { createTopic } from '../broker/kafkajs-workload';
import type { GatewayProcess } from './gateway-process';
import { LatencySamples, type LatencySummary } from './latency-samples';
import { PacedProducer, type PacedProduceResult } from './paced-producer';
import { preciseNow } from './stream-client';
import { highWatermarks, totalRecords } from './topic-offsets';
import { withTimeout } from './waits';

/**
 * Measure (2): produce at a steady rate, each value stamped with its send time, and time its
 * arrival at a socket.io client of the gateway and at a raw kafkajs eachBatch consumer, both
 * reading at once, each in a process of its own (latency-reader.ts). The first `warmUpMs` of
 * records are not counted. Send and arrival times come from each process's
 * performance.timeOrigin + performance.now(), on the same machine's clock.
 */
export interface LatencyOptions {
  topic: string;
  partitions: number;
  ratePerSecond: number;
  warmUpMs: number;
  measureMs: number;
  valueBytes: number;
}

export interface LatencyResult {
  produced: PacedProduceResult;
  raw: LatencySummary;
  gateway: LatencySummary;
}

const READY_TIMEOUT_MS = 45_000;
const RESULT_TIMEOUT_MS = 60_000;

interface ReaderResult {
  received: number;
  samples: Array<[number, number]>;
}

/** A reader process (latency-reader.ts); measure (3) uses one as its CPU baseline. */
export class LatencyReader {
  private readonly result: Promise<ReaderResult>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly what: string,
  ) {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
    this.result = new Promise<ReaderResult>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.startsWith('samples ')) resolve(JSON.parse(line.slice('samples '.length)) as ReaderResult);
      });
      child.on('exit', (code) => reject(new Error(`the ${what} exited (code ${code}) without its samples.\n${stderr}`)));
    });
    this.result.catch(() => {});
  }

  static async start(mode: 'raw' | 'tap-like' | 'socket', address: string, topic: string, extra: string[] = []): Promise<LatencyReader> {
    const child = spawnTypeScript('bench/gateway/latency-reader.ts', [mode, address, topic, ...extra]);
    const reader = new LatencyReader(child, `${mode} latency reader`);
    await waitForLine(child, /^ready$/m, reader.what, READY_TIMEOUT_MS);
    return reader;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Tells the reader how many records to wait for, and collects what it saw. */
  finish(expected: number): Promise<ReaderResult> {
    this.child.stdin?.end(`${expected}\n`);
    return withTimeout(this.result, RESULT_TIMEOUT_MS, `the ${this.what} did not report`);
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}

function summarize(result: ReaderResult, countFrom: number): LatencySummary {
  const samples = new LatencySamples();
  samples.countSentFrom(countFrom);
  for (const [sentAt, latency] of result.samples) samples.add(sentAt, sentAt + latency);
  return samples.summary();
}

export async function measureLatency(gateway: GatewayProcess, bootstrap: string, options: LatencyOptions): Promise<LatencyResult> {
  const { topic } = options;
  await createTopic(bootstrap, topic, options.partitions);
  const readers: LatencyReader[] = [];
  const producer = await PacedProducer.connect(bootstrap);
  try {
    const socket = await LatencyReader.start('socket', gateway.url, topic);
    readers.push(socket);
    const raw = await LatencyReader.start('raw', bootstrap, topic);
    readers.push(raw);
    const countFrom = preciseNow() + options.warmUpMs;
    const produced = await producer.produce({
      topic,
      ratePerSecond: options.ratePerSecond,
      durationMs: options.warmUpMs + options.measureMs,
      valueBytes: options.valueBytes,
    });
    const expected = totalRecords(await highWatermarks(bootstrap, topic));
    const [socketResult, rawResult] = await Promise.all([socket.finish(expected), raw.finish(expected)]);
    return { produced, raw: summarize(rawResult, countFrom), gateway: summarize(socketResult, countFrom) };
  } finally {
    await producer.disconnect().catch(() => {});
    await Promise.all(readers.map((reader) => reader.stop()));
  }
}
