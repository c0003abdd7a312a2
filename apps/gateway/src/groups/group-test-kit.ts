/**
 * Real parts for the managed-group tests: an embedded broker over TCP, kafkajs admin and producer,
 * and a hub that records what would have been streamed to browsers. Not a mock of Kafka: the hub is
 * the gateway's own boundary.
 */
import { startBroker, type Broker, type BrokerEventMap } from '@lanes/broker';
import { groupCreateSchema, type ConsumedBatch, type GroupCreate, type GroupView, type ServerToClientEvents } from '@lanes/events';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import type { GroupHub } from './group-hub';
import { ManagedGroups } from './managed-groups';

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

export interface Emitted {
  event: keyof ServerToClientEvents;
  payload: unknown;
  at: number;
}

export class RecordingHub implements GroupHub {
  readonly emitted: Emitted[] = [];
  readonly consumed: (ConsumedBatch & { at: number })[] = [];

  emit: GroupHub['emit'] = (event, ...args) => {
    this.emitted.push({ event, payload: args[0], at: Date.now() });
  };

  publishConsumed: GroupHub['publishConsumed'] = (batch) => {
    this.consumed.push({ ...batch, records: [...batch.records], processed: batch.processed ?? batch.records.length, at: Date.now() });
  };

  all<E extends keyof ServerToClientEvents>(event: E): (Payload<E> & { at: number })[] {
    return this.emitted.filter((e) => e.event === event).map((e) => ({ ...(e.payload as Payload<E>), at: e.at }));
  }

  latestGroup(groupId: string): GroupView | undefined {
    return this.all('group:state').filter((view) => view.groupId === groupId).at(-1);
  }

  /** Every processed record of a group, in processing order. */
  processed(groupId: string): { consumerId: string; topic: string; partition: number; offset: number; key: string | null; at: number }[] {
    return this.consumed.filter((batch) => batch.groupId === groupId).flatMap((batch) => batch.records.map((record) => ({ ...record, consumerId: batch.consumerId, at: batch.at })));
  }
}

export interface TestCluster {
  broker: Broker;
  admin: Admin;
  producer: Producer;
  kafka: Kafka;
  /** Broker events of one kind, recorded from the start. */
  brokerEvents<E extends keyof BrokerEventMap>(event: E): (BrokerEventMap[E] & { at: number })[];
  createTopic(partitions: number): Promise<string>;
  /** `external`: run as on a real cluster, without the embedded broker's events. */
  groups(hub: RecordingHub, options?: { external?: boolean }): ManagedGroups;
  close(): Promise<void>;
}

let sequence = 0;

export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${++sequence}`;
}

export async function startTestCluster(): Promise<TestCluster> {
  const broker = await startBroker({ port: 0 });
  const kafka = new Kafka({ clientId: 'lanes-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const recorded: { event: keyof BrokerEventMap; payload: unknown; at: number }[] = [];
  for (const event of ['member:joined', 'member:left', 'member:expired', 'group:state'] as const) {
    broker.events.on(event, (payload) => recorded.push({ event, payload, at: Date.now() }));
  }
  const managed: ManagedGroups[] = [];
  return {
    broker,
    admin,
    producer,
    kafka,
    brokerEvents: <E extends keyof BrokerEventMap>(event: E) => recorded.filter((e) => e.event === event).map((e) => ({ ...(e.payload as BrokerEventMap[E]), at: e.at })),
    async createTopic(partitions) {
      const topic = uniqueName('topic');
      await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
      return topic;
    },
    groups(hub, options = {}) {
      const groups = new ManagedGroups({ kafka, admin, hub, brokerEvents: options.external ? null : broker.events, brokers: [broker.bootstrap] });
      managed.push(groups);
      return groups;
    },
    async close() {
      await Promise.all(managed.splice(0).map((groups) => groups.close()));
      await producer.disconnect();
      await admin.disconnect();
      await broker.close();
    },
  };
}

export function groupCommand(input: GroupCreate) {
  return groupCreateSchema.parse(input);
}

/** Polls until `check` is true; fails with `describe()` after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Like waitFor, for a check that asks Kafka. */
export async function waitForAsync(check: () => Promise<boolean>, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The group as last streamed, once every member is settled (active or idle) and there are `members` of them. */
export async function waitForStable(hub: RecordingHub, groupId: string, members: number, timeoutMs = 10_000): Promise<GroupView> {
  await waitFor(
    () => {
      const view = hub.latestGroup(groupId);
      return !!view && view.state === 'Stable' && view.members.length === members && view.members.every((m) => m.status === 'active' || m.status === 'idle' || m.status === 'paused');
    },
    timeoutMs,
    () => `group ${groupId} to be stable with ${members} members; last view: ${JSON.stringify(hub.latestGroup(groupId))}`,
  );
  return hub.latestGroup(groupId)!;
}

export async function produce(cluster: TestCluster, topic: string, messages: { partition: number; key?: string | null; value?: string; timestamp?: number }[]): Promise<void> {
  await cluster.producer.send({
    topic,
    messages: messages.map(({ partition, key = null, value = 'v', timestamp }) => ({ partition, key, value, ...(timestamp !== undefined ? { timestamp: String(timestamp) } : {}) })),
  });
}
