import type { Admin } from 'kafkajs';
import type { BrokerEvents } from '@lanes/broker';
import type { CompletedRebalance } from './rebalance-tracker';

export interface GroupKafkaStateHandlers {
  /** State, generation or a member's host changed: the view should be sent again. */
  changed(): void;
  /** The embedded broker expired a member whose session ran out (a crashed consumer). */
  memberExpired(memberId: string, at: number): void;
  /** A rebalance whose generation is now known, ready to stream. */
  rebalanced(rebalance: CompletedRebalance, generation: number): void;
}

/**
 * What Kafka says about one group: its state (Empty, PreparingRebalance, CompletingRebalance,
 * Stable), its generation, and each member's client host. The embedded broker tells all of it as it
 * happens. On a real cluster the state and hosts come from DescribeGroups, and the generation, which
 * DescribeGroups does not carry, from the members' own heartbeats and commits: a finished rebalance
 * waits briefly for one of those before it is streamed.
 */
export class GroupKafkaState {
  state = 'Empty';
  generation = 0;
  private readonly hosts = new Map<string, string>();
  private readonly unsubscribe: (() => void)[] = [];
  private unlabeled: CompletedRebalance[] = [];
  private labelTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly groupId: string,
    private readonly admin: Admin,
    private readonly brokerEvents: BrokerEvents | null,
    /** How long a rebalance may wait for a heartbeat to tell its generation. */
    private readonly labelWaitMs: number,
    private readonly handlers: GroupKafkaStateHandlers,
  ) {
    if (brokerEvents) this.watchBroker(brokerEvents);
  }

  /** True with the embedded broker: generations are known the moment members join. */
  get exact(): boolean {
    return this.brokerEvents !== null;
  }

  hostOf(memberId: string | null): string {
    return memberId === null ? '' : (this.hosts.get(memberId) ?? '');
  }

  /** A member was told to rejoin (kafkajs REBALANCING). */
  rebalancing(): void {
    if (!this.exact) this.state = 'PreparingRebalance';
  }

  /** Every member has its assignment. */
  settled(): void {
    if (!this.exact) this.state = 'Stable';
  }

  /** A generation a member is in, from a heartbeat or a commit (kafkajs events). */
  generationSeen(generation: number): void {
    if (this.exact) return;
    if (this.unlabeled.length > 0) this.label(generation);
    if (generation > this.generation) {
      this.generation = generation;
      this.handlers.changed();
    }
  }

  /** Streams a finished rebalance now, or once its generation is known. */
  completed(rebalance: CompletedRebalance): void {
    if (rebalance.generation !== null) {
      this.publish(rebalance, rebalance.generation);
      return;
    }
    this.unlabeled.push(rebalance);
    if (!this.labelTimer) {
      // No heartbeat in time: the generations that must have passed, counted from the last one known.
      this.labelTimer = setTimeout(() => this.label(this.generation + this.unlabeled.length), this.labelWaitMs);
      this.labelTimer.unref();
    }
  }

  /** Real cluster: state and hosts from DescribeGroups (the embedded broker already told). */
  async refresh(): Promise<void> {
    if (this.exact || this.stopped) return;
    try {
      const { groups } = await this.admin.describeGroups([this.groupId]);
      const group = groups[0];
      if (!group || this.stopped) return;
      const before = `${this.state}|${[...this.hosts].join()}`;
      this.state = group.state;
      for (const member of group.members) this.hosts.set(member.memberId, member.clientHost);
      if (`${this.state}|${[...this.hosts].join()}` !== before) this.handlers.changed();
    } catch {
      // The state stays as the members' events last said; the lag poller reports an unreachable Kafka.
    }
  }

  stop(): void {
    this.stopped = true;
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
    if (this.labelTimer) clearTimeout(this.labelTimer);
    this.labelTimer = null;
  }

  private label(latestGeneration: number): void {
    if (this.labelTimer) clearTimeout(this.labelTimer);
    this.labelTimer = null;
    const pending = this.unlabeled.splice(0);
    pending.forEach((rebalance, index) => this.publish(rebalance, latestGeneration - (pending.length - 1 - index)));
  }

  private publish(rebalance: CompletedRebalance, generation: number): void {
    if (this.stopped) return;
    this.generation = Math.max(this.generation, generation);
    this.handlers.rebalanced(rebalance, generation);
  }

  private watchBroker(events: BrokerEvents): void {
    this.unsubscribe.push(
      events.on('group:state', (event) => {
        if (event.groupId !== this.groupId) return;
        this.state = event.state;
        this.generation = event.generationId;
        for (const member of event.members) this.hosts.set(member.memberId, member.clientHost);
        this.handlers.changed();
      }),
      events.on('member:expired', (event) => {
        if (event.groupId === this.groupId) this.handlers.memberExpired(event.memberId, Date.now());
      }),
    );
  }
}
