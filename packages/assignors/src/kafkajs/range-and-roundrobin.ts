/**
 * kafkajs adapters for the two stateless assignors, under the protocol names Java and librdkafka use
 * (librdkafka's default partition.assignment.strategy is "range,roundrobin").
 *
 * @example
 *   const consumer = kafka.consumer({ groupId: 'lanes', partitionAssigners: [rangePartitionAssigner] });
 */
import type { PartitionAssigner } from 'kafkajs';
import { assignRange } from '../range-assignor';
import { assignRoundRobin } from '../roundrobin-assignor';
import { kafkajsAssigner } from './kafkajs-assigner';

export const rangePartitionAssigner: PartitionAssigner = kafkajsAssigner({ name: 'range', assign: assignRange });

export const roundRobinPartitionAssigner: PartitionAssigner = kafkajsAssigner({ name: 'roundrobin', assign: assignRoundRobin });
