import { decodeRecordsBatch, type RecordsAggregate, type RecordView, type Result } from '@lanes/events';
import { io, type Socket } from 'socket.io-client';

/**
 * A dashboard stand-in: a socket.io client that watches topics the way the browser does and takes
 * `records:batch` as the browser must (decode the bytes, acknowledge). It can stop acknowledging, as
 * a frozen tab or a slow laptop would, and it tracks how far it has seen into each partition,
 * counting records that arrived as records and those that arrived only as counts
 * (`records:aggregate`, which the gateway sends a browser that fell behind).
 */

/** The earliest wall-clock time in ms with sub-millisecond precision, comparable across processes. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

interface CoverageWaiter {
  topic: string;
  lastOffsets: Map<number, number>;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class StreamClient {
  /** When false, batches are taken but never acknowledged. */
  acking = true;
  records = 0;
  aggregatedRecords = 0;
  batches = 0;
  /** Called with each batch's records and when the batch arrived (preciseNow). */
  onRecords: ((records: RecordView[], receivedAt: number) => void) | undefined;
  private readonly highestSeen = new Map<string, Map<number, number>>();
  private readonly waiters = new Set<CoverageWaiter>();
  private failure: Error | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('records:batch', (bytes: Uint8Array | ArrayBuffer, ack: () => void) => {
      const receivedAt = preciseNow();
      let records: RecordView[];
      try {
        records = decodeRecordsBatch(bytes).records;
      } catch (error) {
        this.fail(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      this.batches++;
      this.records += records.length;
      for (const record of records) this.see(record.topic, record.partition, record.offset);
      this.onRecords?.(records, receivedAt);
      if (this.acking) ack();
      this.checkWaiters();
    });
    socket.on('records:aggregate', (aggregate: RecordsAggregate) => {
      for (const range of aggregate.partitions) {
        this.aggregatedRecords += range.count;
        this.see(aggregate.topic, range.partition, range.toOffset);
      }
      this.checkWaiters();
    });
  }

  /** Connects over WebSocket (the browser upgrades to it too) and waits for the first snapshot. */
  static async connect(url: string): Promise<StreamClient> {
    const socket = io(url, { transports: ['websocket'], reconnection: false, timeout: 10_000 });
    const client = new StreamClient(socket);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no snapshot from ${url} within 10 s.`)), 10_000);
      socket.once('snapshot', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('connect_error', (error: Error) => {
        clearTimeout(timer);
        reject(new Error(`could not connect to ${url}: ${error.message}`));
      });
    });
    return client;
  }

  watch(topic: string, from: 'beginning' | 'now'): Promise<unknown> {
    return this.command('topic:watch', { topic, from });
  }

  unwatch(topic: string): Promise<unknown> {
    return this.command('topic:unwatch', { name: topic });
  }

  /**
   * Resolves once the client has seen, as records or as counts, every partition of `topic` up to
   * the offset before its high watermark (`highWatermarks[p]`); partitions with nothing are skipped.
   */
  waitUntilSeen(topic: string, highWatermarks: Map<number, number>, timeoutMs: number): Promise<void> {
    const lastOffsets = new Map([...highWatermarks].filter(([, high]) => high > 0).map(([partition, high]) => [partition, high - 1]));
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`the socket client had not seen all of ${topic} within ${timeoutMs / 1000} s (${this.records} records, ${this.aggregatedRecords} as counts).`));
      }, timeoutMs);
      const waiter: CoverageWaiter = {
        topic,
        lastOffsets,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      if (this.failure) {
        waiter.reject(this.failure);
        return;
      }
      this.waiters.add(waiter);
      this.checkWaiters();
    });
  }

  resetCounts(): void {
    this.records = 0;
    this.aggregatedRecords = 0;
    this.batches = 0;
  }

  close(): void {
    this.socket.close();
  }

  private command(name: string, payload: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.socket.timeout(30_000).emit(name, payload, (error: Error | null, result: Result<unknown>) => {
        if (error) reject(new Error(`${name} got no answer from the gateway within 30 s.`));
        else if (!result.ok) reject(new Error(`${name} failed: ${result.error.message}`));
        else resolve(result.data);
      });
    });
  }

  private see(topic: string, partition: number, offset: number): void {
    let partitions = this.highestSeen.get(topic);
    if (!partitions) {
      partitions = new Map();
      this.highestSeen.set(topic, partitions);
    }
    if (offset > (partitions.get(partition) ?? -1)) partitions.set(partition, offset);
  }

  /** A batch the bench cannot read ends every wait with the reason, rather than a crash. */
  private fail(error: Error): void {
    this.failure = error;
    for (const waiter of this.waiters) waiter.reject(error);
    this.waiters.clear();
  }

  private checkWaiters(): void {
    for (const waiter of this.waiters) {
      const seen = this.highestSeen.get(waiter.topic);
      let complete = true;
      for (const [partition, last] of waiter.lastOffsets) {
        if ((seen?.get(partition) ?? -1) < last) {
          complete = false;
          break;
        }
      }
      if (complete) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
