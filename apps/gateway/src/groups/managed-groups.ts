import type { Admin, Kafka } from 'kafkajs';
import type { BrokerEvents } from '@lanes/broker';
import type { GroupCreateParsed, GroupView, SeekTarget } from '@lanes/events';
import { CommandFailure, kafkaFailure } from '../command-failure';
import type { GroupHub } from './group-hub';
import { ManagedGroup } from './managed-group';

export interface ManagedGroupsDeps {
  /** The gateway's kafkajs client, for short-lived helpers. Each managed consumer gets a client of its own (so it can crash alone) from `brokers`. */
  kafka: Kafka;
  /** Connected. */
  admin: Admin;
  hub: GroupHub;
  /** The embedded broker's events, when the broker is embedded; null on a real cluster. */
  brokerEvents: BrokerEvents | null;
  brokers: string[];
  log?: (message: string) => void;
}

/** How long after a crashed member's session should have expired to try deleting its group again. */
const DELETE_RETRY_MARGIN_MS = 1000;

/**
 * The consumer groups a person creates on the dashboard, each run by the gateway as real kafkajs
 * members. Commands that a person can get wrong throw CommandFailure with what to do instead.
 *
 * @example
 *   const groups = new ManagedGroups({ kafka, admin, hub, brokerEvents: broker.events, brokers: [broker.bootstrap] });
 *   await groups.create(groupCreateSchema.parse({ groupId: 'billing', topics: ['orders'], consumers: 3 }));
 *   const { expiresAt } = await groups.crashConsumer('billing', 'c2');
 */
export class ManagedGroups {
  private readonly groups = new Map<string, ManagedGroup>();
  /** Groups whose deletion in Kafka waits for a crashed member's session to expire. */
  private readonly pendingDeletes = new Map<string, NodeJS.Timeout>();
  private readonly log: (message: string) => void;

  constructor(private readonly deps: ManagedGroupsDeps) {
    this.log = deps.log ?? (() => {});
  }

  async create(command: GroupCreateParsed): Promise<GroupView> {
    const { groupId } = command;
    if (this.groups.has(groupId)) throw new CommandFailure('conflict', `Group '${groupId}' already exists in Lanes. Pick another group id, or add consumers to it.`, 'groupId');
    await this.checkTopics(command.topics);
    await this.checkNotInUse(groupId);
    this.cancelPendingDelete(groupId);
    const group = new ManagedGroup(command, { kafka: this.deps.kafka, admin: this.deps.admin, hub: this.deps.hub, brokerEvents: this.deps.brokerEvents, brokers: this.deps.brokers, log: this.log });
    this.groups.set(groupId, group);
    try {
      await group.start();
    } catch (error) {
      this.groups.delete(groupId);
      await group.stop();
      this.deps.hub.emit('group:removed', { groupId });
      throw error instanceof CommandFailure ? error : kafkaFailure(`create group '${groupId}'`, error);
    }
    return group.view();
  }

  /** Stops the consumers gracefully and deletes the group and its commits in Kafka. */
  async delete(groupId: string): Promise<void> {
    const group = this.find(groupId);
    this.groups.delete(groupId);
    const crashed = group.crashedMembers();
    await group.stop();
    this.deps.hub.emit('group:removed', { groupId });
    if (crashed.length > 0) {
      // Kafka refuses to delete a group with members, and a crashed member stays one until its session expires.
      const at = Math.max(...crashed.map((consumer) => consumer.expiresAt ?? Date.now()));
      this.scheduleDelete(groupId, at + DELETE_RETRY_MARGIN_MS - Date.now());
      return;
    }
    await this.deleteInKafka(groupId);
  }

  async addConsumer(groupId: string): Promise<{ consumerId: string }> {
    return { consumerId: await this.find(groupId).addConsumer() };
  }

  async removeConsumer(groupId: string, consumerId: string): Promise<void> {
    await this.find(groupId).removeConsumer(consumerId);
  }

  async crashConsumer(groupId: string, consumerId: string): Promise<{ consumerId: string; expiresAt: number }> {
    return this.find(groupId).crashConsumer(consumerId);
  }

  async pauseConsumer(groupId: string, consumerId: string): Promise<void> {
    this.find(groupId).pauseConsumer(consumerId);
  }

  async resumeConsumer(groupId: string, consumerId: string): Promise<void> {
    this.find(groupId).resumeConsumer(consumerId);
  }

  setDelay(groupId: string, consumerId: string, delayMs: number): void {
    this.find(groupId).setDelay(consumerId, delayMs);
  }

  async seek(groupId: string, to: SeekTarget): Promise<GroupView> {
    return this.find(groupId).seek(to);
  }

  has(groupId: string): boolean {
    return this.groups.has(groupId);
  }

  views(): GroupView[] {
    return [...this.groups.values()].map((group) => group.view());
  }

  /** Stops every consumer (the groups stay in Kafka) and every timer. */
  async close(): Promise<void> {
    for (const timer of this.pendingDeletes.values()) clearTimeout(timer);
    this.pendingDeletes.clear();
    const groups = [...this.groups.values()];
    this.groups.clear();
    await Promise.all(groups.map((group) => group.stop()));
  }

  private find(groupId: string): ManagedGroup {
    const group = this.groups.get(groupId);
    if (!group) throw new CommandFailure('not_found', `Lanes runs no group '${groupId}'. Create it first.`, 'groupId');
    return group;
  }

  private async checkTopics(topics: readonly string[]): Promise<void> {
    let existing: string[];
    try {
      existing = await this.deps.admin.listTopics();
    } catch (error) {
      throw kafkaFailure('list topics', error);
    }
    const missing = topics.filter((topic) => !existing.includes(topic));
    if (missing.length > 0) {
      throw new CommandFailure('not_found', `${missing.length === 1 ? 'Topic' : 'Topics'} ${missing.map((t) => `'${t}'`).join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist. Create ${missing.length === 1 ? 'it' : 'them'} first.`, 'topics');
    }
  }

  /** Joining a group that other clients are running would mix their members with ours. */
  private async checkNotInUse(groupId: string): Promise<void> {
    let members = 0;
    try {
      const { groups } = await this.deps.admin.describeGroups([groupId]);
      members = groups[0]?.members.length ?? 0;
    } catch (error) {
      throw kafkaFailure(`look up group '${groupId}'`, error);
    }
    if (members > 0) {
      throw new CommandFailure('conflict', `Group '${groupId}' already has ${members} member${members === 1 ? '' : 's'} outside Lanes. Pick another group id, or stop those consumers first.`, 'groupId');
    }
  }

  private async deleteInKafka(groupId: string): Promise<void> {
    try {
      await this.deps.admin.deleteGroups([groupId]);
    } catch (error) {
      const results = (error as { groups?: { errorCode?: number; error?: { type?: string } }[] }).groups ?? [];
      // A group that never had a member or a commit does not exist in Kafka: nothing to delete.
      if (results.length > 0 && results.every((result) => result.error?.type === 'GROUP_ID_NOT_FOUND')) return;
      throw kafkaFailure(`delete group '${groupId}' in Kafka (Lanes has stopped its consumers)`, error);
    }
  }

  private scheduleDelete(groupId: string, delayMs: number): void {
    this.cancelPendingDelete(groupId);
    const timer = setTimeout(() => {
      this.pendingDeletes.delete(groupId);
      this.deleteInKafka(groupId).catch((error: unknown) => this.log(error instanceof Error ? error.message : String(error)));
    }, Math.max(0, delayMs));
    timer.unref();
    this.pendingDeletes.set(groupId, timer);
  }

  private cancelPendingDelete(groupId: string): void {
    const timer = this.pendingDeletes.get(groupId);
    if (timer) clearTimeout(timer);
    this.pendingDeletes.delete(groupId);
  }
}
