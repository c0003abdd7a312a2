import { javaMurmur2, toPositive } from '../hashes/java-murmur2';
import { describeKey, keyBytes, type RecordKey } from '../key-bytes';
import { PartitioningError, step, type PartitionChoice } from '../partition-choice';
import { randomBelow, systemRandom, type RandomSource } from '../keyless/random-source';

export interface WeightedOptions {
  /** The partitions that take the larger share, e.g. [0, 1] on faster machines. */
  heavyPartitions?: readonly number[];
  /** Percent of traffic for the heavy partitions, 1-99. */
  heavyPercent?: number;
  random?: RandomSource;
}

export interface WeightedPartitioner {
  readonly heavyPartitions: readonly number[];
  readonly heavyPercent: number;
  choose(key: RecordKey | null, partitionCount: number): PartitionChoice;
}

/**
 * The seed guide's WeightedPartitioner: 70% of traffic to partitions 0-1, the rest to the others.
 * The guide walks a shared counter (count % 100 < 70); Lanes makes keyed records deterministic
 * instead, so a key keeps its partition: toPositive(murmur2(key)) % 100 picks the group, and the
 * hash divided by 100 picks the member. Keyless records draw the group and the member at random.
 */
export function createWeightedPartitioner(options: WeightedOptions = {}): WeightedPartitioner {
  const heavyPartitions = [...(options.heavyPartitions ?? [0, 1])];
  const heavyPercent = options.heavyPercent ?? 70;
  const random = options.random ?? systemRandom;
  if (heavyPartitions.length === 0 || new Set(heavyPartitions).size !== heavyPartitions.length || !heavyPartitions.every((p) => Number.isInteger(p) && p >= 0)) {
    throw new PartitioningError('heavyPartitions must list distinct partition numbers (0 or more), e.g. [0, 1].');
  }
  if (!Number.isInteger(heavyPercent) || heavyPercent < 1 || heavyPercent > 99) {
    throw new PartitioningError(`heavyPercent must be a whole percent from 1 to 99; got ${heavyPercent}.`);
  }
  return {
    heavyPartitions,
    heavyPercent,
    choose(key, partitionCount) {
      const light = lightPartitions(heavyPartitions, partitionCount);
      if (key === null) {
        const roll = randomBelow(random, 100);
        const group = roll < heavyPercent ? heavyPartitions : light;
        const partition = group[randomBelow(random, group.length)] as number;
        return {
          partition,
          explanation: `no key: random roll ${roll} ${roll < heavyPercent ? '<' : '≥'} ${heavyPercent} → ${groupName(group === heavyPartitions, group)} → random member ${partition}`,
          steps: [step('roll (0-99)', roll), step('group', groupName(group === heavyPartitions, group)), step('partition', partition)],
        };
      }
      const positive = toPositive(javaMurmur2(keyBytes(key)));
      const bucket = positive % 100;
      const heavy = bucket < heavyPercent;
      const group = heavy ? heavyPartitions : light;
      const member = Math.floor(positive / 100) % group.length;
      const partition = group[member] as number;
      return {
        partition,
        explanation: `weighted: murmur2(${describeKey(key)}) & 0x7fffffff = ${positive} → % 100 = ${bucket} ${heavy ? '<' : '≥'} ${heavyPercent} → ${groupName(heavy, group)} → (${positive} / 100) % ${group.length} = ${member} → partition ${partition}`,
        steps: [
          step('murmur2 & 0x7fffffff', positive),
          step('bucket (% 100)', bucket),
          step('group', groupName(heavy, group)),
          step(`member (hash / 100 % ${group.length})`, member),
          step('partition', partition),
        ],
      };
    },
  };
}

function lightPartitions(heavy: readonly number[], partitionCount: number): number[] {
  const outside = heavy.filter((p) => p >= partitionCount);
  if (outside.length > 0) {
    throw new PartitioningError(`The weighted partitioner's heavy partitions ${outside.join(', ')} do not exist: the topic has ${partitionCount} partitions (0-${partitionCount - 1}).`);
  }
  const light = Array.from({ length: partitionCount }, (_, p) => p).filter((p) => !heavy.includes(p));
  if (light.length === 0) {
    throw new PartitioningError(`The weighted partitioner needs at least one partition outside ${heavy.join(', ')}; add partitions to the topic or list fewer heavy ones.`);
  }
  return light;
}

function groupName(heavy: boolean, group: readonly number[]): string {
  return `${heavy ? 'heavy' : 'light'} group [${group.join(', ')}]`;
}
