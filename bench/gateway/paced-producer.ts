import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { preciseNow } from './stream-client';

/**
 * A kafkajs producer that sends at a fixed rate, each value starting with the moment it was sent
 * ("1731000000123.456 xxxx..."), so whoever receives it can tell how long it took. Every
 * `TICK_MS` it sends the records that are due, without waiting for earlier sends, so a slow
 * acknowledgement does not slow the rate; past `MAX_IN_FLIGHT_SENDS` it skips ticks, and the
 * achieved rate shows it.
 */

const TICK_MS = 5;
const MAX_IN_FLIGHT_SENDS = 200;

export interface PacedProduceOptions {
  topic: string;
  ratePerSecond: number;
  durationMs: number;
  valueBytes: number;
}

export interface PacedProduceResult {
  sent: number;
  elapsedMs: number;
  ratePerSecond: number;
}

/** The send time a paced value starts with, in ms since the epoch (sub-millisecond), or NaN. */
export function sentAtOf(value: string | Buffer | null | undefined): number {
  if (!value) return Number.NaN;
  const text = typeof value === 'string' ? value.slice(0, 32) : value.toString('latin1', 0, 32);
  return Number.parseFloat(text);
}

function stampedValue(sentAt: number, valueBytes: number): Buffer {
  const value = Buffer.alloc(valueBytes, 'x');
  value.write(`${sentAt.toFixed(3)} `, 0, 'latin1');
  return value;
}

export class PacedProducer {
  private constructor(private readonly producer: Producer) {}

  static async connect(bootstrap: string): Promise<PacedProducer> {
    const kafka = new Kafka({ clientId: 'lanes-bench-paced-producer', brokers: [bootstrap], logLevel: logLevel.ERROR, retry: { retries: 2 } });
    const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return new PacedProducer(producer);
  }

  async produce(options: PacedProduceOptions): Promise<PacedProduceResult> {
    const { topic, ratePerSecond, durationMs, valueBytes } = options;
    const pending = new Set<Promise<unknown>>();
    let sent = 0;
    let failure: unknown;
    const started = performance.now();
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const elapsed = performance.now() - started;
        if (elapsed >= durationMs || failure !== undefined) {
          clearInterval(timer);
          resolve();
          return;
        }
        const due = Math.floor((ratePerSecond * elapsed) / 1000) - sent;
        if (due <= 0 || pending.size >= MAX_IN_FLIGHT_SENDS) return;
        const sentAt = preciseNow();
        const messages = Array.from({ length: due }, () => ({ value: stampedValue(sentAt, valueBytes) }));
        sent += due;
        const send = this.producer.send({ topic, acks: 1, messages }).catch((error: unknown) => (failure ??= error));
        pending.add(send);
        void send.finally(() => pending.delete(send));
      }, TICK_MS);
    });
    await Promise.all(pending);
    if (failure !== undefined) throw new Error(`the paced producer failed to send to ${topic}: ${String(failure)}`);
    const elapsedMs = performance.now() - started;
    return { sent, elapsedMs, ratePerSecond: sent / (elapsedMs / 1000) };
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }
}
