import { gatewayConfigSchema } from '../../apps/gateway/src/config';
import { createTopic } from '../broker/kafkajs-workload';
import type { GatewayProcess } from './gateway-process';
import { LatencyReader } from './latency-phase';
import { PacedProducer } from './paced-producer';
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
 */
export interface CpuOptions {
  topic: string;
  partitions: number;
  ratePerSecond: number;
  idleMs: number;
  warmUpMs: number;
  measureMs: number;
  valueBytes: number;
}

export interface CpuResult {
  idle: CpuWindow;
  busy: CpuWindow;
  broker: CpuWindow;
  /** The bare kafkajs consumer, idle and at the same rate. */
  baseline: { idle: CpuWindow; busy: CpuWindow; receivedPerSecond: number; minBytes: number; maxWaitMs: number };
  /** Records the client received per second during the busy window. */
  deliveredPerSecond: number;
  asCounts: number;
}

export async function measureCpu(gateway: GatewayProcess, bootstrap: string, brokerPid: number, options: CpuOptions): Promise<CpuResult> {
  await createTopic(bootstrap, options.topic, options.partitions);
  const client = await StreamClient.connect(gateway.url);
  const producer = await PacedProducer.connect(bootstrap);
  try {
    await client.watch(options.topic, 'beginning');
    await sleep(1000);
    const closeIdle = startCpuWindow(gateway.pid);
    await sleep(options.idleMs);
    const idle = closeIdle();

    const producing = producer.produce({
      topic: options.topic,
      ratePerSecond: options.ratePerSecond,
      durationMs: options.warmUpMs + options.measureMs + 500,
      valueBytes: options.valueBytes,
    });
    // A failure surfaces when `producing` is awaited below; until then it must not count as unhandled.
    producing.catch(() => {});
    await sleep(options.warmUpMs);
    const closeBusy = startCpuWindow(gateway.pid);
    const closeBroker = startCpuWindow(brokerPid);
    const recordsBefore = client.records;
    await sleep(options.measureMs);
    const busy = closeBusy();
    const broker = closeBroker();
    const delivered = client.records - recordsBefore;
    await producing;
    await client.unwatch(options.topic);
    const baseline = await measureBaseline(bootstrap, producer, options);
    return { idle, busy, broker, baseline, deliveredPerSecond: delivered / (busy.wallMs / 1000), asCounts: client.aggregatedRecords };
  } finally {
    client.close();
    await producer.disconnect().catch(() => {});
  }
}

async function measureBaseline(bootstrap: string, producer: PacedProducer, options: CpuOptions): Promise<CpuResult['baseline']> {
  const { tapMinBytes: minBytes, tapMaxWaitMs: maxWaitMs } = gatewayConfigSchema.parse({});
  const topic = `${options.topic}-baseline`;
  await createTopic(bootstrap, topic, options.partitions);
  const reader = await LatencyReader.start('tap-like', bootstrap, topic, [String(minBytes), String(maxWaitMs)]);
  try {
    const closeIdle = startCpuWindow(reader.pid);
    await sleep(options.idleMs);
    const idle = closeIdle();
    const producing = producer.produce({ topic, ratePerSecond: options.ratePerSecond, durationMs: options.warmUpMs + options.measureMs + 500, valueBytes: options.valueBytes });
    producing.catch(() => {});
    await sleep(options.warmUpMs);
    const closeBusy = startCpuWindow(reader.pid);
    await sleep(options.measureMs);
    const busy = closeBusy();
    const produced = await producing;
    // The reader reports at the end, once it has every record; in the window it read at the producer's steady rate.
    await reader.finish(produced.sent);
    return { idle, busy, receivedPerSecond: produced.ratePerSecond, minBytes, maxWaitMs };
  } finally {
    await reader.stop();
  }
}
