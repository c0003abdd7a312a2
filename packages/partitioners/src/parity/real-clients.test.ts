import { fileURLToPath } from 'node:url';
import { startBroker, type Broker } from '@lanes/broker';
import { runProcess, SYSTEM_PYTHON } from '@lanes/broker/client-process';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choosePartition } from '../choose-partition';
import { createProfileState, type ProfileId } from '../profiles';

// Real clients against the embedded broker: the only proof that a profile predicts what a client does.
const PARTITIONS = 7;
const kafkaPythonScript = fileURLToPath(new URL('./kafka_python_partitions.py', import.meta.url));

/** 1,200 distinct keys: ASCII, digits, multi-byte UTF-8, every length from 1 to 40. No ':' or newline (kcat's delimiters). */
function distinctKeys(count: number): string[] {
  const shapes = [(i: number) => `user-${i}`, (i: number) => `${i}`, (i: number) => `ключ-${i}-ü`, (i: number) => `order/${i}/${'x'.repeat(i % 40)}`, (i: number) => `🚀${i}`];
  return Array.from({ length: count }, (_, i) => (shapes[i % shapes.length] as (i: number) => string)(i));
}

function predict(profile: ProfileId, keys: string[]): Map<string, number> {
  const state = createProfileState(profile);
  return new Map(keys.map((key) => [key, choosePartition(profile, { key, partitionCount: PARTITIONS }, state).partition]));
}

describe('profiles predict where real clients put every key', () => {
  let broker: Broker;
  let topicNumber = 0;
  const newTopic = async (): Promise<string> => {
    const topic = `parity-${process.pid}-${topicNumber++}`;
    const admin = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true });
    } finally {
      await admin.disconnect();
    }
    return topic;
  };

  beforeAll(async () => {
    broker = await startBroker({ port: 0 });
  });
  afterAll(async () => {
    await broker?.close();
  });

  it('kcat (librdkafka 2.0.2, default consistent_random): every key where the librdkafka profile says', async () => {
    const topic = await newTopic();
    const keys = distinctKeys(1200);
    await kcatProduce(topic, keys.map((key) => `${key}:v`), ['-K:']);
    const actual = new Map(await kcatPlacements(topic));
    expect(actual.size).toBe(keys.length);
    expect(new Set(actual.values()).size, 'keys spread over every partition').toBe(PARTITIONS);
    const predicted = predict('librdkafka', keys);
    const wrong = keys.filter((key) => actual.get(key) !== predicted.get(key));
    expect(wrong, 'keys whose partition the librdkafka profile got wrong').toEqual([]);
    // And the Java-style profiles would have disagreed for many of them: crc32 is not murmur2.
    const javaPredicted = predict('java', keys);
    expect(keys.filter((key) => javaPredicted.get(key) !== actual.get(key)).length).toBeGreaterThan(keys.length / 2);
  }, 20_000);

  async function kcatProduce(topic: string, lines: string[], args: string[]): Promise<void> {
    const produced = await runProcess('kcat', ['-P', '-b', broker.bootstrap, '-t', topic, '-q', ...args], { input: lines.map((line) => `${line}\n`).join(''), timeoutMs: 15_000 });
    expect(produced.code, produced.stderr).toBe(0);
  }

  /** Reads the topic back with kcat: [key, partition] per record, "NULL" for a null key. */
  async function kcatPlacements(topic: string): Promise<Array<[string, number]>> {
    const consumed = await runProcess('kcat', ['-C', '-b', broker.bootstrap, '-t', topic, '-e', '-q', '-Z', '-f', '%p %k\\n'], { timeoutMs: 15_000 });
    expect(consumed.code, consumed.stderr).toBe(0);
    return consumed.stdout
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => [line.slice(line.indexOf(' ') + 1), Number(line.slice(0, line.indexOf(' ')))]);
  }

  it.each([
    ['murmur2_random', 'librdkafka-murmur2-random'],
    ['fnv1a_random', 'librdkafka-fnv1a-random'],
    ['consistent', 'librdkafka-consistent'],
  ] as const)('kcat with topic.partitioner=%s: the %s profile predicts every key', async (partitioner, profile) => {
    const topic = await newTopic();
    const keys = distinctKeys(300);
    await kcatProduce(topic, keys.map((key) => `${key}:v`), ['-K:', '-X', `topic.partitioner=${partitioner}`]);
    const placed = await kcatPlacements(topic);
    expect(placed).toHaveLength(keys.length);
    const predicted = predict(profile, keys);
    expect(placed.filter(([key, partition]) => predicted.get(key) !== partition)).toEqual([]);
  }, 20_000);

  it.each([
    ['consistent', 'librdkafka-consistent'],
    ['murmur2', 'librdkafka-murmur2'],
    ['fnv1a', 'librdkafka-fnv1a'],
  ] as const)('kcat with topic.partitioner=%s sends every null-key record to the one partition the %s profile names', async (partitioner, profile) => {
    const topic = await newTopic();
    // Three separate producers, so a sticky partitioner would have had three chances to move.
    for (let run = 0; run < 3; run++) await kcatProduce(topic, ['a', 'b', 'c'], ['-X', `topic.partitioner=${partitioner}`]);
    const placed = await kcatPlacements(topic);
    expect(placed).toHaveLength(9);
    const expected = choosePartition(profile, { key: null, partitionCount: PARTITIONS }, createProfileState(profile)).partition;
    expect(new Set(placed.map(([key, partition]) => `${key} ${partition}`))).toEqual(new Set([`NULL ${expected}`]));
  }, 20_000);

  it('kafka-python 2.0.2 (DefaultPartitioner): every key where the kafka-python profile says', async () => {
    const topic = await newTopic();
    const keys = distinctKeys(1000);
    const run = await runProcess(SYSTEM_PYTHON, [kafkaPythonScript, JSON.stringify({ bootstrap: broker.bootstrap, topic, partitioner: 'default' })], {
      input: JSON.stringify(keys),
      timeoutMs: 20_000,
    });
    expect(run.code, run.stderr).toBe(0);
    const actual = new Map(JSON.parse(run.stdout) as [string, number][]);
    expect(actual.size).toBe(keys.length);
    expect(new Set(actual.values()).size).toBe(PARTITIONS);
    const predicted = predict('kafka-python', keys);
    expect(keys.filter((key) => actual.get(key) !== predicted.get(key))).toEqual([]);
  }, 25_000);

  it("kafka-python with the lab's int(key) % n partitioner: the numeric-modulo profile agrees", async () => {
    const topic = await newTopic();
    const keys = ['3', '2', '369', '301', ...Array.from({ length: 96 }, (_, i) => String(i * 7919))];
    const run = await runProcess(SYSTEM_PYTHON, [kafkaPythonScript, JSON.stringify({ bootstrap: broker.bootstrap, topic, partitioner: 'numeric-modulo' })], {
      input: JSON.stringify(keys),
      timeoutMs: 20_000,
    });
    expect(run.code, run.stderr).toBe(0);
    const actual = new Map(JSON.parse(run.stdout) as [string, number][]);
    const predicted = predict('custom-numeric-modulo', keys);
    expect(keys.filter((key) => actual.get(key) !== predicted.get(key))).toEqual([]);
  }, 25_000);
});
