/**
 * Dashboard benchmark: `pnpm bench:web [--quick] [--no-build] [--profile [--profile-rate N]]`.
 *
 * Builds the dashboard, starts Lanes (gateway and embedded broker) as a child process, opens the
 * dashboard in headless Chromium and, side by side in one run, measures what the issue sets targets
 * for: frame-time p95 at 5,000 and 20,000 records/s against the same page idle, long animation
 * frames, React commits per second at 1,000, 10,000 and 50,000 records/s, and the page's JS heap
 * after 1,000,000 records against after 10,000 (see README.md). kcat produces the load from outside
 * the page. Progress goes to stderr, the report (markdown) to stdout. It prints; it never fails on a
 * figure.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { repoRoot, runCaptured } from '../broker/child-processes';
import { BundleSourceMap } from './bundle-source-map';
import { launchChromium, openDashboard } from './dashboard-page';
import { startDashboardGateway, type DashboardGateway } from './dashboard-gateway';
import { measureHeap } from './heap-phase';
import type { ProfileSummary } from '../shared/cpu-profile';
import { longFrameScripts, longFrameTime, profilePage, renderHotSpots } from './page-profile';
import { measureWindow, type WindowResult } from './rate-window';
import { COMMIT_RATES, FRAME_RATES, renderReport } from './report';

const PARTITIONS = 12;
const FULL = { warmUpMs: 5_000, measureMs: 30_000, smallRecords: 10_000, largeRecords: 1_000_000 };
const QUICK = { warmUpMs: 2_000, measureMs: 6_000, smallRecords: 10_000, largeRecords: 100_000 };
const HEAP_RATE = 50_000;
const BUILD_TIMEOUT_MS = 300_000;
const WEB_DIR = join(repoRoot, 'apps/web/dist');

const usage = `Usage: pnpm bench:web [--quick] [--no-build] [--profile] [--profile-rate N] [--chromium PATH]

  --quick            windows of 6 s after 2 s of warm-up and a heap check up to 100,000 records,
                     to try the bench (about a minute); the full run takes about five
  --no-build         use apps/web/dist as it is instead of running \`pnpm build:web\` first
  --profile          after the measured windows, profile the page through DevTools for one more
                     window and print its hot spots as function file:line (not counted in the figures)
  --profile-rate N   records/s during that window (default 20000)
  --chromium PATH    the Chromium to drive (default $CHROMIUM_PATH or /usr/bin/chromium)
  --help             show this help
`;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'profile-rate': { type: 'string' },
      chromium: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const profileRate = values['profile-rate'] === undefined ? 20_000 : Number(values['profile-rate']);
  if (!Number.isInteger(profileRate) || profileRate <= 0) throw new Error(`--profile-rate needs a whole number of records per second, not '${values['profile-rate']}'.`);
  const chromium = values.chromium ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`No Chromium at ${chromium}: install Debian's chromium package or pass --chromium PATH.`);
  return { help: values.help, quick: values.quick, build: !values['no-build'], profile: values.profile || values['profile-rate'] !== undefined, profileRate, chromium };
}

async function buildDashboard(): Promise<void> {
  log('Building the dashboard (pnpm build:web) ...');
  const build = await runCaptured('pnpm', ['build:web'], BUILD_TIMEOUT_MS);
  if (build.code !== 0) throw new Error(`pnpm build:web failed (exit ${build.code}):\n${(build.stdout + build.stderr).slice(-3000)}`);
}

const rateLabel = (rate: number) => (rate === 0 ? 'idle' : `${rate.toLocaleString('en-US')} rec/s`);

function logWindow(result: WindowResult): void {
  const { frames, commits, elapsedMs, longAnimationFrames } = result.reading;
  const seconds = elapsedMs / 1000;
  log(
    `  ${rateLabel(result.ratePerSecond)}: produced ${Math.round(result.producedPerSecond)} rec/s; frame p95 ${frames.p95.toFixed(1)} ms, ` +
      `${(frames.frames / seconds).toFixed(1)} frames/s, longest ${frames.maxMs.toFixed(1)} ms; ${longAnimationFrames.length} long animation frames; ` +
      `${(commits / seconds).toFixed(1)} commits/s`,
  );
}

async function run(browser: Browser, gateway: DashboardGateway, options: ReturnType<typeof parseOptions>) {
  const plan = options.quick ? QUICK : FULL;
  const rates = [...new Set([...COMMIT_RATES, ...FRAME_RATES])].sort((a, b) => a - b);
  const topic = 'bench-frames';
  await gateway.createTopic(topic, PARTITIONS);
  const page = await openDashboard(browser, gateway.url, topic);
  let profile: ProfileSummary | undefined;
  const loaded: WindowResult[] = [];
  let idle: WindowResult;
  try {
    log(`Windows of ${plan.measureMs / 1000} s after ${plan.warmUpMs / 1000} s of warm-up, on one page: idle, then ${rates.map(rateLabel).join(', ')} ...`);
    idle = await measureWindow(page, gateway, { topic, ratePerSecond: 0, ...plan });
    logWindow(idle);
    for (const ratePerSecond of rates) {
      const result = await measureWindow(page, gateway, { topic, ratePerSecond, ...plan });
      logWindow(result);
      loaded.push(result);
    }
    if (options.profile) {
      log(`Profiling the page for ${plan.measureMs / 1000} s at ${rateLabel(options.profileRate)} (not counted in the figures) ...`);
      const sourceMap = new BundleSourceMap(WEB_DIR, repoRoot);
      await measureWindow(page, gateway, {
        topic,
        ratePerSecond: options.profileRate,
        ...plan,
        during: async (profiled, measureMs) => void (profile = await profilePage(profiled.cdp, measureMs, sourceMap)),
      });
    }
  } finally {
    await page.close();
  }
  const pageErrors = page.errors();

  log(`Heap: a fresh page; ${plan.smallRecords.toLocaleString('en-US')} records, then up to ${plan.largeRecords.toLocaleString('en-US')} at ${rateLabel(HEAP_RATE)} ...`);
  const heap = await measureHeap(browser, gateway, { topic: 'bench-heap', partitions: PARTITIONS, smallRecords: plan.smallRecords, largeRecords: plan.largeRecords, ratePerSecond: HEAP_RATE });
  log(`  used JS heap ${(heap.atSmall.usedBytes / 1e6).toFixed(1)} MB → ${(heap.atLarge.usedBytes / 1e6).toFixed(1)} MB`);
  return { idle, loaded, heap, pageErrors, profile, plan };
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options.help) {
    process.stdout.write(usage);
    return;
  }
  const date = new Date();
  const loadAtStart = loadavg()[0] ?? 0;
  if (options.build) await buildDashboard();
  if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error(`The dashboard is not built (${WEB_DIR}/index.html is missing): run \`pnpm build:web\` or drop --no-build.`);

  log('Starting Lanes (gateway and embedded broker) and Chromium ...');
  const gateway = await startDashboardGateway(WEB_DIR);
  try {
    const browser = await launchChromium(options.chromium);
    try {
      log(`  dashboard at ${gateway.url}, embedded broker at ${gateway.bootstrap}, Chromium ${browser.version()}`);
      const { idle, loaded, heap, pageErrors, profile, plan } = await run(browser, gateway, options);
      const report = renderReport({ date, loadAtStart, chromiumVersion: browser.version(), partitions: PARTITIONS, warmUpMs: plan.warmUpMs, measureMs: plan.measureMs, quick: options.quick, idle, loaded, heap, pageErrors });
      process.stdout.write(`\n${report}\n`);

      const sourceMap = new BundleSourceMap(WEB_DIR, repoRoot);
      const longFrames = [idle, ...loaded].flatMap((result) => result.reading.longAnimationFrames);
      if (longFrames.length > 0) {
        const time = longFrameTime(longFrames);
        const note =
          `${time.frames} long animation frames in the windows above, ${Math.round(time.totalMs)} ms in all: ${Math.round(time.taskScriptMs)} ms in scripts of tasks before rendering, ` +
          `${Math.round(time.renderingMs)} ms rendering (rAF callbacks, style, layout, paint), ${Math.round(time.otherMs)} ms neither (waiting for the compositor or for a core, or non-script work). ` +
          'The scripts that ran in them, by total time (a frame can run several):';
        process.stdout.write(`\n${renderHotSpots('#### Scripts in long animation frames', note, longFrameScripts(longFrames, sourceMap), 'script time')}\n`);
      }
      if (profile) {
        const note = `A DevTools CPU profile of the page's main thread over one window at ${rateLabel(options.profileRate)}: busy ${(profile.busyMilliseconds / 1000).toFixed(1)} s, idle ${(profile.idleMilliseconds / 1000).toFixed(1)} s. Lines through the bundle's source map.`;
        process.stdout.write(`\n${renderHotSpots('#### Page CPU profile: self time', note, profile.self, 'busy time')}\n`);
        process.stdout.write(`\n${renderHotSpots('#### Page CPU profile: the dashboard\'s functions, inclusive', 'Time in each function of apps/web/src and in what it called.', profile.inclusive, 'busy time')}\n`);
      }
    } finally {
      await browser.close();
    }
  } catch (error) {
    log(`gateway stderr (last lines):\n${gateway.stderrTail()}`);
    throw error;
  } finally {
    await gateway.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
