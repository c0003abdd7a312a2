import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Admin, type LogEntry, type Producer } from 'kafkajs';
import { afterAll, beforeAll } from 'vitest';
import { startBroker, type Broker, type BrokerOptionsInput } from '../../index';

/**
 * One embedded broker per test file, with kafkajs clients pointed at it. Both sides write to
 * memory instead of the console, so a failing assertion can show what the broker and kafkajs
 * said without flooding a passing run.
 *
 * @example
 *   const kit = await startKafkajsTestKit();
 *   const admin = kit.kafka('admin').admin();
 *   // ...
 *   await kit.close();
 */
export interface KafkajsTestKit {
  broker: Broker;
  /** Lines the broker logged (rejected batches, refused requests...). */
  brokerLog: string[];
  /** kafkajs ERROR entries from every client of this kit. */
  clientLog: string[];
  /** A kafkajs client with short retries, so a broker bug fails a test quickly instead of retrying for minutes. */
  kafka(clientId: string): Kafka;
  /** The last lines of both logs, for assertion messages. */
  logs(): string;
  close(): Promise<void>;
}

/** The broker's num.partitions in these tests: unlike anything kafkajs would pick itself. */
export const BROKER_DEFAULT_PARTITIONS = 5;

export async function startKafkajsTestKit(options: BrokerOptionsInput = {}): Promise<KafkajsTestKit> {
  const brokerLog: string[] = [];
  const clientLog: string[] = [];
  const broker = await startBroker({
    port: 0,
    defaultPartitions: BROKER_DEFAULT_PARTITIONS,
    log: (line) => brokerLog.push(`${new Date().toISOString()} ${line}`),
    ...options,
  });
  const remember = () => (entry: LogEntry) => {
    const { message, timestamp: _timestamp, logger: _logger, ...extra } = entry.log;
    clientLog.push(`${entry.log.timestamp} [${entry.namespace}] ${message} ${JSON.stringify(extra)}`);
  };
  return {
    broker,
    brokerLog,
    clientLog,
    kafka: (clientId) =>
      new Kafka({
        clientId,
        brokers: [broker.bootstrap],
        logLevel: logLevel.ERROR,
        logCreator: remember,
        connectionTimeout: 3000,
        retry: { retries: 4, initialRetryTime: 50, maxRetryTime: 500 },
      }),
    logs: () => `broker log:\n  ${brokerLog.slice(-20).join('\n  ') || '(empty)'}\nkafkajs errors:\n  ${clientLog.slice(-20).join('\n  ') || '(none)'}`,
    close: () => broker.close(),
  };
}

/** A topic or group name no other test (or earlier run) has used. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/**
 * Polls `condition` until it holds; rejects after `timeoutMs` with `describe()` in the message, so a
 * timeout says what was seen instead of only what was missing.
 */
export function waitFor(condition: () => boolean, describe: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (condition()) return resolve();
      if (Date.now() >= deadline) return reject(new Error(`timed out after ${timeoutMs} ms: ${describe()}`));
      setTimeout(check, 10);
    };
    check();
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface ConnectedKit {
  kit: KafkajsTestKit;
  kafka: Kafka;
  admin: Admin;
  producer: Producer;
}

/**
 * For a test file: starts a broker and connects an admin and a producer before its tests, and closes
 * them all after. The fields are filled in by the time the tests run.
 */
export function useConnectedKit(clientId: string): ConnectedKit {
  const connected = {} as ConnectedKit;
  beforeAll(async () => {
    connected.kit = await startKafkajsTestKit();
    connected.kafka = connected.kit.kafka(clientId);
    connected.admin = connected.kafka.admin();
    connected.producer = connected.kafka.producer();
    await Promise.all([connected.admin.connect(), connected.producer.connect()]);
  });
  afterAll(async () => {
    await Promise.all([connected.admin?.disconnect(), connected.producer?.disconnect()]);
    await connected.kit?.close();
  });
  return connected;
}

