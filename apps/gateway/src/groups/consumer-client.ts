import { Kafka, logLevel, type Consumer, type PartitionAssigner } from 'kafkajs';
import { createStickyPartitionAssigner, rangePartitionAssigner, roundRobinPartitionAssigner } from '@lanes/assignors';
import type { Assignor } from '@lanes/events';
import type { CrashableSocketFactory } from './crashable-socket-factory';

export interface ConsumerClientOptions {
  groupId: string;
  clientId: string;
  brokers: string[];
  assignor: Assignor;
  sessionTimeoutMs: number;
  sockets: CrashableSocketFactory;
  /** Whether kafkajs's error logs are worth passing on (not for a consumer that crashed on purpose). */
  shouldLog: () => boolean;
  /** kafkajs restarts a consumer after a failure only while this is true. */
  shouldRestart: () => boolean;
  log: (message: string) => void;
}

/** kafkajs's minimum: heartbeats must come more often than the session timeout. */
const MIN_HEARTBEAT_MS = 100;
/** Long enough for a member sleeping through the longest processing delay (10 s) to rejoin. */
const MIN_REBALANCE_TIMEOUT_MS = 15_000;
/** Short fetch waits so a click on the dashboard shows within a fraction of a second. */
const MAX_WAIT_MS = 200;
const REBALANCE_CHATTER = /^Response (Heartbeat|SyncGroup|JoinGroup|OffsetCommit|OffsetFetch|LeaveGroup)\(/;

/**
 * A kafkajs consumer on a kafkajs client of its own, so that crashing it cuts only its connections.
 * Heartbeats every tenth of the session timeout, as Java's default ratio (3 s of 45 s) roughly is,
 * and uses the group's assignor under its Java name so other clients can share the group.
 */
export function createConsumerClient(options: ConsumerClientOptions): Consumer {
  const { groupId, clientId, sessionTimeoutMs } = options;
  const kafka = new Kafka({
    clientId,
    brokers: options.brokers,
    socketFactory: options.sockets.socketFactory,
    connectionTimeout: 3000,
    requestTimeout: 10_000,
    logLevel: logLevel.ERROR,
    logCreator: () => ({ log }) => {
      // Group requests answered with "rebalancing" or "unknown member" are how kafkajs learns of a
      // rebalance: normal here, and shown on the dashboard, so they stay out of the log.
      if (REBALANCE_CHATTER.test(String(log.message))) return;
      if (options.shouldLog()) options.log(`Group '${groupId}' ${clientId}: ${log.message}`);
    },
  });
  const sticky = options.assignor === 'sticky' ? createStickyPartitionAssigner() : null;
  const assigner: PartitionAssigner = sticky?.partitionAssigner ?? (options.assignor === 'roundrobin' ? roundRobinPartitionAssigner : rangePartitionAssigner);
  const consumer = kafka.consumer({
    groupId,
    partitionAssigners: [assigner],
    sessionTimeout: sessionTimeoutMs,
    heartbeatInterval: Math.max(MIN_HEARTBEAT_MS, Math.floor(sessionTimeoutMs / 10)),
    rebalanceTimeout: Math.max(MIN_REBALANCE_TIMEOUT_MS, sessionTimeoutMs),
    maxWaitTimeInMs: MAX_WAIT_MS,
    allowAutoTopicCreation: false,
    retry: { initialRetryTime: 200, maxRetryTime: 2000, retries: 5, restartOnFailure: async () => options.shouldRestart() },
  });
  // Sticky needs each member to report what it owned; kafkajs tells only the consumer.
  sticky?.follow(consumer);
  return consumer;
}
