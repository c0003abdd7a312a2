import { EventEmitter } from 'node:events';

/** Lifecycle of a consumer group, as in Kafka's GroupCoordinator (classic protocol). */
export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

export interface GroupMemberView {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  /** ConsumerProtocolAssignment bytes the leader gave this member (empty until SyncGroup completes). */
  assignment: Buffer;
}

/**
 * What happens inside the broker, for observers such as the Lanes gateway. The Kafka protocol
 * cannot show these (a segment roll, a member expiring), so the embedded broker publishes them.
 * The broker never imports its observers: they subscribe here.
 */
export interface BrokerEventMap {
  'topic:created': { topic: string; partitions: number };
  'topic:deleted': { topic: string };
  'partitions:added': { topic: string; from: number; to: number };
  'batch:appended': {
    topic: string;
    partition: number;
    baseOffset: number;
    count: number;
    bytes: number;
    maxTimestamp: number;
    producerId: number;
  };
  'segment:rolled': { topic: string; partition: number; baseOffset: number; closedBaseOffset: number };
  'segment:deleted': {
    topic: string;
    partition: number;
    baseOffset: number;
    /** The offset after the last record of the deleted segment. */
    endOffset: number;
    reason: 'retention.bytes' | 'retention.ms';
    logStartOffset: number;
  };
  'group:state': {
    groupId: string;
    state: GroupState;
    generationId: number;
    protocolType: string | null;
    protocolName: string | null;
    leaderId: string | null;
    members: GroupMemberView[];
  };
  'member:joined': { groupId: string; memberId: string; clientId: string; clientHost: string; sessionTimeoutMs: number };
  'member:left': { groupId: string; memberId: string };
  'member:heartbeat': { groupId: string; memberId: string; at: number; sessionTimeoutMs: number };
  'member:expired': { groupId: string; memberId: string; sessionTimeoutMs: number; lastHeartbeatAt: number };
  'offsets:committed': {
    groupId: string;
    memberId: string;
    generationId: number;
    offsets: { topic: string; partition: number; offset: number; metadata: string | null }[];
  };
  'group:deleted': { groupId: string };
}

export type BrokerEventName = keyof BrokerEventMap;

/** A Node EventEmitter whose event names and payloads are checked by the compiler. */
export class BrokerEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  on<E extends BrokerEventName>(event: E, listener: (payload: BrokerEventMap[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }

  once<E extends BrokerEventName>(event: E, listener: (payload: BrokerEventMap[E]) => void): void {
    this.emitter.once(event, listener);
  }

  emit<E extends BrokerEventName>(event: E, payload: BrokerEventMap[E]): void {
    this.emitter.emit(event, payload);
  }

  listenerCount(event: BrokerEventName): number {
    return this.emitter.listenerCount(event);
  }
}
