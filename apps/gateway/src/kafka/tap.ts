import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import type { RecordRun } from '../stream/record-run';
import { messageRun } from './message-run';

/** Groups the tap uses; hidden from the dashboard's list of groups. */
export const TAP_GROUP_PREFIX = 'lanes-tap-';

export interface TapOptions {
  /** Each partition's new records from one fetch, oldest first. */
  onRecords: (run: RecordRun) => void;
  onError?: (message: string) => void;
  /**
   * Fetch sizing: Kafka holds a fetch until `minBytes` are ready or `maxWaitTimeInMs` has passed.
   * Fewer, fuller fetches are most of what a record costs the gateway (bench/gateway); the wait
   * bounds what that adds to a record's way to the browser. Defaults: 1 byte, 100 ms.
   */
  minBytes?: number;
  maxWaitTimeInMs?: number;
}

/**
 * Reads every partition of the watched topics and hands each record to `onRecords`, whoever produced
 * it: the panel, the load generator, or an outside client. It remembers the last offset it showed
 * per partition and, whenever its consumer (re)joins, after an outage or a change of topics, seeks
 * to the next one: no record shown twice, none missing.
 *
 * kafkajs has no manual assignment, so the tap is a one-member group of its own that never commits.
 */
export class Tap {
  readonly groupId = `${TAP_GROUP_PREFIX}${randomUUID()}`;
  private readonly watchedTopics = new Map<string, 'beginning' | 'now'>();
  private readonly lastShown = new Map<string, number>();
  private consumer: Consumer | null = null;
  private restarting: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: TapOptions,
  ) {}

  isWatched(topic: string): boolean {
    return this.watchedTopics.has(topic);
  }

  watched(): string[] {
    return [...this.watchedTopics.keys()];
  }

  /** Starts showing a topic; `from` applies to partitions the tap has not shown before. */
  watch(topic: string, from: 'beginning' | 'now'): Promise<void> {
    if (this.watchedTopics.has(topic)) return this.restarting;
    this.watchedTopics.set(topic, from);
    return this.restart();
  }

  unwatch(topic: string): Promise<void> {
    if (!this.watchedTopics.delete(topic)) return this.restarting;
    for (const key of this.lastShown.keys()) if (key.startsWith(`${topic}\u0000`)) this.lastShown.delete(key);
    return this.restart();
  }

  /** After a topic was deleted or grew: rejoin so the assignment matches Kafka again. */
  refresh(): Promise<void> {
    return this.restart();
  }

  forget(topic: string): Promise<void> {
    return this.unwatch(topic);
  }

  /**
   * Kafka was replaced (a different cluster answers): the offsets shown so far belong to logs that
   * are gone, so start every watched topic again from its beginning, and rejoin.
   */
  clusterReplaced(): Promise<void> {
    this.lastShown.clear();
    for (const topic of this.watchedTopics.keys()) this.watchedTopics.set(topic, 'beginning');
    return this.restart();
  }

  private restart(): Promise<void> {
    this.restarting = this.restarting.then(() => this.replaceConsumer()).catch((error: unknown) => this.options.onError?.(`The tap could not restart: ${String(error)}`));
    return this.restarting;
  }

  private async replaceConsumer(): Promise<void> {
    const previous = this.consumer;
    this.consumer = null;
    if (previous) await previous.disconnect().catch(() => {});
    if (this.closed || this.watchedTopics.size === 0) return;
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? 100,
      minBytes: this.options.minBytes ?? 1,
      allowAutoTopicCreation: false,
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 3000 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      for (const [topic, partitions] of Object.entries(payload.memberAssignment)) {
        for (const partition of partitions) this.seekForJoin(consumer, topic, partition);
      }
    });
    await consumer.connect();
    for (const [topic, from] of this.watchedTopics) await consumer.subscribe({ topic, fromBeginning: from === 'beginning' });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: async ({ batch }) => {
        const key = `${batch.topic}\u0000${batch.partition}`;
        let shown = this.lastShown.get(key) ?? -1;
        // A log that now ends before what was shown was replaced or truncated: what it holds is new.
        if (Number(batch.highWatermark) < shown + 1) {
          this.options.onError?.(`${batch.topic}-${batch.partition} now ends at offset ${batch.highWatermark}, before offset ${shown} that was shown: the log was replaced; showing it from its start.`);
          shown = -1;
          this.lastShown.delete(key);
        }
        // Offsets rise within a batch: skip what was shown before (a rejoin can fetch it again).
        const messages = batch.messages;
        let first = 0;
        while (first < messages.length && Number(messages[first]!.offset) <= shown) first++;
        if (first === messages.length) return;
        const run = messageRun(batch.topic, batch.partition, first === 0 ? messages : messages.slice(first));
        this.lastShown.set(key, run.offsetAt(run.length - 1));
        this.options.onRecords(run);
      },
    });
  }

  private seekForJoin(consumer: Consumer, topic: string, partition: number): void {
    const shown = this.lastShown.get(`${topic}\u0000${partition}`);
    if (shown !== undefined) consumer.seek({ topic, partition, offset: String(shown + 1) });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.restarting;
    await this.consumer?.disconnect().catch(() => {});
  }
}
