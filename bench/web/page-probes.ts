/**
 * What the bench runs inside the dashboard page, as source text: tsx compiles this repository with
 * esbuild's keepNames, whose `__name(...)` helper would travel with a serialized function into the
 * page and fail there, so page code goes to Playwright as strings.
 *
 * The page's own figures come from window.__lanes (apps/web/src/lanes/lanes-debug.ts): frame deltas
 * measured in its one animation loop and React commits counted by a <Profiler>. Long animation
 * frames come from a PerformanceObserver installed before the page's scripts run
 * (https://w3c.github.io/long-animation-frames/), which sees every frame over 50 ms with the scripts
 * that ran in it, whoever caused them.
 */

export interface ScriptTiming {
  invoker: string;
  sourceURL: string;
  sourceFunctionName: string;
  /** Character offset of the function in its script; -1 when unknown. */
  sourceCharPosition: number;
  startTime: number;
  duration: number;
}

export interface LongAnimationFrame {
  startTime: number;
  duration: number;
  blockingDuration: number;
  /** When the frame's rendering (rAF callbacks, style, layout, paint) began; 0 when it did not render. */
  renderStart: number;
  scripts: ScriptTiming[];
}

export interface WindowReading {
  frames: { frames: number; p95: number; longFrames: number; maxMs: number };
  commits: number;
  elapsedMs: number;
  /** Long animation frames that started inside the window. */
  longAnimationFrames: LongAnimationFrame[];
  longAnimationFramesSupported: boolean;
}

/** Keeps at most this many long frames, the newest, so a very slow page cannot grow the list. */
const KEPT_LONG_FRAMES = 2000;

export const installLongFrameObserver = `(() => {
  const bench = { since: 0, entries: [], supported: false, error: '' };
  window.__benchLongFrames = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (bench.entries.length >= ${KEPT_LONG_FRAMES}) bench.entries.shift();
        bench.entries.push({
          startTime: entry.startTime,
          duration: entry.duration,
          blockingDuration: entry.blockingDuration ?? 0,
          renderStart: entry.renderStart ?? 0,
          scripts: (entry.scripts ?? []).map((script) => ({
            invoker: script.invoker ?? '',
            sourceURL: script.sourceURL ?? '',
            sourceFunctionName: script.sourceFunctionName ?? '',
            sourceCharPosition: script.sourceCharPosition ?? -1,
            startTime: script.startTime ?? 0,
            duration: script.duration ?? 0,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
    bench.supported = true;
  } catch (error) {
    bench.error = String(error);
  }
})()`;

/** True once the lanes have mounted and installed window.__lanes. */
export const lanesReady = `window.__lanes !== undefined && window.__lanes.lane(0) !== null`;

/** Starts a measuring window: the page's frame and commit counters, and the long-frame cut-off. */
export const startWindow = `(() => {
  window.__lanes.resetStats();
  window.__benchLongFrames.since = performance.now();
})()`;

/** Everything measured since startWindow. */
export const readWindow = `(() => {
  const bench = window.__benchLongFrames;
  return {
    frames: window.__lanes.frameStats(),
    commits: window.__lanes.reactCommits(),
    elapsedMs: performance.now() - bench.since,
    longAnimationFrames: bench.entries.filter((entry) => entry.startTime >= bench.since),
    longAnimationFramesSupported: bench.supported,
  };
})()`;

/** Records the lanes of the selected topic account for: the sum of their log end offsets. */
export const recordsShown = `(() => {
  let total = 0;
  for (let partition = 0; ; partition++) {
    const lane = window.__lanes.lane(partition);
    if (!lane) return total;
    total += Math.max(0, lane.endOffset);
  }
})()`;
