import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { installLongFrameObserver, lanesReady, readWindow, recordsShown, startWindow, type WindowReading } from './page-probes';

/**
 * Debian's Chromium, headless, driven by playwright-core, with the dashboard open on one topic. The
 * flags are the e2e journeys' (e2e/playwright.config.ts). Each page gets a DevTools session of its
 * own for what the page cannot measure on itself: heap after a full collection, and CPU profiles.
 */

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'];
/** The e2e journeys' viewport: a laptop screen. */
const VIEWPORT = { width: 1440, height: 900 };
const READY_TIMEOUT_MS = 30_000;

export interface HeapUsage {
  /** V8's used JS heap of the page's main thread, after a full collection. */
  usedBytes: number;
  totalBytes: number;
}

export interface DashboardPage {
  readonly page: Page;
  readonly cdp: CDPSession;
  startWindow(): Promise<void>;
  readWindow(): Promise<WindowReading>;
  /** What the selected topic's lanes account for (the sum of their log end offsets). */
  recordsShown(): Promise<number>;
  heapAfterGc(): Promise<HeapUsage>;
  /** Errors the page threw or logged, for the report: a benchmark of a broken page means nothing. */
  errors(): string[];
  close(): Promise<void>;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** Opens the dashboard at ?topic=TOPIC in a fresh context and waits until its lanes are drawn. */
export async function openDashboard(browser: Browser, url: string, topic: string): Promise<DashboardPage> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // The gateway answers the favicon request with an error status; that is not the page failing.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(message.text());
  });
  await page.addInitScript(installLongFrameObserver);
  await page.goto(`${url}/?topic=${encodeURIComponent(topic)}`);
  await page.waitForFunction(lanesReady, null, { timeout: READY_TIMEOUT_MS });
  const cdp = await context.newCDPSession(page);

  return {
    page,
    cdp,
    startWindow: async () => void (await page.evaluate(startWindow)),
    readWindow: async () => (await page.evaluate(readWindow)) as WindowReading,
    recordsShown: async () => (await page.evaluate(recordsShown)) as number,
    async heapAfterGc() {
      // Twice: objects with finalizers or weak references survive the first collection.
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      return { usedBytes: usage.usedSize, totalBytes: usage.totalSize };
    },
    errors: () => [...errors],
    close: () => context.close(),
  };
}
