import type { EncodeInput, RequestByKey, RequestHeader, ResponseByKey } from '@lanes/kafka-protocol';
import type { BrokerEvents } from './broker-events';
import type { BrokerOptions } from './broker-options';
import type { GroupCoordinator } from './group/group-coordinator';
import type { SlabPool } from './log/slab-pool';
import type { TopicRegistry } from './log/topic-registry';
import type { ProducerStates } from './producer/producer-states';

/** What every request handler may use: the broker's parts, wired once in broker.ts. */
export interface BrokerContext {
  readonly options: BrokerOptions;
  readonly advertised: { readonly host: string; readonly port: number };
  readonly topics: TopicRegistry;
  /** The memory every log keeps its batches in; a Fetch pins what its response refers to. */
  readonly slabs: SlabPool;
  readonly groups: GroupCoordinator;
  readonly producers: ProducerStates;
  readonly events: BrokerEvents;
  /** Aborted when the broker closes, so parked requests (long-poll Fetch) answer at once. */
  readonly closing: AbortSignal;
  log(message: string): void;
}

export interface RequestContext {
  readonly header: RequestHeader;
  readonly clientHost: string;
  /** Aborted when the client's connection closes or is closing: answer now or let go. */
  readonly connectionReleased: AbortSignal;
  /**
   * Runs `callback` once the response has been written to the socket, or will never be (the
   * connection closed, the handler failed, no response is due): Fetch keeps the log memory its
   * response refers to from being used again until then.
   */
  afterWrite(callback: () => void): void;
}

/** A response body (fields left out take Kafka's defaults), or null for "send nothing" (acks=0). */
export type HandlerResult<K extends keyof ResponseByKey> = EncodeInput<ResponseByKey[K]> | null;

export type ApiHandler<K extends keyof RequestByKey & keyof ResponseByKey> = (
  broker: BrokerContext,
  request: RequestByKey[K],
  context: RequestContext,
) => HandlerResult<K> | Promise<HandlerResult<K>>;
