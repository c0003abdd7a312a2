import type { Browser } from 'playwright-core';
import { sleep } from '../gateway/waits';
import { openDashboard, type DashboardPage, type HeapUsage } from './dashboard-page';
import type { DashboardGateway } from './dashboard-gateway';
import { startPacedLoad } from './paced-kcat';

/**
 * Does the page's memory stay bounded however long it watches? A fresh page opens an empty topic;
 * kcat produces `smallRecords`, then more up to `largeRecords`; after each step, once the lanes
 * account for every record and the page has had a moment to draw them, the JS heap is read after a
 * full garbage collection (DevTools: HeapProfiler.collectGarbage, Runtime.getHeapUsage). The issue's
 * figure is the heap at `largeRecords` ÷ the heap at `smallRecords`.
 */
export interface HeapOptions {
  topic: string;
  partitions: number;
  smallRecords: number;
  largeRecords: number;
  ratePerSecond: number;
}

export interface HeapResult {
  empty: HeapUsage;
  atSmall: HeapUsage;
  atLarge: HeapUsage;
  smallRecords: number;
  largeRecords: number;
  ratePerSecond: number;
  /** From the first of the remaining records written until the lanes accounted for all of them. */
  largeElapsedMs: number;
  pageErrors: string[];
}

const SHOWN_TIMEOUT_MS = 300_000;
/** Lets the animation loop land what is in flight and drop what it no longer needs. */
const SETTLE_MS = 3_000;

async function produceAndWait(page: DashboardPage, gateway: DashboardGateway, topic: string, records: number, ratePerSecond: number, upTo: number): Promise<void> {
  const load = startPacedLoad({ bootstrap: gateway.bootstrap, topic, ratePerSecond, records });
  try {
    await load.done;
  } finally {
    await load.stop();
  }
  const deadline = performance.now() + SHOWN_TIMEOUT_MS;
  let shown = await page.recordsShown();
  while (shown < upTo) {
    if (performance.now() > deadline) throw new Error(`the page showed ${shown} of ${upTo} records within ${SHOWN_TIMEOUT_MS / 1000} s.`);
    await sleep(200);
    shown = await page.recordsShown();
  }
}

export async function measureHeap(browser: Browser, gateway: DashboardGateway, options: HeapOptions): Promise<HeapResult> {
  const { topic, smallRecords, largeRecords, ratePerSecond } = options;
  await gateway.createTopic(topic, options.partitions);
  const page = await openDashboard(browser, gateway.url, topic);
  try {
    await sleep(SETTLE_MS);
    const empty = await page.heapAfterGc();
    await produceAndWait(page, gateway, topic, smallRecords, ratePerSecond, smallRecords);
    await sleep(SETTLE_MS);
    const atSmall = await page.heapAfterGc();
    const started = performance.now();
    await produceAndWait(page, gateway, topic, largeRecords - smallRecords, ratePerSecond, largeRecords);
    const largeElapsedMs = performance.now() - started;
    await sleep(SETTLE_MS);
    const atLarge = await page.heapAfterGc();
    return { empty, atSmall, atLarge, smallRecords, largeRecords, ratePerSecond, largeElapsedMs, pageErrors: page.errors() };
  } finally {
    await page.close();
  }
}
