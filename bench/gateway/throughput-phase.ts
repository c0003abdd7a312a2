import type { GatewayProcess } from './gateway-process';
import { startCpuWindow, type CpuWindow } from './proc-stats';
import { rawConsume, type TimedRead } from './raw-consumer';
import { StreamClient } from './stream-client';
import { highWatermarks, totalRecords } from './topic-offsets';

/**
 * Measure (1): how fast a preloaded topic reaches a socket.io client through the gateway, next to a
 * raw kafkajs eachBatch consumer reading the same records straight from the broker. Both clocks
 * start where a consumer is made (the raw consumer connecting, then joining a new group; the
 * `topic:watch` command, whose tap connects a consumer of its own and joins its group), so both
 * include connecting and a group join, and stop at the last record.
 */
export interface GatewayRead extends TimedRead {
  /** Of the records, how many the client got as counts (records:aggregate) instead of records. */
  asCounts: number;
  batches: number;
  /** The gateway's CPU while it streamed the topic. */
  cpu: CpuWindow;
}

export interface ThroughputResult {
  raw: TimedRead;
  gateway: GatewayRead;
  rounds: number;
}

const READ_TIMEOUT_MS = 180_000;

export function recordsPerSecond(read: TimedRead): number {
  return read.records / (read.elapsedMs / 1000);
}

export async function rawConsumeTopic(bootstrap: string, topic: string): Promise<TimedRead> {
  return rawConsume(bootstrap, topic, totalRecords(await highWatermarks(bootstrap, topic)));
}

/** Watches the topic from the beginning and times until the client has seen its last record. */
export async function gatewayConsume(gateway: GatewayProcess, bootstrap: string, topic: string): Promise<GatewayRead> {
  const highs = await highWatermarks(bootstrap, topic);
  const records = totalRecords(highs);
  const client = await StreamClient.connect(gateway.url);
  try {
    const closeCpu = startCpuWindow(gateway.pid);
    const started = performance.now();
    let firstRecordMs = 0;
    client.onRecords = () => {
      firstRecordMs ||= performance.now() - started;
    };
    const seen = client.waitUntilSeen(topic, highs, READ_TIMEOUT_MS);
    await client.watch(topic, 'beginning');
    await seen;
    const elapsedMs = performance.now() - started;
    const cpu = closeCpu();
    await client.unwatch(topic);
    if (client.records + client.aggregatedRecords !== records) {
      throw new Error(`the socket client got ${client.records} records and ${client.aggregatedRecords} counts from ${topic}, which holds ${records}.`);
    }
    return { records, firstRecordMs, elapsedMs, asCounts: client.aggregatedRecords, batches: client.batches, cpu };
  } finally {
    client.close();
  }
}

/**
 * Reads the topic `rounds` times each way, in ABBA order (raw, gateway, gateway, raw, ...) so that
 * neither side always goes first, and keeps each side's fastest read: on a shared machine the best
 * run is the one least disturbed by other work.
 */
export async function measureThroughput(gateway: GatewayProcess, bootstrap: string, topic: string, rounds: number): Promise<ThroughputResult> {
  let raw: TimedRead | undefined;
  let viaGateway: GatewayRead | undefined;
  const faster = <T extends TimedRead>(best: T | undefined, read: T) => (!best || read.elapsedMs < best.elapsedMs ? read : best);
  for (let round = 0; round < rounds; round++) {
    const readRaw = async () => (raw = faster(raw, await rawConsumeTopic(bootstrap, topic)));
    const readGateway = async () => (viaGateway = faster(viaGateway, await gatewayConsume(gateway, bootstrap, topic)));
    for (const read of round % 2 === 0 ? [readRaw, readGateway] : [readGateway, readRaw]) await read();
  }
  if (!raw || !viaGateway) throw new Error('measureThroughput needs at least one round.');
  return { raw, gateway: viaGateway, rounds };
}
