import { createContentBasedPartitioner } from '../custom/content-based';
import { numericModuloPartition } from '../custom/numeric-modulo';
import { timeBucketedPartition } from '../custom/time-bucketed';
import { createWeightedPartitioner } from '../custom/weighted';
import type { ProfileDefinition } from './profile-definition';

/** The custom partitioners from Lanes' seed documents, with their differences from the seeds spelled out. */
export const CUSTOM_PROFILES: readonly ProfileDefinition[] = [
  {
    id: 'custom-numeric-modulo',
    label: 'Custom: numeric key modulo',
    clients: ['kafka-python lab example (seed 002)'],
    description: 'int(key) % partitions: the key must be a whole number; anything else is refused.',
    keyed: 'int(key) % partitions',
    keyless: 'refused: the partitioner needs a key',
    seedDifferences: ["Seed 002's comment says key b'369' goes to partition 0 \"because 369%3 = 2\": 369 % 3 is 0, so the partition is right and the arithmetic is not."],
    custom: true,
    placeKey: numericModuloPartition,
    createRouter: () => ({ state: null, route: ({ key, partitionCount }) => numericModuloPartition(key, partitionCount) }),
  },
  {
    id: 'custom-weighted',
    label: 'Custom: weighted',
    clients: ['Iggy guide WeightedPartitioner (seed 001)'],
    description: '70% of traffic to partitions 0-1 by default. Keys are hashed into weighted buckets, so a key keeps its partition; keyless records are drawn at random.',
    keyed: 'murmur2 % 100 into weighted buckets',
    keyless: 'random, weighted',
    seedDifferences: ['Seed 001 walks a shared counter (count % 100 < 70), so one key scatters over partitions; Lanes hashes keyed records to keep per-key order.'],
    custom: true,
    placeKey: (key, partitionCount) => createWeightedPartitioner().choose(key, partitionCount),
    createRouter: ({ random, weighted }) => {
      const partitioner = createWeightedPartitioner({ ...weighted, random: weighted?.random ?? random });
      return { state: null, route: ({ key, partitionCount }) => partitioner.choose(key, partitionCount) };
    },
  },
  {
    id: 'custom-content-based',
    label: 'Custom: content-based',
    clients: ['Iggy guide PriorityPartitioner (seed 001)'],
    description: 'A JSON value with "priority": "high" goes to reserved partition 0; other keyed records hash over the remaining partitions, keyless ones round robin.',
    keyed: 'value field, then murmur2 over the other partitions',
    keyless: 'reserved partition for matching values, else round robin over the others',
    seedDifferences: ['Seed 001 round-robins every normal record; Lanes hashes keyed ones so per-key order survives.'],
    custom: true,
    placeKey: (key, partitionCount) => createContentBasedPartitioner().choose({ key }, partitionCount),
    createRouter: ({ contentBased }) => {
      const partitioner = createContentBasedPartitioner(contentBased);
      return { state: partitioner.state, route: ({ key, value, partitionCount }) => partitioner.choose({ key, value }, partitionCount) };
    },
  },
  {
    id: 'custom-time-bucketed',
    label: 'Custom: hour of day',
    clients: ['Iggy guide HourlyPartitioner (seed 001)'],
    description: 'UTC hour of the record timestamp % partitions: every record of one hour shares a partition, whatever its key.',
    keyed: null,
    keyless: 'UTC hour of the timestamp % partitions',
    seedDifferences: ['Seed 001 reads the wall clock when sending; Lanes uses the record timestamp and the clock only when there is none.'],
    custom: true,
    createRouter: ({ now }) => ({
      state: null,
      route: ({ timestamp, partitionCount }) =>
        timestamp === undefined ? timeBucketedPartition(now(), partitionCount, 'clock') : timeBucketedPartition(timestamp, partitionCount),
    }),
  },
];
