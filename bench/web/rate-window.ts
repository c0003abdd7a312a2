import { highWatermarks, totalRecords } from '../gateway/topic-offsets';
import { sleep } from '../gateway/waits';
import type { DashboardPage } from './dashboard-page';
import type { DashboardGateway } from './dashboard-gateway';
import { startPacedLoad } from './paced-kcat';
import type { WindowReading } from './page-probes';

/**
 * One measuring window: the page open on `topic` while kcat produces at `ratePerSecond` (0: idle,
 * nothing produced). The load runs through a warm-up first, so the window sees the page in its
 * steady state (lanes already switched to aggregate drawing, JIT warm), not the switch itself.
 * Afterwards the bench waits for the page to show every record before the next window starts, so
 * one window's backlog is not drawn in the next.
 */
export interface WindowOptions {
  topic: string;
  ratePerSecond: number;
  warmUpMs: number;
  measureMs: number;
  /** Runs alongside the open window (after warm-up), e.g. a CPU profile of `measureMs`. */
  during?: (page: DashboardPage, measureMs: number) => Promise<void>;
}

export interface WindowResult {
  ratePerSecond: number;
  /** Records the broker took while the window was open, per second. */
  producedPerSecond: number;
  /** Growth of what the lanes account for during the window, per second. */
  shownPerSecond: number;
  reading: WindowReading;
  /** Time the page needed after the load stopped to show every record (0 when idle). */
  catchUpMs: number;
  /** False when the page still lagged when the bench stopped waiting. */
  caughtUp: boolean;
}

const CATCH_UP_TIMEOUT_MS = 30_000;

export async function measureWindow(page: DashboardPage, gateway: DashboardGateway, options: WindowOptions): Promise<WindowResult> {
  const { topic, ratePerSecond } = options;
  const load = ratePerSecond > 0 ? startPacedLoad({ bootstrap: gateway.bootstrap, topic, ratePerSecond }) : undefined;
  try {
    await sleep(options.warmUpMs);
    const [producedBefore, shownBefore] = await Promise.all([highWatermarks(gateway.bootstrap, topic).then(totalRecords), page.recordsShown()]);
    const started = performance.now();
    await page.startWindow();
    await Promise.all([sleep(options.measureMs), options.during?.(page, options.measureMs)]);
    const reading = await page.readWindow();
    const [producedAfter, shownAfter] = await Promise.all([highWatermarks(gateway.bootstrap, topic).then(totalRecords), page.recordsShown()]);
    const seconds = (performance.now() - started) / 1000;
    await load?.stop();

    const caughtUpStarted = performance.now();
    const total = totalRecords(await highWatermarks(gateway.bootstrap, topic));
    let caughtUp = (await page.recordsShown()) >= total;
    while (!caughtUp && performance.now() - caughtUpStarted < CATCH_UP_TIMEOUT_MS) {
      await sleep(100);
      caughtUp = (await page.recordsShown()) >= total;
    }
    return {
      ratePerSecond,
      producedPerSecond: (producedAfter - producedBefore) / seconds,
      shownPerSecond: (shownAfter - shownBefore) / seconds,
      reading,
      catchUpMs: load ? performance.now() - caughtUpStarted : 0,
      caughtUp,
    };
  } finally {
    // On an error above, still end kcat; its own failure then matters less than the first one.
    await load?.stop().catch(() => {});
  }
}
