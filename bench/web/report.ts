import { machineLine } from '../broker/report';
import type { HeapResult } from './heap-phase';
import { KEY_COUNT, VALUE_BYTES } from './paced-kcat';
import type { WindowResult } from './rate-window';

/** The issue's targets for the dashboard (docs/performance.md). */
export const targets = {
  /** Frame p95 at 5,000 records/s: at most this times the idle page's, and at most `p95At5kMs`. */
  p95VsIdle: 1.2,
  p95At5kMs: 20,
  p95At20kMs: 33,
  /** No long animation frame longer than this after warm-up. */
  longAnimationFrameMs: 100,
  commitsPerSecond: 60,
  heapRatio: 1.2,
} as const;

/** Records/s each figure is taken at. */
export const FRAME_RATES = [5_000, 20_000] as const;
export const COMMIT_RATES = [1_000, 10_000, 50_000] as const;

export interface WebBenchResults {
  date: Date;
  /** 1-minute load average when the run began (machineLine gives it at the end). */
  loadAtStart: number;
  chromiumVersion: string;
  partitions: number;
  warmUpMs: number;
  measureMs: number;
  quick: boolean;
  idle: WindowResult;
  loaded: WindowResult[];
  heap: HeapResult;
  pageErrors: string[];
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const verdict = (meets: boolean) => (meets ? 'meets' : 'misses');
const perSecond = (result: WindowResult, count: number) => count / (result.reading.elapsedMs / 1000);

function longFrameCell(result: WindowResult): string {
  const frames = result.reading.longAnimationFrames;
  if (!result.reading.longAnimationFramesSupported) return 'not supported';
  const over = frames.filter((frame) => frame.duration > targets.longAnimationFrameMs).length;
  const longest = frames.reduce((max, frame) => Math.max(max, frame.duration), 0);
  return `${over} over ${targets.longAnimationFrameMs} ms; ${frames.length} over 50 ms${frames.length > 0 ? ` (longest ${ms(longest)})` : ''}`;
}

function windowRow(label: string, result: WindowResult, idleP95: number): string {
  const { frames, commits } = result.reading;
  const rates = result.ratePerSecond === 0 ? '— | —' : `${integer.format(result.producedPerSecond)} | ${integer.format(result.shownPerSecond)}`;
  const catchUp = result.ratePerSecond === 0 ? '—' : result.caughtUp ? `${(result.catchUpMs / 1000).toFixed(1)} s` : 'still behind';
  return (
    `| ${label} | ${rates} | ${perSecond(result, frames.frames).toFixed(1)} | ${ms(frames.p95)} | ${(frames.p95 / idleP95).toFixed(2)} | ` +
    `${ms(frames.maxMs)} | ${longFrameCell(result)} | ${perSecond(result, commits).toFixed(1)} | ${catchUp} |`
  );
}

function at(loaded: WindowResult[], rate: number): WindowResult {
  const found = loaded.find((result) => result.ratePerSecond === rate);
  if (!found) throw new Error(`no window was measured at ${rate} records/s.`);
  return found;
}

export function renderReport(results: WebBenchResults): string {
  const { idle, loaded, heap } = results;
  const idleP95 = idle.reading.frames.p95;
  const seconds = (value: number) => `${integer.format(value / 1000)} s`;
  const at5k = at(loaded, 5_000);
  const at20k = at(loaded, 20_000);
  const p95Ratio = at5k.reading.frames.p95 / idleP95;
  const overLong = (result: WindowResult) => result.reading.longAnimationFrames.filter((frame) => frame.duration > targets.longAnimationFrameMs).length;
  const longFramesAtTargets = overLong(at5k) + overLong(at20k);
  const commitRates = COMMIT_RATES.map((rate) => perSecond(at(loaded, rate), at(loaded, rate).reading.commits));
  const heapRatio = heap.atLarge.usedBytes / heap.atSmall.usedBytes;
  const shortOfRate = loaded.filter((result) => result.producedPerSecond < result.ratePerSecond * 0.95);

  const lines = [
    `### Dashboard, ${results.date.toISOString().slice(0, 16).replace('T', ' ')} UTC${results.quick ? ' (--quick: short windows, not for publishing)' : ''}`,
    '',
    `Machine: ${machineLine()} (${results.loadAtStart.toFixed(1)} at the start). Chromium ${results.chromiumVersion}, headless, software rendering (--disable-gpu), viewport 1440 × 900.`,
    '',
    `| Window: ${seconds(results.measureMs)} after ${seconds(results.warmUpMs)} of warm-up | Produced rec/s | Lanes showed rec/s | Frames/s | Frame p95 | p95 ÷ idle | Longest frame | Long animation frames | React commits/s | Caught up after |`,
    '|---|---:|---:|---:|---:|---:|---:|---|---:|---:|',
    windowRow('idle (same page, no traffic)', idle, idleP95),
    ...loaded.map((result) => windowRow(`${integer.format(result.ratePerSecond)} rec/s`, result, idleP95)),
    '',
    '| Target | Figure | Result |',
    '|---|---|---|',
    `| frame p95 at 5,000 rec/s ≤ ${targets.p95VsIdle} × idle and ≤ ${targets.p95At5kMs} ms | ${ms(at5k.reading.frames.p95)} = ${p95Ratio.toFixed(2)} × idle (${ms(idleP95)}) | ` +
      `${verdict(p95Ratio <= targets.p95VsIdle && at5k.reading.frames.p95 <= targets.p95At5kMs)} |`,
    `| frame p95 at 20,000 rec/s ≤ ${targets.p95At20kMs} ms | ${ms(at20k.reading.frames.p95)} | ${verdict(at20k.reading.frames.p95 <= targets.p95At20kMs)} |`,
    `| no long animation frame over ${targets.longAnimationFrameMs} ms after warm-up (5,000 and 20,000 rec/s) | ${longFramesAtTargets} | ${verdict(longFramesAtTargets === 0)} |`,
    `| React commits/s ≤ ${targets.commitsPerSecond} at ${COMMIT_RATES.map((rate) => integer.format(rate)).join(', ')} rec/s | ${commitRates.map((rate) => rate.toFixed(1)).join(' / ')} | ` +
      `${verdict(commitRates.every((rate) => rate <= targets.commitsPerSecond))} |`,
    `| JS heap after ${integer.format(heap.largeRecords)} records ÷ after ${integer.format(heap.smallRecords)} ≤ ${targets.heapRatio} | ` +
      `${mb(heap.atLarge.usedBytes)} ÷ ${mb(heap.atSmall.usedBytes)} = ${heapRatio.toFixed(2)} | ${verdict(heapRatio <= targets.heapRatio)} |`,
    '',
    `Load: kcat (librdkafka 2.0.2, \`-X linger.ms=5 -X batch.size=16384\`) produces keyed records (${integer.format(KEY_COUNT)} keys, uniform; ${VALUE_BYTES} B values) ` +
      `straight to the embedded broker of a gateway started as \`pnpm gateway\` would, fed through its stdin at the window's rate; the page watches the topic ` +
      `(${results.partitions} partitions) at \`?topic=\`, as a person would, and nobody uses its controls. Produced rec/s is the growth of the broker's high watermarks over the window; ` +
      'lanes showed rec/s the growth of the log end offsets the lanes display. Frames/s, frame p95 and the longest frame come from the page\'s own animation loop ' +
      '(requestAnimationFrame deltas, `window.__lanes.frameStats()`); long animation frames from a `long-animation-frame` PerformanceObserver installed before the page loads, ' +
      'counting only frames that started inside the window; React commits from the app\'s <Profiler> (the build uses react-dom\'s profiling bundle). ' +
      'Windows run in the order shown on one page; after each, the bench waits until the lanes show every record before the next starts.',
    `Heap: a fresh page on a new topic; ${integer.format(heap.smallRecords)} records, then ${integer.format(heap.largeRecords - heap.smallRecords)} more at ` +
      `${integer.format(heap.ratePerSecond)} rec/s (the lanes accounted for them after ${seconds(heap.largeElapsedMs)}); each reading waits 3 s, ` +
      `then forces a full collection through DevTools and reads the main thread's used JS heap (Runtime.getHeapUsage). The empty page used ${mb(heap.empty.usedBytes)}; ` +
      `heap reserved ${mb(heap.atSmall.totalBytes)} → ${mb(heap.atLarge.totalBytes)}. MB = 10⁶ bytes.`,
    'Chromium, the gateway with its broker, kcat and the bench share the machine\'s cores: the load average above says how busy it was.',
  ];
  if (shortOfRate.length > 0) {
    lines.push('', `The producer fell short of the window's rate at ${shortOfRate.map((result) => `${integer.format(result.ratePerSecond)} rec/s`).join(', ')}: the machine could not produce faster while drawing.`);
  }
  const errors = [...results.pageErrors, ...heap.pageErrors];
  if (errors.length > 0) lines.push('', `The page reported errors: ${[...new Set(errors)].slice(0, 5).join(' | ')}`);
  return lines.join('\n');
}
