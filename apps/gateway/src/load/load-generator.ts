import { performance } from 'node:perf_hooks';
import type { LoadGeneratorView, LoadStartParsed } from '@lanes/events';
import type { ProfileId, RandomSource } from '@lanes/partitioners';
import type { ProducerService } from '../kafka/producer-service';
import type { TopicService } from '../kafka/topic-service';
import { createKeySource, type KeySource } from './key-distributions';
import { loadValue } from './load-value';

/** How often a generator wakes up; each wake-up sends what the rate has earned since the last one. */
export const LOAD_TICK_MS = 25;
/**
 * How far behind a generator may fall and still catch up (a slow send, a busy event loop). Time
 * beyond this is dropped rather than sent in one burst, so `produced` shows the rate achieved.
 */
export const LOAD_MAX_CATCH_UP_MS = 500;
/** One send never carries more than this many records, however high the rate. */
export const LOAD_MAX_RECORDS_PER_SEND = 10_000;
/** Producer label in each record's `lanes-producer` header: the tap shows 'load' as its producer. */
export const LOAD_PRODUCER_LABEL = 'load';
/** acks=1: on the single-node embedded broker it is the same as all, and on a cluster it keeps up. */
const LOAD_ACKS = 1;

export interface LoadGeneratorDeps {
  producer: Pick<ProducerService, 'place' | 'send'>;
  topics: Pick<TopicService, 'partitionCount'>;
  /** Called when the view changes other than by counting (an error appears or clears, a late send lands). */
  onChange: () => void;
  log: (message: string) => void;
  random?: RandomSource;
}

/**
 * One running load generator. Every tick it adds rate × elapsed to a credit (fractions carry over,
 * so 0.5 msg/s sends one record every two seconds and 50,000 msg/s sends 1,250 per tick) and sends
 * the whole part of the credit as one produce. While a send is still in flight, ticks only add
 * credit (bounded by LOAD_MAX_CATCH_UP_MS): sends never pile up behind a slow or absent Kafka.
 */
export class LoadGenerator {
  private readonly nextKey: KeySource;
  private readonly maxCredit: number;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private lastTickAt = 0;
  private credit = 0;
  private sequence = 0;
  private produced = 0;
  private error: string | undefined;
  private refreshPartitionCount = false;

  constructor(
    readonly id: string,
    private readonly command: LoadStartParsed,
    private readonly profile: ProfileId,
    private readonly startedAt: number,
    private readonly deps: LoadGeneratorDeps,
  ) {
    const keyOptions = { distribution: command.distribution, keyCount: command.keyCount, hotKeyShare: command.hotKeyShare };
    this.nextKey = createKeySource(deps.random ? { ...keyOptions, random: deps.random } : keyOptions);
    // At least two records of credit, so a rate below one per tick still reaches a whole record.
    this.maxCredit = Math.max(2, (command.ratePerSecond * LOAD_MAX_CATCH_UP_MS) / 1000);
  }

  get running(): boolean {
    return this.timer !== null;
  }

  start(): void {
    if (this.timer) return;
    this.lastTickAt = performance.now();
    this.timer = setInterval(() => this.tick(), LOAD_TICK_MS);
    // The gateway's server keeps the process alive; a generator left running must not.
    this.timer.unref();
  }

  /** Stops producing; a send already in flight still lands and is counted. False if already stopped. */
  stop(): boolean {
    if (!this.timer) return false;
    clearInterval(this.timer);
    this.timer = null;
    return true;
  }

  /** Resolves once no send is in flight. */
  async settled(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  view(): LoadGeneratorView {
    const view: LoadGeneratorView = {
      id: this.id,
      topic: this.command.topic,
      ratePerSecond: this.command.ratePerSecond,
      distribution: this.command.distribution,
      profile: this.profile,
      produced: this.produced,
      startedAt: this.startedAt,
      running: this.running,
    };
    if (this.error !== undefined) view.error = this.error;
    return view;
  }

  private tick(): void {
    const at = performance.now();
    this.credit = Math.min(this.maxCredit, this.credit + (this.command.ratePerSecond * (at - this.lastTickAt)) / 1000);
    this.lastTickAt = at;
    if (this.inFlight) return;
    const count = Math.min(LOAD_MAX_RECORDS_PER_SEND, Math.floor(this.credit));
    if (count === 0) return;
    this.credit -= count;
    this.inFlight = this.send(count).finally(() => {
      this.inFlight = null;
    });
  }

  private async send(count: number): Promise<void> {
    const { topic, valueBytes } = this.command;
    try {
      // After a failure the topic may have been deleted or grown: ask Kafka again rather than the cache.
      const partitionCount = await this.deps.topics.partitionCount(topic, { refresh: this.refreshPartitionCount });
      const messages = [];
      for (let i = 0; i < count; i++) messages.push({ key: this.nextKey(), value: loadValue(this.id, this.sequence++, valueBytes) });
      const placed = this.deps.producer.place(topic, this.profile, partitionCount, messages);
      await this.deps.producer.send(topic, placed, LOAD_ACKS, LOAD_PRODUCER_LABEL);
      this.produced += count;
      this.refreshPartitionCount = false;
      if (this.error !== undefined || !this.running) {
        this.error = undefined;
        this.deps.onChange();
      }
    } catch (error) {
      // Kept running: the next tick tries again, and the dashboard shows why nothing lands meanwhile.
      const message = error instanceof Error ? error.message : String(error);
      this.refreshPartitionCount = true;
      if (message !== this.error) {
        this.error = message;
        this.deps.log(`load generator ${this.id} on '${topic}': ${message}`);
        this.deps.onChange();
      }
    }
  }
}
