import { gatewayConfigSchema } from '../../apps/gateway/src/config';
import { createTopic } from '../broker/kafkajs-workload';
import type { GatewayProcess } from './gateway-process';
import { LatencyReader } from './latency-phase';
import { PacedProducer, type PacedProduceResult } from './paced-producer';
import { startCpuWindow, type CpuWindow } from './proc-stats';
import { StreamClient } from './stream-client';
import { sleep } from './waits';

/**
 * Measure (3): the gateway's CPU (utime + stime from /proc) while records flow at a steady rate to
 * one socket.io client that acknowledges every batch, less what the gateway uses idle with the
 * same client connected and the topic watched (its timers: topic list refresh, group polling,
 * socket.io pings, the tap's empty fetches). The broker's CPU over the same window is read too,
 * for context, and so is a baseline: a bare kafkajs consumer with the tap's fetch settings, in a
 * process of its own, over the same rate (what kafkajs itself costs before the gateway does anything).
 *
 * The gateway is measured in several rounds, each an idle window straight before a busy one, so
 * that each difference is taken at one speed of a machine whose speed drifts; the round with the
 * median figure is the result, and the others give its spread.
 */
export interface CpuOptions {
  topic: string;
  partitions: number;
  ratePerSecond: number;
  idleMs: number;
  warmUpMs: number;
  measureMs: number;
  valueBytes: number;
  rounds: number;
}

/** One idle window and the busy window after it. */
export interface CpuRound {
  idle: CpuWindow;
  busy: CpuWindow;
  broker: CpuWindow;
  /** Records the client received per second during the busy window. */
  deliveredPerSecond: number;
}

export interface CpuResult extends CpuRound {
  /** Every round, in the order run; the result is the median one. */
  rounds: CpuRound[];
  /** The bare kafkajs consumer, idle and at the same rate. */
  baseline: { idle: CpuWindow; busy: CpuWindow; receivedPerSecond: number; minBytes: number; maxWaitMs: number };
  asCounts: number;
}

/** Share of a core the records themselves cost (busy less idle), scaled to 10,000 records/s. */
export function coresPer10k(round: CpuRound): number {
  return ((round.busy.cores - round.idle.cores) * 10_000) / round.deliveredPerSecond;
}

export async function measureCpu(gateway: GatewayProcess, bootstrap: string, brokerPid: number, options: CpuOptions): Promise<CpuResult> {
  await createTopic(bootstrap, options.topic, options.partitions);
  const client = await StreamClient.connect(gateway.url);
  const producer = await PacedProducer.connect(bootstrap);
  try {
    await client.watch(options.topic, 'beginning');
    const rounds: CpuRound[] = [];
    for (let round = 0; round < options.rounds; round++) rounds.push(await measureRound(gateway.pid, brokerPid, client, producer, options));
    await client.unwatch(options.topic);
    const baseline = await measureBaseline(bootstrap, producer, options);
    const median = [...rounds].sort((a, b) => coresPer10k(a) - coresPer10k(b))[Math.floor(rounds.length / 2)]!;
    return { ...median, rounds, baseline, asCounts: client.aggregatedRecords };
  } finally {
    client.close();
    await producer.disconnect().catch(() => {});
  }
}

async function measureRound(gatewayPid: number, brokerPid: number, client: StreamClient, producer: PacedProducer, options: CpuOptions): Promise<CpuRound> {
  // Let the last round's records and acknowledgements settle before the idle window.
  await sleep(1000);
  const { idle, busy, alongside } = await idleThenBusy(gatewayPid, producer, options.topic, options, () => {
    const closeBroker = startCpuWindow(brokerPid);
    const recordsBefore = client.records;
    return () => ({ broker: closeBroker(), delivered: client.records - recordsBefore });
  });
  return { idle, busy, broker: alongside.broker, deliveredPerSecond: alongside.delivered / (busy.wallMs / 1000) };
}

/**
 * `pid`'s CPU idle, then while records flow to `topic` at the options' rate (after a warm-up).
 * `alongside` starts with the busy window and its returned function is called as the window closes.
 */
async function idleThenBusy<T>(
  pid: number,
  producer: PacedProducer,
  topic: string,
  options: CpuOptions,
  alongside: () => () => T,
): Promise<{ idle: CpuWindow; busy: CpuWindow; alongside: T; produced: PacedProduceResult }> {
  const closeIdle = startCpuWindow(pid);
  await sleep(options.idleMs);
  const idle = closeIdle();
  const producing = producer.produce({ topic, ratePerSecond: options.ratePerSecond, durationMs: options.warmUpMs + options.measureMs + 500, valueBytes: options.valueBytes });
  // A failure surfaces when `producing` is awaited below; until then it must not count as unhandled.
  producing.catch(() => {});
  await sleep(options.warmUpMs);
  const closeBusy = startCpuWindow(pid);
  const closeAlongside = alongside();
  await sleep(options.measureMs);
  const busy = closeBusy();
  const measured = closeAlongside();
  return { idle, busy, alongside: measured, produced: await producing };
}

async function measureBaseline(bootstrap: string, producer: PacedProducer, options: CpuOptions): Promise<CpuResult['baseline']> {
  const { tapMinBytes: minBytes, tapMaxWaitMs: maxWaitMs } = gatewayConfigSchema.parse({});
  const topic = `${options.topic}-baseline`;
  await createTopic(bootstrap, topic, options.partitions);
  const reader = await LatencyReader.start('tap-like', bootstrap, topic, [String(minBytes), String(maxWaitMs)]);
  try {
    const { idle, busy, produced } = await idleThenBusy(reader.pid, producer, topic, options, () => () => undefined);
    // The reader reports at the end, once it has every record; in the window it read at the producer's steady rate.
    await reader.finish(produced.sent);
    return { idle, busy, receivedPerSecond: produced.ratePerSecond, minBytes, maxWaitMs };
  } finally {
    await reader.stop();
  }
}
