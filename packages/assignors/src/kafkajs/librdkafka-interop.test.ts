/**
 * A kafkajs consumer using our adapters and a librdkafka consumer (confluent-kafka-python) share one
 * group on the embedded broker. Both directions are covered: in the range test our kafkajs member is
 * the leader and librdkafka must accept our assignment; in the roundrobin test librdkafka leads and
 * must read our subscription. Either way the plan must be the one Kafka's assignor would make.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { startBroker, type Broker } from '@lanes/broker';
import { Kafka, logLevel, type Admin, type Consumer, type PartitionAssigner, type Producer } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Assignment } from '../assignment-input';
import { decodeAssignment } from '../consumer-protocol/assignment';
import { decodeSubscription } from '../consumer-protocol/subscription';
import { assignRange } from '../range-assignor';
import { assignRoundRobin } from '../roundrobin-assignor';
import { rangePartitionAssigner, roundRobinPartitionAssigner } from './range-and-roundrobin';

// The system Python: confluent-kafka 1.7.0 (librdkafka 2.0.2) is installed for it, not for the python3 on PATH.
const PYTHON = '/usr/bin/python3';
const MEMBER_SCRIPT = fileURLToPath(new URL('./rdkafka-group-member.py', import.meta.url));
const PARTITIONS = 6;
const RECORDS_PER_PARTITION = 4;

interface Consumed {
  partition: number;
  value: string;
}

/** A librdkafka member as seen through its printed events. */
class RdkafkaMember {
  readonly consumed: Consumed[] = [];
  assigned: number[] | undefined;
  readonly errors: string[] = [];
  private stderr = '';

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const event = JSON.parse(line) as { event: string; partitions?: number[]; partition?: number; value?: string; message?: string };
      if (event.event === 'assigned') this.assigned = event.partitions;
      if (event.event === 'record') this.consumed.push({ partition: event.partition!, value: event.value! });
      if (event.event === 'error') this.errors.push(event.message!);
    });
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  get diagnostics(): string {
    return `librdkafka member: assigned=${JSON.stringify(this.assigned)} errors=${JSON.stringify(this.errors)} stderr=${this.stderr.slice(-2000)}`;
  }

  /** Closes stdin so it leaves the group; kills it if it has not exited within two seconds. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  }
}

class KafkajsMember {
  readonly consumed: Consumed[] = [];
  assigned: number[] | undefined;
  isLeader = false;

  constructor(readonly consumer: Consumer) {
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.assigned = [...(Object.values(payload.memberAssignment)[0] ?? [])].sort((a, b) => a - b);
      this.isLeader = payload.isLeader;
    });
  }
}

describe('kafkajs with our assigners and librdkafka in one group', () => {
  let broker: Broker | undefined;
  const cleanups: (() => Promise<unknown>)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
    await broker?.close();
    broker = undefined;
  });

  async function setUp(topic: string): Promise<{ kafka: Kafka; admin: Admin; producer: Producer }> {
    broker = await startBroker({ port: 0 });
    const kafka = new Kafka({ brokers: [broker.bootstrap], clientId: 'lanes-kafkajs', logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }] });
    const producer = kafka.producer();
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    return { kafka, admin, producer };
  }

  async function startKafkajs(kafka: Kafka, groupId: string, topic: string, assigner: PartitionAssigner): Promise<KafkajsMember> {
    const consumer = kafka.consumer({ groupId, partitionAssigners: [assigner], sessionTimeout: 6000, rebalanceTimeout: 10_000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
    const member = new KafkajsMember(consumer);
    cleanups.push(() => consumer.disconnect());
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        member.consumed.push({ partition, value: message.value?.toString() ?? '' });
      },
    });
    return member;
  }

  function startRdkafka(groupId: string, topic: string, strategy: string): RdkafkaMember {
    const child = spawn(PYTHON, [MEMBER_SCRIPT, broker!.bootstrap, groupId, topic, strategy], { stdio: 'pipe' });
    const member = new RdkafkaMember(child);
    cleanups.push(() => member.stop());
    return member;
  }

  /** Waits for the final generation: both members hold disjoint assignments that cover every partition. */
  async function waitForSharedAssignment(kafkajs: KafkajsMember, rdkafka: RdkafkaMember): Promise<void> {
    await waitFor(
      () => {
        const all = [...(kafkajs.assigned ?? []), ...(rdkafka.assigned ?? [])].sort((a, b) => a - b);
        return (kafkajs.assigned?.length ?? 0) > 0 && (rdkafka.assigned?.length ?? 0) > 0 && all.join() === Array.from({ length: PARTITIONS }, (_, p) => p).join();
      },
      15_000,
      () => `both members to share the ${PARTITIONS} partitions (kafkajs=${JSON.stringify(kafkajs.assigned)}; ${rdkafka.diagnostics})`,
    );
  }

  /** Reads the group as an operator would: DescribeGroups, with each member's metadata and assignment decoded. */
  async function describe(admin: Admin, groupId: string) {
    const { groups } = await admin.describeGroups([groupId]);
    const group = groups[0]!;
    return {
      state: group.state,
      protocol: group.protocol,
      members: group.members.map((member) => ({
        memberId: member.memberId,
        clientId: member.clientId,
        topics: decodeSubscription(member.memberMetadata).topics,
        partitions: decodeAssignment(member.memberAssignment).assignedPartitions.flatMap((entry) => entry.partitions).sort((a, b) => a - b),
      })),
    };
  }

  async function produceToEveryPartition(producer: Producer, topic: string): Promise<void> {
    for (let partition = 0; partition < PARTITIONS; partition++) {
      await producer.send({ topic, messages: Array.from({ length: RECORDS_PER_PARTITION }, (_, i) => ({ partition, value: `p${partition}-r${i}` })) });
    }
  }

  function expectConsumedExactly(consumed: Consumed[], partitions: number[]): void {
    const expected = partitions.flatMap((partition) => Array.from({ length: RECORDS_PER_PARTITION }, (_, i) => `p${partition}-r${i}`));
    expect(consumed.map(({ value }) => value).sort()).toEqual(expected.sort());
    expect(consumed.every(({ partition }) => partitions.includes(partition))).toBe(true);
  }

  async function checkGroup(admin: Admin, groupId: string, topic: string, protocol: string, plan: (members: { memberId: string; topics: string[] }[]) => Assignment) {
    const described = await describe(admin, groupId);
    expect(described.state).toBe('Stable');
    expect(described.protocol).toBe(protocol);
    expect(described.members.map((member) => member.clientId).sort()).toEqual(['lanes-kafkajs', 'lanes-rdkafka']);
    expect(described.members.every((member) => member.topics.join() === topic)).toBe(true);
    const expected = plan(described.members.map(({ memberId }) => ({ memberId, topics: [topic] })));
    for (const member of described.members) expect(member.partitions).toEqual(expected[member.memberId]!.map(({ partition }) => partition));
    const byClient = (clientId: string) => described.members.find((member) => member.clientId === clientId)!.partitions;
    return { kafkajsPartitions: byClient('lanes-kafkajs'), rdkafkaPartitions: byClient('lanes-rdkafka') };
  }

  it('range: a kafkajs leader assigns to itself and a librdkafka member exactly as Kafka’s RangeAssignor', async () => {
    const topic = 'interop-range';
    const groupId = 'interop-range-group';
    const { kafka, admin, producer } = await setUp(topic);
    const kafkajs = await startKafkajs(kafka, groupId, topic, rangePartitionAssigner);
    await waitFor(() => kafkajs.assigned?.length === PARTITIONS, 10_000, () => 'the kafkajs member to own every partition while alone');
    const rdkafka = startRdkafka(groupId, topic, 'range');
    await waitForSharedAssignment(kafkajs, rdkafka);

    expect(kafkajs.isLeader).toBe(true);
    const { kafkajsPartitions, rdkafkaPartitions } = await checkGroup(admin, groupId, topic, 'range', (members) => assignRange({ members, partitionsPerTopic: { [topic]: PARTITIONS } }));
    // Range gives contiguous blocks of three.
    expect([kafkajsPartitions, rdkafkaPartitions].map((partitions) => partitions.join())).toEqual(expect.arrayContaining(['0,1,2', '3,4,5']));
    expect(rdkafka.assigned).toEqual(rdkafkaPartitions);

    await produceToEveryPartition(producer, topic);
    await waitFor(() => kafkajs.consumed.length + rdkafka.consumed.length >= PARTITIONS * RECORDS_PER_PARTITION, 10_000, () => `every record to be consumed (${rdkafka.diagnostics})`);
    expectConsumedExactly(kafkajs.consumed, kafkajsPartitions);
    expectConsumedExactly(rdkafka.consumed, rdkafkaPartitions);
  }, 25_000);

  it('roundrobin: a librdkafka leader reads our subscription and assigns as Kafka’s RoundRobinAssignor', async () => {
    const topic = 'interop-roundrobin';
    const groupId = 'interop-roundrobin-group';
    const { kafka, admin, producer } = await setUp(topic);
    const rdkafka = startRdkafka(groupId, topic, 'roundrobin');
    await waitFor(() => rdkafka.assigned?.length === PARTITIONS, 10_000, () => `the librdkafka member to own every partition while alone (${rdkafka.diagnostics})`);
    const kafkajs = await startKafkajs(kafka, groupId, topic, roundRobinPartitionAssigner);
    await waitForSharedAssignment(kafkajs, rdkafka);

    expect(kafkajs.isLeader).toBe(false);
    const { kafkajsPartitions, rdkafkaPartitions } = await checkGroup(admin, groupId, topic, 'roundrobin', (members) => assignRoundRobin({ members, partitionsPerTopic: { [topic]: PARTITIONS } }));
    expect([kafkajsPartitions, rdkafkaPartitions].map((partitions) => partitions.join())).toEqual(expect.arrayContaining(['0,2,4', '1,3,5']));
    expect(kafkajs.assigned).toEqual(kafkajsPartitions);

    await produceToEveryPartition(producer, topic);
    await waitFor(() => kafkajs.consumed.length + rdkafka.consumed.length >= PARTITIONS * RECORDS_PER_PARTITION, 10_000, () => `every record to be consumed (${rdkafka.diagnostics})`);
    expectConsumedExactly(kafkajs.consumed, kafkajsPartitions);
    expectConsumedExactly(rdkafka.consumed, rdkafkaPartitions);
  }, 25_000);
});

async function waitFor(condition: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
