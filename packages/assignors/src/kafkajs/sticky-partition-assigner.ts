/**
 * kafkajs adapter for the sticky assignor, protocol name "sticky" as in Java. Stickiness needs each
 * member to report what it owned, and kafkajs never tells an assigner its own assignment, so this one
 * listens to its consumer: GROUP_JOIN carries the new assignment, HEARTBEAT the generation it belongs
 * to. It then reports both in Java's StickyAssignor user-data format, which Java leaders read too.
 *
 * @example
 *   const sticky = createStickyPartitionAssigner();            // one per consumer
 *   const consumer = kafka.consumer({ groupId: 'lanes', partitionAssigners: [sticky.partitionAssigner] });
 *   const stopFollowing = sticky.follow(consumer);
 */
import type { Consumer, PartitionAssigner } from 'kafkajs';
import type { TopicPartition } from '../assignment-input';
import { ConsumerProtocolError } from '../consumer-protocol/protocol-bytes';
import { decodeStickyUserData, encodeStickyUserData } from '../consumer-protocol/sticky-user-data';
import { NO_GENERATION } from '../sticky/sticky-ownership';
import { assignSticky } from '../sticky/sticky-assignor';
import { kafkajsAssigner } from './kafkajs-assigner';

export interface StickyPartitionAssigner {
  /** Give this to kafkajs in `partitionAssigners`. */
  readonly partitionAssigner: PartitionAssigner;
  /** Records what this member owns now; `follow` calls it for you. */
  remember(partitions: TopicPartition[], generation?: number): void;
  /** Keeps the memory current from the consumer's events; returns a function that stops listening. */
  follow(consumer: Consumer): () => void;
}

export function createStickyPartitionAssigner(): StickyPartitionAssigner {
  let owned: TopicPartition[] | undefined;
  let generation: number | undefined;

  const remember = (partitions: TopicPartition[], atGeneration?: number): void => {
    owned = partitions.map(({ topic, partition }) => ({ topic, partition }));
    generation = atGeneration;
  };

  const partitionAssigner = kafkajsAssigner({
    name: 'sticky',
    assign: assignSticky,
    // Java's StickyAssignor sends null until it has had an assignment.
    userData: () => (owned === undefined ? null : encodeStickyUserData(generation === undefined ? { partitions: owned } : { partitions: owned, generation })),
    readMember: ({ userData }) => {
      if (userData === null || userData.length === 0) return {};
      try {
        const reported = decodeStickyUserData(userData);
        return { previous: reported.partitions, generation: reported.generation };
      } catch (error) {
        // Java ignores a previous assignment it cannot parse rather than failing the rebalance.
        if (error instanceof ConsumerProtocolError) return { previous: [], generation: NO_GENERATION };
        throw error;
      }
    },
  });

  const follow = (consumer: Consumer): (() => void) => {
    const stopJoin = consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      remember(Object.entries(payload.memberAssignment).flatMap(([topic, partitions]) => partitions.map((partition) => ({ topic, partition }))));
    });
    const stopHeartbeat = consumer.on(consumer.events.HEARTBEAT, ({ payload }) => {
      if (owned !== undefined) generation = payload.groupGenerationId;
    });
    return () => {
      stopJoin();
      stopHeartbeat();
    };
  };

  return { partitionAssigner, remember, follow };
}
