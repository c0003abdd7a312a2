import type { Consumer, EachBatchPayload } from 'kafkajs';
import type { Assignor, MemberView, TopicPartition } from '@lanes/events';
import type { CommitPolicy } from './commit-modes';
import { createConsumerClient } from './consumer-client';
import { createCrashableSocketFactory, type CrashableSocketFactory } from './crashable-socket-factory';
import { InterruptibleDelay } from './interruptible-delay';
import { fromTopicMap } from './topic-partitions';

export interface ManagedConsumerSettings {
  groupId: string;
  consumerId: string;
  topics: readonly string[];
  brokers: string[];
  assignor: Assignor;
  autoOffsetReset: 'earliest' | 'latest';
  commit: CommitPolicy;
  sessionTimeoutMs: number;
  log: (message: string) => void;
}

/** A record this consumer finished processing. */
export interface ProcessedRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  /** The record timestamp (CreateTime: when it was produced). */
  timestamp: number;
}

/** What a consumer reports to its group; every callback is synchronous and must not throw. */
export interface ConsumerObserver {
  rebalancing(consumerId: string, at: number): void;
  joined(consumerId: string, join: { memberId: string; assignment: TopicPartition[]; durationMs: number; at: number }): void;
  /** A generation this member is in, from its heartbeats and commits. */
  generationSeen(consumerId: string, generation: number): void;
  committed(consumerId: string, offsets: { topic: string; partition: number; offset: number }[]): void;
  processed(consumerId: string, record: ProcessedRecord): void;
  batchEnded(consumerId: string, topic: string, partition: number): void;
  failed(consumerId: string, message: string): void;
}

type Lifecycle = 'starting' | 'running' | 'leaving' | 'crashed' | 'stopped';

/**
 * One consumer a person added with a button: a real kafkajs group member on its own kafkajs client
 * (so it can crash alone), processing records one at a time with an optional delay and committing as
 * its group's commit mode says.
 */
export class ManagedConsumer {
  memberId: string | null = null;
  /** The assignment of its latest GROUP_JOIN; a crashed member keeps it until Kafka takes it away. */
  assignment: TopicPartition[] = [];
  delayMs = 0;
  paused = false;
  crashedAt: number | null = null;
  expiresAt: number | null = null;
  private lifecycle: Lifecycle = 'starting';
  private joinedOnce = false;
  private rejoining = false;
  private readonly sockets: CrashableSocketFactory = createCrashableSocketFactory();
  private readonly delay = new InterruptibleDelay();
  private readonly consumer: Consumer;
  private readonly clientId: string;
  private runPromise: Promise<void> = Promise.resolve();
  private starting: Promise<void> | null = null;

  constructor(
    private readonly settings: ManagedConsumerSettings,
    private readonly observer: ConsumerObserver,
  ) {
    this.clientId = `lanes-${settings.consumerId}`;
    this.consumer = createConsumerClient({
      groupId: settings.groupId,
      clientId: this.clientId,
      brokers: settings.brokers,
      assignor: settings.assignor,
      sessionTimeoutMs: settings.sessionTimeoutMs,
      sockets: this.sockets,
      // A crashed consumer's kafkajs keeps trying to reach Kafka for a moment: expected, not news.
      shouldLog: () => !this.sockets.crashed && this.lifecycle !== 'stopped',
      // A live consumer comes back after an outage; a crashed or removed one stays down.
      shouldRestart: () => this.lifecycle === 'running',
      log: settings.log,
    });
    this.listen();
  }

  get id(): string {
    return this.settings.consumerId;
  }

  get crashed(): boolean {
    return this.lifecycle === 'crashed';
  }

  /** Running or starting: a member the group expects in its next generation. */
  get alive(): boolean {
    return this.lifecycle === 'starting' || this.lifecycle === 'running';
  }

  /** Connects and subscribes; joining the group continues in the background. */
  start(): Promise<void> {
    this.starting ??= this.connectAndRun();
    return this.starting;
  }

  private async connectAndRun(): Promise<void> {
    try {
      await this.consumer.connect();
      await this.consumer.subscribe({ topics: [...this.settings.topics], fromBeginning: this.settings.autoOffsetReset === 'earliest' });
    } catch (error) {
      this.lifecycle = 'stopped';
      await this.consumer.disconnect().catch(() => {});
      throw error;
    }
    if (this.lifecycle !== 'starting') return;
    this.lifecycle = 'running';
    const { commit } = this.settings;
    this.runPromise = this.consumer
      .run({
        autoCommit: commit.kafkajsAutoCommit,
        ...(commit.autoCommitIntervalMs !== null ? { autoCommitInterval: commit.autoCommitIntervalMs } : {}),
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 1,
        eachBatch: (payload) => this.processBatch(payload),
      })
      .catch((error: unknown) => this.observer.failed(this.id, errorText(error)));
  }

  /** Graceful: kafkajs sends LeaveGroup and the group rebalances at once. */
  async stop(): Promise<void> {
    await this.starting?.catch(() => {});
    if (this.lifecycle === 'stopped') return;
    const wasCrashed = this.lifecycle === 'crashed';
    if (!wasCrashed) this.lifecycle = 'leaving';
    const disconnecting = this.consumer.disconnect();
    this.delay.interrupt();
    await disconnecting.catch((error: unknown) => {
      if (!wasCrashed) this.settings.log(`Group '${this.settings.groupId}' ${this.id} did not leave cleanly: ${errorText(error)}`);
    });
    await this.runPromise;
    // A crashed consumer stays 'crashed' for the view; its client is released either way.
    if (!wasCrashed) this.lifecycle = 'stopped';
  }

  /**
   * Vanishes like a killed process: every connection is cut and no LeaveGroup is ever sent, so Kafka
   * notices only when the session times out. Returns when that will be at the latest.
   */
  crash(now: number): number {
    this.lifecycle = 'crashed';
    this.crashedAt = now;
    this.expiresAt = now + this.settings.sessionTimeoutMs;
    this.sockets.crash();
    this.delay.interrupt();
    return this.expiresAt;
  }

  pause(): void {
    this.paused = true;
    this.applyPause();
  }

  resume(): void {
    this.paused = false;
    if (this.lifecycle === 'running') this.consumer.resume(this.settings.topics.map((topic) => ({ topic })));
  }

  owns(topic: string, partition: number): boolean {
    return this.alive && this.assignment.some((p) => p.topic === topic && p.partition === partition);
  }

  /** Moves this member's position on a partition it owns and commits it, as a person resetting offsets expects. */
  async seek(topic: string, partition: number, offset: number): Promise<void> {
    this.consumer.seek({ topic, partition, offset: String(offset) });
    await this.consumer.commitOffsets([{ topic, partition, offset: String(offset) }]);
  }

  status(): MemberView['status'] {
    if (this.lifecycle === 'crashed') return 'crashed';
    if (this.lifecycle === 'leaving' || this.lifecycle === 'stopped') return 'leaving';
    if (!this.joinedOnce || this.rejoining) return 'joining';
    if (this.paused) return 'paused';
    return this.assignment.length === 0 ? 'idle' : 'active';
  }

  view(clientHost: string): MemberView {
    const view: MemberView = {
      memberId: this.memberId,
      consumerId: this.id,
      clientId: this.clientId,
      clientHost,
      assignment: this.assignment,
      status: this.status(),
      processingDelayMs: this.delayMs,
      sessionTimeoutMs: this.settings.sessionTimeoutMs,
    };
    if (this.expiresAt !== null) view.expiresAt = this.expiresAt;
    return view;
  }

  private listen(): void {
    const { consumer, observer } = this;
    const { events } = consumer;
    consumer.on(events.REBALANCING, ({ timestamp }) => {
      if (this.crashed) return;
      this.rejoining = true;
      observer.rebalancing(this.id, timestamp);
    });
    consumer.on(events.GROUP_JOIN, ({ payload, timestamp }) => {
      if (this.crashed) return;
      this.joinedOnce = true;
      this.rejoining = false;
      this.memberId = payload.memberId;
      this.assignment = fromTopicMap(payload.memberAssignment);
      // kafkajs forgets pauses when it restarts after an outage; a paused consumer stays paused.
      if (this.paused) this.applyPause();
      observer.joined(this.id, { memberId: payload.memberId, assignment: this.assignment, durationMs: payload.duration, at: timestamp });
    });
    consumer.on(events.HEARTBEAT, ({ payload }) => {
      if (!this.crashed) observer.generationSeen(this.id, payload.groupGenerationId);
    });
    consumer.on(events.COMMIT_OFFSETS, ({ payload }) => {
      if (this.crashed) return;
      observer.generationSeen(this.id, payload.groupGenerationId);
      const offsets = payload.topics.flatMap(({ topic, partitions }) => partitions.map(({ partition, offset }) => ({ topic, partition: Number(partition), offset: Number(offset) })));
      observer.committed(this.id, offsets);
    });
    consumer.on(events.CRASH, ({ payload }) => {
      if (this.crashed || this.lifecycle !== 'running') return;
      observer.failed(this.id, `${errorText(payload.error)}${payload.restart ? ' (restarting)' : ''}`);
    });
  }

  private applyPause(): void {
    if (this.lifecycle !== 'running') return;
    try {
      this.consumer.pause(this.settings.topics.map((topic) => ({ topic })));
    } catch {
      // Not running yet: GROUP_JOIN applies the pause.
    }
  }

  private mayProcess(): boolean {
    return this.lifecycle === 'running' && !this.paused;
  }

  /**
   * One record at a time: commit first (before-processing), sleep the processing delay, then count the
   * record as processed and commit after it (per-message) or after the batch (per-batch). A crash
   * during the delay abandons the record, as a killed process would.
   */
  private async processBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const { commit } = this.settings;
    const commitAt = (offset: number) => commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset: String(offset) }] }] });
    let lastProcessed: number | null = null;
    try {
      for (const message of batch.messages) {
        if (!this.mayProcess() || !isRunning() || isStale()) break;
        const offset = Number(message.offset);
        if (commit.beforeEachRecord) await commitAt(offset + 1);
        const rebalance = await this.processingDelay(heartbeat, isStale);
        if (this.lifecycle !== 'running' || isStale()) break;
        resolveOffset(message.offset);
        lastProcessed = offset;
        this.observer.processed(this.id, { topic, partition, offset, key: message.key?.toString('utf8') ?? null, timestamp: Number(message.timestamp) });
        if (commit.afterEachRecord) await commitAt(offset + 1);
        else if (commit.kafkajsAutoCommit) await commitOffsetsIfNecessary();
        // A rebalance announced during the delay is joined once this record is done, as a Java poll loop would.
        if (rebalance !== null) throw rebalance;
        // Between records, so a slow consumer still heartbeats and learns of a rebalance in time.
        await heartbeat();
      }
    } catch (error) {
      // A rebalance ends the batch early: commit what was processed first, as a Java consumer's
      // onPartitionsRevoked would, so an orderly hand-over re-delivers nothing.
      if (commit.afterEachBatch && lastProcessed !== null && !this.crashed) await commitAt(lastProcessed + 1).catch(() => {});
      throw error;
    } finally {
      this.observer.batchEnded(this.id, topic, partition);
    }
    if (commit.afterEachBatch && lastProcessed !== null && !this.crashed) await commitAt(lastProcessed + 1);
  }

  /**
   * Sleeps the processing delay, heartbeating as it goes so that a delay longer than the session
   * timeout does not get a live consumer expired. Returns the heartbeat's error (a rebalance) to
   * throw once the record is finished.
   */
  private async processingDelay(heartbeat: () => Promise<void>, isStale: () => boolean): Promise<unknown> {
    let failure: unknown = null;
    const until = Date.now() + this.delayMs;
    const step = Math.max(100, Math.floor(this.settings.sessionTimeoutMs / 10));
    while (Date.now() < until && this.lifecycle === 'running' && !isStale()) {
      await this.delay.sleep(Math.min(step, until - Date.now()));
      if (failure === null && this.lifecycle === 'running') await heartbeat().catch((error: unknown) => (failure = error));
    }
    return failure;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
