import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import express from 'express';
import { Server } from 'socket.io';
import { startBroker, type Broker } from '@lanes/broker';
import type { ConnectionView, Snapshot } from '@lanes/events';
import { bridgeBrokerEvents } from './broker-bridge';
import { isLoopback, type GatewayConfig } from './config';
import { ExternalGroups } from './external/external-groups';
import { firstFreePort } from './free-port';
import { ManagedGroups } from './groups/managed-groups';
import { restRoutes } from './http/rest-routes';
import { ConnectionMonitor } from './kafka/connection-monitor';
import { createKafka } from './kafka/kafka-client';
import { createResilientAdmin } from './kafka/resilient-admin';
import { ProducerService } from './kafka/producer-service';
import { RecentKeys } from './kafka/recent-keys';
import { TAP_GROUP_PREFIX, Tap } from './kafka/tap';
import { TopicService } from './kafka/topic-service';
import { LoadGenerators } from './load/load-generators';
import { BurstCollector, exposedGc } from './memory/burst-collector';
import type { GatewayServices } from './services';
import { attachSockets, type LanesServer } from './socket/socket-server';
import { StreamHub } from './stream/stream-hub';
import { TopicViews } from './topic-views';

export interface RunningGateway {
  /** Where the dashboard is: http://127.0.0.1:3000 */
  readonly url: string;
  readonly port: number;
  readonly services: GatewayServices;
  readonly http: HttpServer;
  readonly io: LanesServer;
  close(): Promise<void>;
}

/**
 * The composition root: starts (or connects to) Kafka, wires every part, and listens.
 *
 * @example
 *   const gateway = await startGateway(parseConfig({ port: 0 }));
 *   console.log(gateway.url, gateway.services.bootstrap);
 *   await gateway.close();
 */
export async function startGateway(config: GatewayConfig, options: { log?: (message: string) => void } = {}): Promise<RunningGateway> {
  const log = options.log ?? (config.logLevel === 'silent' ? () => {} : (message: string) => console.error(`[gateway] ${message}`));
  let broker: Broker | null = null;
  let brokers = config.kafkaBrokers;
  if (!brokers) {
    const port = await firstFreePort(config.brokerHost, config.brokerPort);
    broker = await startBroker({ host: config.brokerHost, port, log: config.logLevel === 'debug' ? (m) => log(`broker: ${m}`) : undefined });
    brokers = [broker.bootstrap];
  }

  const kafka = createKafka(brokers, config);
  const admin = createResilientAdmin(kafka, log);
  const connection = new ConnectionMonitor(admin);
  const app = express();
  app.disable('x-powered-by');
  const http = createServer(app);
  const io: LanesServer = new Server(http, { maxHttpBufferSize: 8 * 1024 * 1024, serveClient: false, cors: { origin: false } });
  const hub = new StreamHub(
    {
      // socket.io's broadcast types leave out events that take an acknowledgement (records:batch);
      // the hub never broadcasts those, it sends them to each browser on its own.
      emit: (event, ...args) => (io.emit as (name: string, ...payload: unknown[]) => boolean)(event, ...args),
    },
    { flushIntervalMs: config.flushIntervalMs, clientBufferRecords: config.clientBufferRecords },
  );
  const collector = new BurstCollector(exposedGc(), { minRecords: 100_000, quietMs: 1000 });
  const tap = new Tap(kafka, {
    onRecords: (run) => {
      hub.publishRecords(run);
      collector.recordsSeen(run.length);
    },
    onError: log,
    minBytes: config.tapMinBytes,
    maxWaitTimeInMs: config.tapMaxWaitMs,
  });
  const topics = new TopicService(admin, broker, (topic) => tap.isWatched(topic));
  const recentKeys = new RecentKeys();
  const producer = new ProducerService(kafka, topics, recentKeys);
  const topicViews = new TopicViews(topics, (views) => hub.emit('topics:changed', views), () => connection.current.status === 'connected');
  const groups = new ManagedGroups({ kafka, admin, hub, brokerEvents: broker?.events ?? null, brokers, log });
  const externalGroups = new ExternalGroups({
    admin,
    hub,
    brokerEvents: broker?.events ?? null,
    pollMs: config.groupPollMs,
    isManaged: (id) => groups.has(id),
    isHidden: (id) => id.startsWith(TAP_GROUP_PREFIX),
    log,
  });
  const load = new LoadGenerators({ producer, topics, hub, log });
  const tokenRequired = !isLoopback(config.host);
  const bootstrap = brokers.join(',');
  const mode = broker ? 'embedded' : 'external';

  const connectionView = (canControl: boolean): ConnectionView => ({ ...connection.current, mode, bootstrap, canControl });
  const services: GatewayServices = {
    config,
    mode,
    bootstrap,
    broker,
    kafka,
    admin,
    connection,
    hub,
    topics,
    producer,
    recentKeys,
    tap,
    groups,
    externalGroups,
    load,
    tokenRequired,
    connectionView,
    topicViews: () => topicViews.current(),
    refreshTopics: () => topicViews.refresh(),
    snapshot: (canControl): Snapshot => {
      const watched = new Set(tap.watched());
      return {
        connection: connectionView(canControl),
        topics: topicViews.current(),
        groups: [...groups.views(), ...externalGroups.views()],
        recentRecords: hub.recent.all().filter((record) => watched.has(record.topic)),
        loadGenerators: load.views(),
        serverTime: Date.now(),
      };
    },
    log,
  };

  connection.onChange(() => {
    for (const socket of io.sockets.sockets.values()) socket.emit('connection:state', connectionView(socket.data.canControl ?? !tokenRequired));
    if (connection.current.status === 'connected') topicViews.changed();
  });
  connection.onClusterChange((previous, next) => {
    log(`a different Kafka cluster answers now (${previous} -> ${next}): showing its topics from the start`);
    hub.emit('notice', { level: 'warning', message: 'Kafka was replaced by a new cluster: records are shown again from the start of its logs.', at: Date.now() });
    void tap.clusterReplaced();
  });
  const unbridge = broker ? bridgeBrokerEvents(broker, hub, () => topicViews.changed()) : () => {};

  app.use('/api', restRoutes(services));
  const webDir = config.webDir ? resolve(config.webDir) : defaultWebDir();
  if (webDir) {
    app.use(express.static(webDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => res.sendFile(join(webDir, 'index.html')));
  }
  attachSockets(io, services);

  connection.start();
  externalGroups.start();
  await connection.waitUntilConnected(broker ? 10_000 : 1).catch(() => log(`Kafka at ${bootstrap} is not answering yet; the dashboard will show it and connect when it does.`));
  await topicViews.refresh().catch(() => {});
  for (const topic of topicViews.current()) await tap.watch(topic.name, 'beginning').catch(() => {});

  const port = await listen(http, config.host, await firstFreePort(config.host, config.port));
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    services,
    http,
    io,
    close() {
      closing ??= (async () => {
        unbridge();
        topicViews.close();
        connection.stop();
        externalGroups.close();
        await load.close();
        await groups.close();
        await tap.close();
        await producer.close();
        hub.close();
        collector.close();
        await admin.disconnect().catch(() => {});
        io.close();
        await new Promise<void>((resolve) => http.close(() => resolve()));
        await broker?.close();
      })();
      return closing;
    },
  };
}

function listen(http: HttpServer, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => {
      http.off('error', reject);
      resolve((http.address() as AddressInfo).port);
    });
  });
}

/** The dashboard built by `pnpm build` (apps/web/dist), when it exists. */
function defaultWebDir(): string | undefined {
  const dir = join(import.meta.dirname, '../../web/dist');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}
