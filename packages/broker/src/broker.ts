import { BrokerEvents } from './broker-events';
import type { BrokerContext } from './broker-context';
import { parseBrokerOptions, type BrokerOptions, type BrokerOptionsInput } from './broker-options';
import { createFrameHandler } from './dispatch';
import { GroupCoordinator } from './group/group-coordinator';
import { SlabPool } from './log/slab-pool';
import { TopicRegistry } from './log/topic-registry';
import { TcpServer } from './network/tcp-server';
import { ProducerStates } from './producer/producer-states';

/** A running embedded broker. */
export interface Broker {
  /** What a client puts in bootstrap.servers, e.g. "127.0.0.1:9092". */
  readonly bootstrap: string;
  readonly host: string;
  readonly port: number;
  readonly options: BrokerOptions;
  /** Internal happenings (batches appended, segments rolled, members expired) for observers. */
  readonly events: BrokerEvents;
  readonly topics: TopicRegistry;
  readonly groups: GroupCoordinator;
  readonly connectionCount: number;
  close(): Promise<void>;
}

/**
 * Starts a single-node broker that speaks the Kafka wire protocol on `host:port`.
 *
 * @example
 *   const broker = await startBroker({ port: 0 });
 *   const kafka = new Kafka({ brokers: [broker.bootstrap] });
 *   // ...
 *   await broker.close();
 */
export async function startBroker(input: BrokerOptionsInput = {}): Promise<Broker> {
  const options = parseBrokerOptions(input);
  const log = options.log ?? (() => {});
  const events = new BrokerEvents();
  const slabs = new SlabPool();
  const topics = new TopicRegistry({
    events,
    slabs,
    defaultPartitions: options.defaultPartitions,
    maxPartitionsPerTopic: options.maxPartitionsPerTopic,
    topicDefaults: {
      'segment.bytes': options.segmentBytes,
      'retention.bytes': options.retentionBytes,
      'retention.ms': options.retentionMs,
    },
  });
  const groups = new GroupCoordinator({
    events,
    initialRebalanceDelayMs: options.initialRebalanceDelayMs,
    minSessionTimeoutMs: options.minSessionTimeoutMs,
    maxSessionTimeoutMs: options.maxSessionTimeoutMs,
  });
  const producers = new ProducerStates();
  events.on('topic:deleted', ({ topic }) => producers.forgetTopic(topic));
  const closing = new AbortController();
  const advertised = { host: options.advertisedHost ?? advertisableHost(options.host), port: options.port };
  const context: BrokerContext = { options, advertised, topics, slabs, groups, producers, events, closing: closing.signal, log };

  const server = new TcpServer(
    { host: options.host, port: options.port, maxRequestBytes: options.maxRequestBytes, maxInFlightRequests: options.maxInFlightRequestsPerConnection, log },
    createFrameHandler(context),
  );
  try {
    advertised.port = await server.listen();
  } catch (error) {
    groups.close();
    throw listenError(error, options);
  }
  const retention = setInterval(() => {
    const now = Date.now();
    topics.enforceRetention(now);
    slabs.trim(now);
  }, options.retentionCheckIntervalMs);
  retention.unref();

  let closed: Promise<void> | undefined;
  return {
    bootstrap: `${advertised.host}:${advertised.port}`,
    host: advertised.host,
    port: advertised.port,
    options,
    events,
    topics,
    groups,
    get connectionCount() {
      return server.connectionCount;
    },
    close() {
      closed ??= (async () => {
        clearInterval(retention);
        closing.abort();
        groups.close();
        await server.close();
      })();
      return closed;
    },
  };
}

/** A wildcard bind address cannot be connected to; tell clients to use loopback instead. */
function advertisableHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}

function listenError(error: unknown, options: BrokerOptions): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new Error(`Port ${options.port} on ${options.host} is already in use (is another Kafka broker running?). Choose another with --port, or --port 0 for any free port.`);
  }
  if (code === 'EADDRNOTAVAIL') return new Error(`Cannot listen on ${options.host}: no network interface has that address.`);
  return error instanceof Error ? error : new Error(String(error));
}
