import type { Admin, Kafka } from 'kafkajs';
import type { BrokerEvents } from '@lanes/broker';
import { limits, type GroupCreateParsed, type GroupView, type LagView, type SeekTarget, type TopicPartition } from '@lanes/events';
import { CommandFailure, kafkaFailure } from '../command-failure';
import { commitPolicy } from './commit-modes';
import type { GroupHub } from './group-hub';
import { GroupKafkaState } from './group-kafka-state';
import { seekGroup } from './group-seek';
import { LagPoller, type LagReading } from './lag-poller';
import { ManagedConsumer, type ConsumerObserver, type ProcessedRecord } from './managed-consumer';
import { ProcessingMonitor } from './processing-monitor';
import { RebalanceTracker, type CompletedRebalance, type DepartureOf } from './rebalance-tracker';
import { seekPositions, type SeekPosition } from './seek-positions';
import { partitionKey } from './topic-partitions';

export interface ManagedGroupDeps {
  /** For short-lived helpers (setting an empty group's offsets); consumers get clients of their own. */
  kafka: Kafka;
  admin: Admin;
  hub: GroupHub;
  brokerEvents: BrokerEvents | null;
  brokers: string[];
  log: (message: string) => void;
}

/** Lag is re-read this often while the group exists (the dashboard's bars move at most twice a second). */
const LAG_POLL_MS = 500;
/** A rebalance round still missing members after this long is reported with those that joined. */
const ROUND_TIMEOUT_MS = 3000;

/**
 * One consumer group run by the gateway: its consumers, and what Kafka did with them (membership,
 * rebalances, commits, lag), streamed to the dashboard. With the embedded broker, its group events
 * add exact generations and the moment a crashed member expires; on a real cluster the same comes
 * from kafkajs instrumentation and the admin API.
 */
export class ManagedGroup implements ConsumerObserver {
  readonly groupId: string;
  private readonly consumers = new Map<string, ManagedConsumer>();
  private nextConsumerNumber = 1;
  /** Members that left or expired, remembered until the rebalance they cause is reported. */
  private readonly departures = new Map<string, 'left' | 'expired'>();
  private readonly rebalances = new RebalanceTracker();
  private readonly processing: ProcessingMonitor;
  private readonly lagPoller: LagPoller;
  private readonly kafkaState: GroupKafkaState;
  private lag: LagView[] = [];
  private lagKey = '';
  private logStart = new Map<string, number>();
  private roundTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    readonly settings: GroupCreateParsed,
    private readonly deps: ManagedGroupDeps,
  ) {
    this.groupId = settings.groupId;
    this.processing = new ProcessingMonitor(this.groupId, deps.hub, (topic, partition) => this.readLogStart(topic, partition), deps.log);
    this.lagPoller = new LagPoller({
      admin: deps.admin,
      groupId: this.groupId,
      topics: settings.topics,
      autoOffsetReset: settings.autoOffsetReset,
      intervalMs: LAG_POLL_MS,
      onReading: (reading) => this.lagRead(reading),
      onError: deps.log,
    });
    // Three heartbeats of a member, plus a second for the commit or fetch in between.
    const labelWaitMs = 3 * Math.max(100, Math.floor(settings.sessionTimeoutMs / 10)) + 1000;
    this.kafkaState = new GroupKafkaState(this.groupId, deps.admin, deps.brokerEvents, labelWaitMs, {
      changed: () => this.emitView(),
      memberExpired: (memberId, at) => this.memberExpired(memberId, at),
      rebalanced: (rebalance, generation) => this.publishRebalance(rebalance, generation),
    });
  }

  /** Learns where the group starts on each partition, then starts `settings.consumers` consumers. */
  async start(): Promise<void> {
    let reading: LagReading;
    try {
      reading = await this.lagPoller.read();
    } catch (error) {
      throw kafkaFailure(`read the offsets of group '${this.groupId}'`, error);
    }
    this.lagRead(reading);
    for (const { topic, partition, committed } of reading.lag) {
      // Where Kafka will start this group: its commit, or the log start for 'earliest'. For 'latest' the
      // first record read is the start (records produced meanwhile are skipped by design, not lost).
      if (committed >= 0) this.processing.expectNext(topic, partition, committed);
      else if (this.settings.autoOffsetReset === 'earliest') this.processing.expectNext(topic, partition, reading.logStart.get(partitionKey(topic, partition)) ?? 0);
    }
    this.lagPoller.start();
    const started = await Promise.allSettled(Array.from({ length: this.settings.consumers }, () => this.addConsumer()));
    const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
  }

  async addConsumer(): Promise<string> {
    if (this.consumers.size >= limits.maxConsumersPerGroup) {
      throw new CommandFailure('invalid_input', `Group '${this.groupId}' already has ${limits.maxConsumersPerGroup} consumers, the most Lanes runs in one group. Remove one first.`);
    }
    const consumerId = `c${this.nextConsumerNumber++}`;
    const consumer = new ManagedConsumer(
      {
        groupId: this.groupId,
        consumerId,
        topics: this.settings.topics,
        brokers: this.deps.brokers,
        assignor: this.settings.assignor,
        autoOffsetReset: this.settings.autoOffsetReset,
        commit: commitPolicy(this.settings.commitMode, this.settings.autoCommitIntervalMs),
        sessionTimeoutMs: this.settings.sessionTimeoutMs,
        log: this.deps.log,
      },
      this,
    );
    this.consumers.set(consumerId, consumer);
    this.emitView();
    try {
      await consumer.start();
    } catch (error) {
      this.consumers.delete(consumerId);
      this.emitView();
      throw kafkaFailure(`start consumer ${consumerId} of group '${this.groupId}'`, error);
    }
    return consumerId;
  }

  /** Graceful: LeaveGroup, and the others rebalance at once. */
  async removeConsumer(consumerId: string): Promise<void> {
    const consumer = this.live(consumerId, 'remove');
    this.departures.set(consumerId, 'left');
    this.rebalances.noteStart(Date.now());
    const stopping = consumer.stop();
    this.emitView();
    await stopping;
    this.consumers.delete(consumerId);
    this.memberGone(consumerId);
  }

  crashConsumer(consumerId: string): { consumerId: string; expiresAt: number } {
    const expiresAt = this.live(consumerId, 'crash').crash(Date.now());
    this.recheckRound();
    this.emitView();
    return { consumerId, expiresAt };
  }

  pauseConsumer(consumerId: string): void {
    this.live(consumerId, 'pause').pause();
    this.emitView();
  }

  resumeConsumer(consumerId: string): void {
    this.live(consumerId, 'resume').resume();
    this.emitView();
  }

  setDelay(consumerId: string, delayMs: number): void {
    this.find(consumerId).delayMs = delayMs;
    this.emitView();
  }

  /** Sends every partition of the group to `to` (see seekGroup); re-reading after it is neither a duplicate nor out of order. */
  async seek(to: SeekTarget): Promise<GroupView> {
    const positions = await seekPositions(this.deps.admin, this.settings.topics, to);
    this.processing.seeking();
    const onMove = ({ topic, partition, offset }: SeekPosition) => this.processing.expectNext(topic, partition, offset);
    await seekGroup(this.deps.kafka, this.groupId, [...this.consumers.values()], positions, onMove, this.deps.log);
    try {
      this.lagRead(await this.lagPoller.read());
    } catch {
      // The next poll shows it.
    }
    return this.view();
  }

  has(consumerId: string): boolean {
    return this.consumers.has(consumerId);
  }

  crashedMembers(): ManagedConsumer[] {
    return [...this.consumers.values()].filter((consumer) => consumer.crashed);
  }

  view(): GroupView {
    const { groupId, topics, assignor, autoOffsetReset, commitMode, sessionTimeoutMs } = this.settings;
    return {
      groupId,
      managed: true,
      topics: [...topics],
      assignor,
      autoOffsetReset,
      commitMode,
      sessionTimeoutMs,
      state: this.kafkaState.state,
      generation: this.kafkaState.generation,
      members: [...this.consumers.values()].map((consumer) => consumer.view(this.kafkaState.hostOf(consumer.memberId))),
      lag: this.lag,
    };
  }

  /** Stops every consumer gracefully (crashed ones only release their client) and every timer. */
  async stop(): Promise<void> {
    this.closed = true;
    this.lagPoller.stop();
    this.kafkaState.stop();
    if (this.roundTimer) clearTimeout(this.roundTimer);
    await Promise.all([...this.consumers.values()].map((consumer) => consumer.stop()));
  }

  // ConsumerObserver: what each consumer's kafkajs reports.

  rebalancing(_consumerId: string, at: number): void {
    this.rebalances.noteStart(at);
    this.kafkaState.rebalancing();
    this.emitView();
  }

  joined(consumerId: string, join: { memberId: string; assignment: TopicPartition[]; durationMs: number; at: number }): void {
    const generation = this.kafkaState.exact ? this.kafkaState.generation : null;
    for (const done of this.rebalances.join({ consumerId, generation, ...join }, this.expectedMembers(), this.departureOf)) this.completeRebalance(done);
    if (this.roundTimer) clearTimeout(this.roundTimer);
    this.roundTimer = null;
    if (this.rebalances.roundOpen) {
      this.roundTimer = setTimeout(() => {
        this.roundTimer = null;
        const done = this.rebalances.finish(this.departureOf);
        if (done) this.completeRebalance(done);
        this.emitView();
      }, ROUND_TIMEOUT_MS);
      this.roundTimer.unref();
    } else {
      this.kafkaState.settled();
    }
    this.emitView();
  }

  generationSeen(_consumerId: string, generation: number): void {
    this.kafkaState.generationSeen(generation);
  }

  committed(consumerId: string, offsets: { topic: string; partition: number; offset: number }[]): void {
    if (offsets.length > 0) this.deps.hub.emit('offsets:committed', { groupId: this.groupId, consumerId, offsets });
  }

  processed(consumerId: string, record: ProcessedRecord): void {
    this.processing.processed(consumerId, record);
  }

  batchEnded(_consumerId: string, topic: string, partition: number): void {
    this.processing.batchEnded(topic, partition);
  }

  failed(consumerId: string, message: string): void {
    this.deps.log(`Group '${this.groupId}' ${consumerId}: ${message}`);
  }

  private readonly departureOf: DepartureOf = (consumerId) => {
    const departure = this.departures.get(consumerId);
    if (departure) return departure;
    const consumer = this.consumers.get(consumerId);
    if (!consumer) return 'gone';
    if (consumer.crashed) return 'expired';
    return consumer.alive ? null : 'left';
  };

  private expectedMembers(): Set<string> {
    return new Set([...this.consumers.values()].filter((consumer) => consumer.alive).map((consumer) => consumer.id));
  }

  private live(consumerId: string, action: string): ManagedConsumer {
    const consumer = this.find(consumerId);
    if (consumer.crashed) throw new CommandFailure('conflict', `Consumer ${consumerId} has crashed; Kafka removes it when its session times out. Add a new consumer instead of trying to ${action} it.`, 'consumerId');
    if (!consumer.alive) throw new CommandFailure('conflict', `Consumer ${consumerId} is leaving the group already.`, 'consumerId');
    return consumer;
  }

  private find(consumerId: string): ManagedConsumer {
    const consumer = this.consumers.get(consumerId);
    if (!consumer) {
      const known = [...this.consumers.keys()];
      throw new CommandFailure('not_found', `Group '${this.groupId}' has no consumer '${consumerId}'${known.length ? `; its consumers are ${known.join(', ')}` : '; add one first'}.`, 'consumerId');
    }
    return consumer;
  }

  /** A member left or expired: the rebalance it causes may already be complete, or there may be nobody left to have one. */
  private memberGone(consumerId: string): void {
    if (this.expectedMembers().size === 0) {
      // Nobody rejoins an empty group: there is no rebalance to report, only a member less.
      this.rebalances.forget(consumerId);
      this.departures.delete(consumerId);
    }
    this.recheckRound();
    this.emitView();
  }

  private recheckRound(): void {
    const done = this.rebalances.recheck(this.expectedMembers(), this.departureOf);
    if (done) this.completeRebalance(done);
  }

  private completeRebalance(done: CompletedRebalance): void {
    for (const { member } of done.changes) {
      if (done.assignments.has(member)) continue;
      // Missing from the new generation: a crashed member is gone for good now.
      const consumer = this.consumers.get(member);
      if (consumer?.crashed) {
        this.consumers.delete(member);
        void consumer.stop();
      }
      this.departures.delete(member);
    }
    this.kafkaState.completed(done);
  }

  private publishRebalance(done: CompletedRebalance, generation: number): void {
    if (this.closed) return;
    this.deps.hub.emit('group:rebalanced', {
      groupId: this.groupId,
      generation,
      startedAt: done.startedAt,
      durationMs: done.durationMs,
      reason: done.reason,
      protocol: 'eager',
      changes: done.changes,
    });
    // The view carries the generation too.
    this.emitView();
  }

  /** The embedded broker expired a member: a crashed consumer is gone, and the others rebalance. */
  private memberExpired(memberId: string, at: number): void {
    const consumer = [...this.consumers.values()].find((c) => c.memberId === memberId);
    if (!consumer) return;
    if (!consumer.crashed) {
      // A live consumer that went silent too long (Kafka calls it dead): kafkajs rejoins with a new member id.
      this.rebalances.noteStart(at);
      this.deps.log(`Group '${this.groupId}': Kafka expired live consumer ${consumer.id}; it rejoins.`);
      return;
    }
    this.departures.set(consumer.id, 'expired');
    this.rebalances.noteStart(at);
    this.consumers.delete(consumer.id);
    void consumer.stop();
    this.memberGone(consumer.id);
  }

  private lagRead(reading: LagReading): void {
    this.logStart = reading.logStart;
    void this.kafkaState.refresh();
    const key = JSON.stringify(reading.lag);
    if (key === this.lagKey) return;
    this.lagKey = key;
    this.lag = reading.lag;
    this.emitView();
  }

  private async readLogStart(topic: string, partition: number): Promise<number> {
    const offsets = await this.deps.admin.fetchTopicOffsets(topic);
    const low = offsets.find((entry) => entry.partition === partition)?.low;
    return low === undefined ? (this.logStart.get(partitionKey(topic, partition)) ?? 0) : Number(low);
  }

  private emitView(): void {
    if (!this.closed) this.deps.hub.emit('group:state', this.view());
  }
}
