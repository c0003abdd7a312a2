import type { z } from 'zod';
import * as commands from './commands';
import type { Result } from './result';
import type {
  BrokerEventView,
  CommitView,
  ConnectionView,
  ConsumedBatch,
  DeliveryAnomaly,
  GroupView,
  LoadGeneratorView,
  Notice,
  OrderingViolation,
  PartitionsAddResult,
  ProduceResult,
  RebalanceView,
  RecordsAggregate,
  Snapshot,
  TopicView,
} from './views';

/**
 * Every command the browser may send: its payload schema and what its acknowledgement carries.
 * The gateway validates each payload with `schema` and answers `Result<data>`; the browser's
 * typed socket infers both from here, so the two cannot drift apart.
 */
export const commandSchemas = {
  'topic:create': commands.topicCreateSchema,
  'topic:delete': commands.topicNameOnlySchema,
  'topic:watch': commands.watchSchema,
  'topic:unwatch': commands.topicNameOnlySchema,
  'partitions:add': commands.partitionsAddSchema,
  'records:produce': commands.produceSchema,
  'loadgen:start': commands.loadStartSchema,
  'loadgen:stop': commands.loadStopSchema,
  'group:create': commands.groupCreateSchema,
  'group:delete': commands.groupOnlySchema,
  'group:seek': commands.groupSeekSchema,
  'consumer:add': commands.groupOnlySchema,
  'consumer:remove': commands.consumerTargetSchema,
  'consumer:crash': commands.consumerTargetSchema,
  'consumer:pause': commands.consumerTargetSchema,
  'consumer:resume': commands.consumerTargetSchema,
  'consumer:delay': commands.consumerDelaySchema,
  'session:auth': commands.authSchema,
  'snapshot:request': commands.emptySchema,
} as const;

export type CommandName = keyof typeof commandSchemas;

/** What each command's acknowledgement carries on success. */
export interface CommandResults {
  'topic:create': TopicView;
  'topic:delete': { name: string };
  'topic:watch': TopicView;
  'topic:unwatch': { name: string };
  'partitions:add': PartitionsAddResult;
  'records:produce': ProduceResult;
  'loadgen:start': LoadGeneratorView;
  'loadgen:stop': { stopped: string[] };
  'group:create': GroupView;
  'group:delete': { groupId: string };
  'group:seek': GroupView;
  'consumer:add': { consumerId: string };
  'consumer:remove': { consumerId: string };
  'consumer:crash': { consumerId: string; expiresAt: number };
  'consumer:pause': { consumerId: string };
  'consumer:resume': { consumerId: string };
  'consumer:delay': { consumerId: string; delayMs: number };
  'session:auth': { canControl: boolean };
  'snapshot:request': Snapshot;
}

/** Commands that change something: refused without a presenter token when Lanes is open to a network. */
export const controlCommands: ReadonlySet<CommandName> = new Set<CommandName>([
  'topic:create',
  'topic:delete',
  'partitions:add',
  'records:produce',
  'loadgen:start',
  'loadgen:stop',
  'group:create',
  'group:delete',
  'group:seek',
  'consumer:add',
  'consumer:remove',
  'consumer:crash',
  'consumer:pause',
  'consumer:resume',
  'consumer:delay',
]);

export type CommandInput<C extends CommandName> = z.input<(typeof commandSchemas)[C]>;
export type CommandPayload<C extends CommandName> = z.output<(typeof commandSchemas)[C]>;
export type Ack<C extends CommandName> = (result: Result<CommandResults[C]>) => void;

/** socket.io's ClientToServerEvents: every command takes its payload and an acknowledgement. */
export type ClientToServerEvents = {
  [C in CommandName]: (payload: CommandInput<C>, ack: Ack<C>) => void;
};

/** socket.io's ServerToClientEvents. Records arrive coalesced, never one event per record. */
export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  'connection:state': (connection: ConnectionView) => void;
  'topics:changed': (topics: TopicView[]) => void;
  /**
   * A RecordsBatch as bytes (records-codec: keys and values as UTF-8, then an index of runs per
   * partition): encoded once per flush and shared by every browser. The browser acknowledges each batch once it has taken it; the gateway sends a
   * browser that stops acknowledging counts instead of records (records:aggregate).
   */
  'records:batch': (batch: Uint8Array | ArrayBuffer, ack: () => void) => void;
  'records:aggregate': (aggregate: RecordsAggregate) => void;
  'group:state': (group: GroupView) => void;
  'group:removed': (payload: { groupId: string }) => void;
  'group:rebalanced': (rebalance: RebalanceView) => void;
  'consumed:batch': (batch: ConsumedBatch) => void;
  'offsets:committed': (commit: CommitView) => void;
  'delivery:anomaly': (anomaly: DeliveryAnomaly) => void;
  'ordering:violation': (violation: OrderingViolation) => void;
  'broker:event': (event: BrokerEventView) => void;
  'loadgen:state': (generators: LoadGeneratorView[]) => void;
  notice: (notice: Notice) => void;
}
