import type { Admin } from 'kafkajs';
import type { LagView } from '@lanes/events';
import { partitionKey } from './topic-partitions';

export interface LagReading {
  lag: LagView[];
  /** Log start offset per partitionKey, to tell retention from a lost record. */
  logStart: Map<string, number>;
}

export interface LagPollerOptions {
  admin: Admin;
  groupId: string;
  topics: readonly string[];
  /** Where the group starts a partition it has never committed: decides that partition's lag. */
  autoOffsetReset: 'earliest' | 'latest';
  intervalMs: number;
  onReading: (reading: LagReading) => void;
  onError: (message: string) => void;
}

/**
 * Lag per partition, as `kafka-consumer-groups --describe` computes it: log end offset minus the
 * committed offset, both from the admin API so it means the same on a real cluster. A partition with
 * no commit yet has committed -1 and the lag the reset policy implies: everything for 'earliest',
 * nothing for 'latest'. Polls one request at a time, never overlapping.
 */
export class LagPoller {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private lastError = '';

  constructor(private readonly options: LagPollerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async read(): Promise<LagReading> {
    const { admin, groupId, topics, autoOffsetReset } = this.options;
    const [ends, committed] = await Promise.all([
      Promise.all(topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) }))),
      admin.fetchOffsets({ groupId, topics: [...topics] }),
    ]).catch(async (error: unknown) => {
      throw new Error(await explainFailure(admin, topics, error));
    });
    const committedByPartition = new Map<string, number>();
    for (const { topic, partitions } of committed) {
      for (const { partition, offset } of partitions) committedByPartition.set(partitionKey(topic, partition), Number(offset));
    }
    const lag: LagView[] = [];
    const logStart = new Map<string, number>();
    for (const { topic, offsets } of ends) {
      for (const { partition, high, low } of [...offsets].sort((a, b) => a.partition - b.partition)) {
        const logEndOffset = Number(high);
        const start = Number(low);
        const commit = committedByPartition.get(partitionKey(topic, partition)) ?? -1;
        logStart.set(partitionKey(topic, partition), start);
        const behind = commit >= 0 ? logEndOffset - commit : autoOffsetReset === 'earliest' ? logEndOffset - start : 0;
        lag.push({ topic, partition, committed: commit, logEndOffset, lag: Math.max(0, behind) });
      }
    }
    return { lag, logStart };
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.poll(), delayMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    try {
      const reading = await this.read();
      this.lastError = '';
      if (this.running) this.options.onReading(reading);
    } catch (error) {
      const message = `Could not read the lag of group '${this.options.groupId}': ${error instanceof Error ? error.message : String(error)}`;
      // Once per distinct problem, not twice a second.
      if (message !== this.lastError) this.options.onError(message);
      this.lastError = message;
    }
    if (this.running) this.schedule(this.options.intervalMs);
  }
}


/**
 * What a failed reading means. The usual cause is a topic deleted under the group, which kafkajs
 * reports as "This server does not host this topic-partition" or, when its metadata lists the topic
 * without partitions, as a TypeError of its own internals: name the topic instead.
 */
async function explainFailure(admin: Admin, topics: readonly string[], error: unknown): Promise<string> {
  const existing = new Set(await admin.listTopics().catch(() => topics));
  const missing = topics.filter((topic) => !existing.has(topic));
  if (missing.length > 0) {
    const names = missing.map((topic) => `'${topic}'`).join(', ');
    return `topic ${names} does not exist (deleted?); the lag stays unknown until it exists again`;
  }
  if (error instanceof TypeError) return `kafkajs lists no partitions for topic ${topics.map((topic) => `'${topic}'`).join(', ')} yet`;
  return error instanceof Error ? error.message : String(error);
}
