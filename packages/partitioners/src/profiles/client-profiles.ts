import type { RecordKey } from '../key-bytes';
import { crc32Partition } from '../keyed/crc32-partition';
import { fnv1aPartition } from '../keyed/fnv1a-partition';
import { iggyMessagesKeyPartition, iggySeedGuidePartition } from '../keyed/iggy-key-partition';
import { kafkajsLegacyPartition } from '../keyed/kafkajs-legacy-partition';
import { murmur2Partition } from '../keyed/murmur2-partition';
import type { PartitionChoice } from '../partition-choice';
import { createIggyBalanced, createJavaRoundRobin, createKafkajsRoundRobin } from '../keyless/round-robin';
import { createSticky } from '../keyless/sticky';
import { createUniformRandom } from '../keyless/uniform-random';
import type { ProfileDefinition } from './profile-definition';
import { keyedThenKeyless, type KeyedStrategy } from './profile-router';

const LIBRDKAFKA_CLIENTS = ['kcat', 'confluent-kafka-python', 'confluent-kafka-go', 'confluent-kafka-dotnet', 'Rust rdkafka crate'];
const NOT_MURMUR3 = "Seed 001 says Kafka partitions with MurmurHash3; Kafka's partitioner is murmur2 (MurmurHash2).";
const ROUND_ROBIN_CLAIM = 'Seeds 000 and 002 say keyless records go round robin';
const LIBRDKAFKA_STICKY = { kind: 'time', windowMs: 10 } as const;

/** librdkafka's murmur2 / fnv1a / consistent: a null key is hashed as zero bytes, so it always lands on one partition. */
function nullKeyHashedAsEmpty(keyed: (key: RecordKey, partitionCount: number) => PartitionChoice, name: string) {
  return () => ({
    state: null,
    route({ key, partitionCount }: { key: RecordKey | null; partitionCount: number }): PartitionChoice {
      if (key !== null) return keyed(key, partitionCount);
      const choice = keyed(new Uint8Array(), partitionCount);
      return { ...choice, explanation: `no key: ${name} hashes it as zero bytes, so every keyless record lands here → ${choice.explanation}` };
    },
  });
}

/** consistent_random sends empty keys the same way as null ones (rdkafka_msg.c: keylen == 0 → random). */
const crc32UnlessEmpty: KeyedStrategy = (key, partitionCount) =>
  key.length === 0 ? { keyDoesNotDecide: 'empty key: consistent_random treats it like no key' } : crc32Partition(key, partitionCount);

export const CLIENT_PROFILES: readonly ProfileDefinition[] = [
  {
    id: 'kafkajs',
    label: 'kafkajs 2.x',
    clients: ['kafkajs 2.x (DefaultPartitioner)'],
    description: 'Keys: toPositive(murmur2(key)) % partitions, like Java. No key: round robin from a random start, one counter per topic.',
    keyed: 'murmur2 (Java-compatible)',
    keyless: 'round robin per topic, counter seeded at random',
    seedDifferences: [],
    custom: false,
    placeKey: murmur2Partition,
    createRouter: ({ random, now }) => keyedThenKeyless(murmur2Partition, createKafkajsRoundRobin({ random }), now),
  },
  {
    id: 'kafkajs-legacy',
    label: 'kafkajs LegacyPartitioner',
    clients: ['kafkajs 1.x (default)', 'kafkajs 2.x with Partitioners.LegacyPartitioner'],
    description: "The pre-2.0 default: Java's formula over a murmur2 port that loses precision in JS doubles, so many keys land elsewhere than with Java.",
    keyed: 'legacy murmur2 (imprecise)',
    keyless: 'round robin per topic, counter seeded at random',
    seedDifferences: [],
    custom: false,
    placeKey: kafkajsLegacyPartition,
    createRouter: ({ random, now }) => keyedThenKeyless(kafkajsLegacyPartition, createKafkajsRoundRobin({ random }), now),
  },
  {
    id: 'java',
    label: 'Java client 2.4+',
    clients: ['Java client 2.4+', 'Kafka Streams', 'Spring Kafka'],
    description: 'Keys: toPositive(murmur2(key)) % partitions. No key: sticky, one random partition until the batch is sent (KIP-480; KIP-794 in 3.3+ switches after batch.size bytes).',
    keyed: 'murmur2',
    keyless: 'sticky per batch (KIP-480 / KIP-794)',
    seedDifferences: [`${ROUND_ROBIN_CLAIM}; the Java client has been sticky since 2.4.`, NOT_MURMUR3],
    custom: false,
    placeKey: murmur2Partition,
    createRouter: ({ random, now, sticky }) =>
      keyedThenKeyless(murmur2Partition, createSticky({ rule: sticky ?? { kind: 'messages', count: 10 }, random, avoidPrevious: true, label: 'Java' }), now),
  },
  {
    id: 'java-2.3',
    label: 'Java client ≤ 2.3',
    clients: ['Java client 0.9-2.3'],
    description: 'Keys: toPositive(murmur2(key)) % partitions. No key: round robin per message from a random start.',
    keyed: 'murmur2',
    keyless: 'round robin per topic',
    seedDifferences: [],
    custom: false,
    placeKey: murmur2Partition,
    createRouter: ({ random, now }) => keyedThenKeyless(murmur2Partition, createJavaRoundRobin({ random }), now),
  },
  {
    id: 'librdkafka',
    label: 'librdkafka (consistent_random)',
    clients: ['librdkafka default', ...LIBRDKAFKA_CLIENTS],
    description: 'Keys: crc32(key) % partitions, not murmur2. Null or empty key: a random partition kept for sticky.partitioning.linger.ms (10 ms).',
    keyed: 'crc32',
    keyless: 'sticky random, 10 ms linger',
    seedDifferences: [
      'Seed 000 (Rust rdkafka lab) says keyless records rotate round robin; librdkafka sticks to one random partition for 10 ms at a time.',
      "Seeds 000 and 003 speak of Kafka's default partitioner; librdkafka hashes with crc32, so a key can land on another partition than a Java or kafkajs producer picks (confluent-kafka-python#1481).",
    ],
    custom: false,
    placeKey: crc32UnlessEmpty,
    createRouter: ({ random, now, sticky }) => keyedThenKeyless(crc32UnlessEmpty, createSticky({ rule: sticky ?? LIBRDKAFKA_STICKY, random, label: 'librdkafka' }), now),
  },
  {
    id: 'librdkafka-murmur2-random',
    label: 'librdkafka murmur2_random',
    clients: ['librdkafka with partitioner=murmur2_random', ...LIBRDKAFKA_CLIENTS],
    description: 'The Java-compatible setting: toPositive(murmur2(key)) % partitions; only null keys go to the sticky random partition.',
    keyed: 'murmur2 (Java-compatible)',
    keyless: 'sticky random, 10 ms linger',
    seedDifferences: [],
    custom: false,
    placeKey: murmur2Partition,
    createRouter: ({ random, now, sticky }) => keyedThenKeyless(murmur2Partition, createSticky({ rule: sticky ?? LIBRDKAFKA_STICKY, random, label: 'librdkafka' }), now),
  },
  {
    id: 'librdkafka-fnv1a-random',
    label: 'librdkafka fnv1a_random',
    clients: ['librdkafka with partitioner=fnv1a_random', ...LIBRDKAFKA_CLIENTS],
    description: "The Sarama-compatible setting: |fnv1a(key) as int32| % partitions; only null keys go to the sticky random partition.",
    keyed: 'fnv1a (Sarama-compatible)',
    keyless: 'sticky random, 10 ms linger',
    seedDifferences: [],
    custom: false,
    placeKey: fnv1aPartition,
    createRouter: ({ random, now, sticky }) => keyedThenKeyless(fnv1aPartition, createSticky({ rule: sticky ?? LIBRDKAFKA_STICKY, random, label: 'librdkafka' }), now),
  },
  {
    id: 'librdkafka-consistent',
    label: 'librdkafka consistent',
    clients: ['librdkafka with partitioner=consistent'],
    description: 'crc32(key) % partitions; a null or empty key hashes to 0, so all of them land on partition 0.',
    keyed: 'crc32',
    keyless: 'partition 0 (crc32 of nothing is 0)',
    seedDifferences: [],
    custom: false,
    placeKey: crc32Partition,
    createRouter: nullKeyHashedAsEmpty(crc32Partition, 'consistent'),
  },
  {
    id: 'librdkafka-murmur2',
    label: 'librdkafka murmur2',
    clients: ['librdkafka with partitioner=murmur2'],
    description: 'toPositive(murmur2(key)) % partitions; a null key hashes as empty, so all keyless records share one partition.',
    keyed: 'murmur2 (Java-compatible)',
    keyless: 'one fixed partition (murmur2 of nothing)',
    seedDifferences: [],
    custom: false,
    placeKey: murmur2Partition,
    createRouter: nullKeyHashedAsEmpty(murmur2Partition, 'murmur2'),
  },
  {
    id: 'librdkafka-fnv1a',
    label: 'librdkafka fnv1a',
    clients: ['librdkafka with partitioner=fnv1a'],
    description: '|fnv1a(key) as int32| % partitions; a null key hashes as empty, so all keyless records share one partition.',
    keyed: 'fnv1a (Sarama-compatible)',
    keyless: 'one fixed partition (fnv1a of nothing)',
    seedDifferences: [],
    custom: false,
    placeKey: fnv1aPartition,
    createRouter: nullKeyHashedAsEmpty(fnv1aPartition, 'fnv1a'),
  },
  {
    id: 'librdkafka-random',
    label: 'librdkafka random',
    clients: ['librdkafka with partitioner=random'],
    description: 'Ignores the key: every record, keyed or not, goes to a random partition.',
    keyed: null,
    keyless: 'random per message',
    seedDifferences: [],
    custom: false,
    createRouter: ({ random }) => {
      const keyless = createUniformRandom({ random, label: 'random per message (librdkafka random partitioner)' });
      return {
        state: keyless.state,
        route: ({ key, partitionCount }) => {
          const choice = keyless.next(partitionCount, 0);
          return key === null ? choice : { ...choice, explanation: `the random partitioner ignores the key → ${choice.explanation.replace(/^no key: /, '')}` };
        },
      };
    },
  },
  {
    id: 'kafka-python',
    label: 'kafka-python 2.0.2',
    clients: ['kafka-python 2.0.2'],
    description: 'Keys: murmur2 & 0x7fffffff % partitions, like Java. No key: random.choice of the available partitions for every record.',
    keyed: 'murmur2 (Java-compatible)',
    keyless: 'random per message',
    seedDifferences: [`${ROUND_ROBIN_CLAIM}; kafka-python picks a random partition for every keyless record.`],
    custom: false,
    placeKey: murmur2Partition,
    createRouter: ({ random, now }) => keyedThenKeyless(murmur2Partition, createUniformRandom({ random }), now),
  },
  {
    id: 'iggy',
    label: 'Apache Iggy',
    clients: ['Apache Iggy server (messages_key, balanced)'],
    description: 'messages_key: xxh32(key, seed 0) % partitions, computed by the server. No key (balanced): a server-side round robin per topic.',
    keyed: 'xxh32',
    keyless: 'balanced: server round robin per topic',
    seedDifferences: ['Seed 001 says the server hashes keys with MurmurHash3; it has used XXH32 (seed 0) since late 2023.'],
    custom: false,
    placeKey: iggyMessagesKeyPartition,
    createRouter: ({ now }) => keyedThenKeyless(iggyMessagesKeyPartition, createIggyBalanced(), now),
  },
  {
    id: 'iggy-seed-guide',
    label: 'Iggy, per the seed guide',
    clients: ['Iggy partitioning guide (seed 001)'],
    description: "The guide's claim, partition = murmur3(key) % partitions, shown beside the server's real xxh32 answer.",
    keyed: 'murmur3 (x86_32, seed 0)',
    keyless: 'balanced: server round robin per topic',
    seedDifferences: ["This is the seed guide's formula, not the server's: compare with the Apache Iggy profile."],
    custom: false,
    placeKey: iggySeedGuidePartition,
    createRouter: ({ now }) => keyedThenKeyless(iggySeedGuidePartition, createIggyBalanced(), now),
  },
];
