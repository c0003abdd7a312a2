import type { CDPSession } from 'playwright-core';
import { sleep } from '../gateway/waits';
import { summarizeProfile, type CpuProfile, type HotSpot, type ProfileSummary } from '../shared/cpu-profile';
import type { BundleSourceMap } from './bundle-source-map';
import type { LongAnimationFrame } from './page-probes';

/**
 * Where the page's main thread spends its time: a CPU profile through DevTools (Profiler domain),
 * summarized as `function file:line` through the bundle's source map (bench/shared/cpu-profile.ts).
 * Also names the scripts that ran in long animation frames.
 */

const SAMPLING_INTERVAL_US = 200;
const TOP = 15;
const OUR_SOURCE = 'apps/web/src/';

/** Profiles the page for `durationMs` and names its hot spots. */
export async function profilePage(cdp: CDPSession, durationMs: number, sourceMap: BundleSourceMap): Promise<ProfileSummary> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
  await sleep(durationMs);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  return summarizePageProfile(profile as CpuProfile, sourceMap);
}

/** Frames named through the bundle's source map; the inclusive table keeps the dashboard's own source. */
export function summarizePageProfile(profile: CpuProfile, sourceMap: BundleSourceMap): ProfileSummary {
  return summarizeProfile(profile, {
    where: ({ callFrame: frame }) => {
      const fn = frame.functionName || '(anonymous)';
      return frame.url ? `${fn} ${sourceMap.locate(frame.url, frame.lineNumber, frame.columnNumber)}` : fn;
    },
    ours: (_node, where) => where.includes(` ${OUR_SOURCE}`),
    top: TOP,
  });
}

export interface LongFrameTime {
  frames: number;
  totalMs: number;
  /** Scripts run by tasks before the frame began rendering (socket messages, timers, React's scheduler). */
  taskScriptMs: number;
  /** From the start of rendering to the end of the frame: rAF callbacks, style, layout, paint. */
  renderingMs: number;
  /**
   * The rest: work in tasks that is not script, and waiting with nothing of the page's to run, for
   * the compositor to ask for the frame or for a core (a busy machine shows up here).
   */
  otherMs: number;
}

/** Where long animation frames spent their time, as the entries themselves tell it. */
export function longFrameTime(frames: LongAnimationFrame[]): LongFrameTime {
  const time: LongFrameTime = { frames: frames.length, totalMs: 0, taskScriptMs: 0, renderingMs: 0, otherMs: 0 };
  for (const frame of frames) {
    const renders = frame.renderStart > 0;
    const rendering = renders ? frame.startTime + frame.duration - frame.renderStart : 0;
    let taskScripts = 0;
    for (const script of frame.scripts) if (!renders || script.startTime < frame.renderStart) taskScripts += script.duration;
    time.totalMs += frame.duration;
    time.taskScriptMs += taskScripts;
    time.renderingMs += rendering;
    time.otherMs += Math.max(0, frame.duration - taskScripts - rendering);
  }
  return time;
}

/** The scripts that ran in long animation frames, by total time, with where they are in the source. */
export function longFrameScripts(frames: LongAnimationFrame[], sourceMap: BundleSourceMap): HotSpot[] {
  const times = new Map<string, number>();
  let total = 0;
  for (const frame of frames) {
    for (const script of frame.scripts) {
      const location = script.sourceURL ? sourceMap.locateCharacter(script.sourceURL, script.sourceCharPosition) : '(no source)';
      const key = `${script.invoker || '(unknown invoker)'} → ${script.sourceFunctionName || '(anonymous)'} ${location}`;
      times.set(key, (times.get(key) ?? 0) + script.duration);
      total += script.duration;
    }
  }
  return [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([where, milliseconds]) => ({ where, milliseconds, percent: total === 0 ? 0 : (100 * milliseconds) / total }));
}

export function renderHotSpots(title: string, note: string, spots: HotSpot[], percentOf: string): string {
  if (spots.length === 0) return `${title}: nothing to show.`;
  return [
    title,
    '',
    note,
    '',
    `| Share of ${percentOf} | Time | Function and location |`,
    '|---:|---:|---|',
    ...spots.map((spot) => `| ${spot.percent.toFixed(1)} % | ${spot.milliseconds.toFixed(0)} ms | \`${spot.where}\` |`),
  ].join('\n');
}
