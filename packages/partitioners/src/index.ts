/**
 * @lanes/partitioners: which partition a record goes to, per client, with an explanation a person
 * can read. Pure and browser-safe: no Node APIs, no I/O.
 */
export { choosePartition, type RecordToPlace, type ProfileChoice } from './choose-partition';
export { partitionsForKeyByProfile, type KeyPlacement } from './partitions-for-key';
export { PROFILES, PROFILE_IDS, createProfileState, isProfileId, profileById, type Profile, type ProfileId, type ProfileState, type ProfileStateOptions } from './profiles';
export { PartitioningError, type PartitionChoice, type PartitionStep } from './partition-choice';
export { checkPartitionCount, explicitPartitionChoice, describePartitionRange } from './explicit-partition';
export { keyBytes, describeKey, type RecordKey } from './key-bytes';

export { javaMurmur2, toPositive } from './hashes/java-murmur2';
export { kafkajsLegacyMurmur2 } from './hashes/kafkajs-legacy-murmur2';
export { crc32 } from './hashes/crc32';
export { fnv1a32, librdkafkaFnv1a } from './hashes/fnv1a';
export { xxh32 } from './hashes/xxh32';
export { murmur3x86_32 } from './hashes/murmur3';

export { murmur2Partition } from './keyed/murmur2-partition';
export { kafkajsLegacyPartition } from './keyed/kafkajs-legacy-partition';
export { crc32Partition } from './keyed/crc32-partition';
export { fnv1aPartition } from './keyed/fnv1a-partition';
export { iggyMessagesKeyPartition, iggySeedGuidePartition } from './keyed/iggy-key-partition';

export type { KeylessPartitioner } from './keyless/keyless-partitioner';
export { seededRandom, systemRandom, type RandomSource } from './keyless/random-source';
export { createKafkajsRoundRobin, createJavaRoundRobin, createIggyBalanced, type RoundRobinState } from './keyless/round-robin';
export { createSticky, type StickySwitchRule, type StickyOptions, type StickyState } from './keyless/sticky';
export { createUniformRandom, type UniformRandomState } from './keyless/uniform-random';

export { numericModuloPartition } from './custom/numeric-modulo';
export { createWeightedPartitioner, type WeightedOptions, type WeightedPartitioner } from './custom/weighted';
export { createContentBasedPartitioner, type ContentBasedOptions, type ContentBasedPartitioner, type ContentBasedState } from './custom/content-based';
export { timeBucketedPartition } from './custom/time-bucketed';
