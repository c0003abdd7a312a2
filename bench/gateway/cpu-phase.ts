import { createTopic } from '../broker/kafkajs-workload';
import type { GatewayProcess } from './gateway-process';
import { PacedProducer } from './paced-producer';
import { startCpuWindow, type CpuWindow } from './proc-stats';
import { StreamClient } from './stream-client';
import { sleep } from './waits';

/**
 * Measure (3): the gateway's CPU (utime + stime from /proc) while records flow at a steady rate to
 * one socket.io client that acknowledges every batch, less what the gateway uses idle with the
 * same client connected and the topic watched (its timers: topic list refresh, group polling,
 * socket.io pings). The broker's CPU over the same window is read too, for context.
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
    return { idle, busy, broker, deliveredPerSecond: delivered / (busy.wallMs / 1000), asCounts: client.aggregatedRecords };
  } finally {
    client.close();
    await producer.disconnect().catch(() => {});
  }
}
