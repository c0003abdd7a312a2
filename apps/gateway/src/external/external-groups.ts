import type { Admin, GroupDescription } from 'kafkajs';
import type { BrokerEvents } from '@lanes/broker';
import type { GroupView } from '@lanes/events';
import type { StreamHub } from '../stream/stream-hub';
import {
  decodeMember,
  externalGroupView,
  lagFor,
  type BrokerGroupDetail,
  type CommittedOffsets,
  type DecodedMember,
  type LogEndOffsets,
} from './external-group-view';

export interface ExternalGroupsDeps {
  admin: Admin;
  hub: { emit: StreamHub['emit'] };
  /** The embedded broker's events, or null on a real cluster (then only polling). */
  brokerEvents: BrokerEvents | null;
  pollMs: number;
  /** Groups the gateway runs itself (ManagedGroups shows those). */
  isManaged(groupId: string): boolean;
  /** Groups never shown, such as the tap's. */
  isHidden(groupId: string): boolean;
  log?: (message: string) => void;
}

/**
 * Broker events come in bursts during a rebalance (PreparingRebalance, CompletingRebalance, Stable):
 * wait this long so one burst costs one refresh.
 */
const EVENT_SETTLE_MS = 30;
/**
 * How often a group with no known topics (Empty since before Lanes started, or made by a bare offset
 * commit) is asked for its offsets across all topics to learn which it has committed.
 */
const TOPIC_PROBE_INTERVAL_MS = 10_000;

interface Known {
  view: GroupView;
  signature: string;
}

/**
 * Consumer groups Lanes did not start (a `kcat -G`, a Python consumer, another service), read through
 * the admin API every `pollMs`: ListGroups, DescribeGroups (members, client ids, hosts, assignments),
 * OffsetFetch (committed offsets) and ListOffsets (log end offsets, for lag). This works the same on
 * a real cluster. With the embedded broker, its group events also trigger a refresh at once, so an
 * outside client's rebalance shows without waiting for the next poll, and add the generation, which
 * DescribeGroups does not report.
 *
 * @example
 *   const external = new ExternalGroups({ admin, hub, brokerEvents: null, pollMs: 1000, isManaged, isHidden });
 *   external.start();
 */
export class ExternalGroups {
  private readonly known = new Map<string, Known>();
  /** Topics each group has been seen with: OffsetFetch needs topic names, and an Empty group has no members to tell. */
  private readonly groupTopics = new Map<string, Set<string>>();
  private readonly lastAssignor = new Map<string, string>();
  private readonly probedAt = new Map<string, number>();
  private readonly brokerDetail = new Map<string, BrokerGroupDetail>();
  private readonly unsubscribe: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private closed = false;
  private lastError: string | null = null;
  private failedThisRound = false;

  constructor(private readonly deps: ExternalGroupsDeps) {}

  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    const events = this.deps.brokerEvents;
    if (events) {
      this.unsubscribe.push(
        events.on('group:state', (event) => {
          if (!this.isExternal(event.groupId)) return;
          this.brokerDetail.set(event.groupId, {
            generationId: event.generationId,
            sessionTimeoutMs: new Map(event.members.map((member) => [member.memberId, member.sessionTimeoutMs])),
          });
          this.refreshSoon();
        }),
        events.on('member:expired', (event) => {
          if (this.isExternal(event.groupId)) this.refreshSoon();
        }),
        events.on('group:deleted', (event) => {
          this.brokerDetail.delete(event.groupId);
          if (this.isExternal(event.groupId)) this.refreshSoon();
        }),
        events.on('offsets:committed', (event) => {
          if (this.isExternal(event.groupId)) for (const { topic } of event.offsets) this.rememberTopic(event.groupId, topic);
        }),
      );
    }
    this.schedule(0);
  }

  views(): GroupView[] {
    return [...this.known.values()].map((known) => known.view);
  }

  /** Reads every external group now; resolves when that read is done (one already running is followed by another). */
  async refresh(): Promise<void> {
    if (this.closed) return;
    if (this.running) this.again = true;
    else void this.runPoll();
    const first = this.running;
    await first;
    // A poll that was already under way may have started before what the caller wants to see.
    if (this.running && this.running !== first) await this.running;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const off of this.unsubscribe.splice(0)) off();
  }

  private isExternal(groupId: string): boolean {
    return !this.deps.isHidden(groupId) && !this.deps.isManaged(groupId);
  }

  private refreshSoon(): void {
    if (this.running) this.again = true;
    else this.schedule(EVENT_SETTLE_MS);
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runPoll(), delayMs);
    this.timer.unref();
  }

  /** One poll at a time; a refresh asked for meanwhile runs right after it. */
  private runPoll(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.poll()
      .catch((error: unknown) => this.reportError(error))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.runPoll();
        } else {
          this.schedule(this.deps.pollMs);
        }
      });
    return this.running;
  }

  private async poll(): Promise<void> {
    const { admin } = this.deps;
    this.failedThisRound = false;
    const listed = (await admin.listGroups()).groups.map((group) => group.groupId);
    const external = listed.filter((groupId) => this.isExternal(groupId));
    const descriptions = external.length > 0 ? (await admin.describeGroups(external)).groups : [];
    // DescribeGroups answers Dead for a group deleted between the two calls.
    const present = descriptions.filter((group) => group.state !== 'Dead');
    if (this.closed) return;

    const members = new Map(present.map((group) => [group.groupId, group.members.map((member) => decodeMember(member, group.protocolType))]));
    for (const group of present) {
      for (const member of members.get(group.groupId)!) for (const topic of [...member.subscribed, ...member.assignment.map((tp) => tp.topic)]) this.rememberTopic(group.groupId, topic);
      if (group.protocol) this.lastAssignor.set(group.groupId, group.protocol);
    }
    const existing = (await admin.listTopics()).filter((topic) => !topic.startsWith('__'));
    await Promise.all(present.map((group) => this.probeTopics(group.groupId, existing)));
    const logEnd = await this.logEndOffsets(new Set(present.flatMap((group) => [...(this.groupTopics.get(group.groupId) ?? [])])), new Set(existing));
    const committed = await Promise.all(present.map((group) => this.committedOffsets(group.groupId, logEnd)));
    if (this.closed) return;

    present.forEach((group, index) => {
      const offsets = committed[index];
      // Without its offsets this round, the group keeps the view it had rather than losing its lag.
      if (offsets) this.update(group, members.get(group.groupId)!, offsets, logEnd);
    });
    const seen = new Set(present.map((group) => group.groupId));
    for (const groupId of [...this.known.keys()]) {
      if (seen.has(groupId)) continue;
      this.forget(groupId);
      // A group the gateway now runs is shown by ManagedGroups under the same id: only a group that
      // is really gone is removed from the dashboard.
      if (this.isExternal(groupId)) this.deps.hub.emit('group:removed', { groupId });
    }
    if (!this.failedThisRound) this.lastError = null;
  }

  private update(group: GroupDescription, members: DecodedMember[], committed: CommittedOffsets, logEnd: LogEndOffsets): void {
    const topics = [...(this.groupTopics.get(group.groupId) ?? [])];
    const view = externalGroupView({
      description: group,
      members,
      topics,
      assignor: this.lastAssignor.get(group.groupId) ?? '',
      lag: lagFor(topics, committed, logEnd),
      broker: this.brokerDetail.get(group.groupId),
    });
    const signature = JSON.stringify(view);
    if (this.known.get(group.groupId)?.signature === signature) return;
    this.known.set(group.groupId, { view, signature });
    this.deps.hub.emit('group:state', view);
  }

  private forget(groupId: string): void {
    this.known.delete(groupId);
    this.groupTopics.delete(groupId);
    this.lastAssignor.delete(groupId);
    this.brokerDetail.delete(groupId);
    this.probedAt.delete(groupId);
  }

  /**
   * kafkajs's fetchOffsets only answers for topics it is given (an empty list means none, not all),
   * so a group whose topics nobody has told us is asked about every topic, now and then.
   */
  private async probeTopics(groupId: string, topics: string[]): Promise<void> {
    if ((this.groupTopics.get(groupId)?.size ?? 0) > 0 || topics.length === 0) return;
    const now = Date.now();
    if (now - (this.probedAt.get(groupId) ?? -Infinity) < TOPIC_PROBE_INTERVAL_MS) return;
    this.probedAt.set(groupId, now);
    try {
      for (const { topic, partitions } of await this.deps.admin.fetchOffsets({ groupId, topics })) {
        if (partitions.some((p) => Number(p.offset) >= 0)) this.rememberTopic(groupId, topic);
      }
    } catch (error) {
      this.reportError(error);
    }
  }

  private rememberTopic(groupId: string, topic: string): void {
    let topics = this.groupTopics.get(groupId);
    if (!topics) {
      topics = new Set();
      this.groupTopics.set(groupId, topics);
    }
    topics.add(topic);
  }

  /** Log end offsets of each topic; a topic that no longer exists is dropped from every group. */
  private async logEndOffsets(topics: Set<string>, existing: Set<string>): Promise<LogEndOffsets> {
    const ends: LogEndOffsets = new Map();
    await Promise.all(
      [...topics].map(async (topic) => {
        if (!existing.has(topic)) {
          for (const groupTopics of this.groupTopics.values()) groupTopics.delete(topic);
          return;
        }
        try {
          const offsets = await this.deps.admin.fetchTopicOffsets(topic);
          ends.set(topic, new Map(offsets.map((o) => [o.partition, Number(o.high)])));
        } catch (error) {
          // Deleted since listTopics, or its leader is away: its lag is left out of this round.
          this.reportError(error);
        }
      }),
    );
    return ends;
  }

  /** Committed offsets of the group's known topics; null when Kafka would not say (the error is logged). */
  private async committedOffsets(groupId: string, logEnd: LogEndOffsets): Promise<CommittedOffsets | null> {
    const topics = [...(this.groupTopics.get(groupId) ?? [])].filter((topic) => logEnd.has(topic));
    const committed: CommittedOffsets = new Map();
    if (topics.length === 0) return committed;
    let fetched;
    try {
      fetched = await this.deps.admin.fetchOffsets({ groupId, topics });
    } catch (error) {
      this.reportError(error);
      return null;
    }
    for (const { topic, partitions } of fetched) {
      // OffsetFetch answers -1 for a partition the group has never committed.
      committed.set(topic, new Map(partitions.filter((p) => Number(p.offset) >= 0).map((p) => [p.partition, Number(p.offset)])));
    }
    return committed;
  }

  private reportError(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.failedThisRound = true;
    if (message === this.lastError) return;
    this.lastError = message;
    this.deps.log?.(`external groups: could not read groups (${message}); trying again every ${this.deps.pollMs} ms.`);
  }
}
