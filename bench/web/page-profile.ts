import type { CDPSession } from 'playwright-core';
import { sleep } from '../gateway/waits';
import type { BundleSourceMap } from './bundle-source-map';
import type { LongAnimationFrame } from './page-probes';

/**
 * Where the page's main thread spends its time: a CPU profile through DevTools (Profiler domain),
 * summarized as `function file:line` through the bundle's source map, the way
 * bench/broker/profile-summary.ts summarizes a node profile. Also names the scripts that ran in
 * long animation frames.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotSpot {
  where: string;
  milliseconds: number;
  /** Share of the busy (not idle) time. */
  percent: number;
}

export interface PageProfile {
  busyMs: number;
  idleMs: number;
  self: HotSpot[];
  /** Functions of the dashboard's own source (apps/web/src), with everything they called. */
  inclusive: HotSpot[];
}

const SAMPLING_INTERVAL_US = 200;
const TOP = 15;
const OUR_SOURCE = 'apps/web/src/';

/** Profiles the page for `durationMs` and names its hot spots. */
export async function profilePage(cdp: CDPSession, durationMs: number, sourceMap: BundleSourceMap): Promise<PageProfile> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
  await sleep(durationMs);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  return summarizeProfile(profile as CpuProfile, sourceMap);
}

export function summarizeProfile(profile: CpuProfile, sourceMap: BundleSourceMap): PageProfile {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const names = new Map<number, string>();
  const where = (node: ProfileNode) => {
    let name = names.get(node.id);
    if (name === undefined) {
      const frame = node.callFrame;
      const fn = frame.functionName || '(anonymous)';
      name = frame.url ? `${fn} ${sourceMap.locate(frame.url, frame.lineNumber, frame.columnNumber)}` : fn;
      names.set(node.id, name);
    }
    return name;
  };

  const selfTime = new Map<string, number>();
  const inclusiveTime = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((nodeId, index) => {
    // A sample lasts until the next one (DevTools attributes it the same way).
    const micros = deltas[index + 1] ?? 0;
    const node = byId.get(nodeId);
    if (!node) return;
    if (node.callFrame.functionName === '(idle)') {
      idle += micros;
      return;
    }
    busy += micros;
    const key = where(node);
    selfTime.set(key, (selfTime.get(key) ?? 0) + micros);
    const onStack = new Set<string>();
    for (let id: number | undefined = nodeId; id !== undefined; id = parentOf.get(id)) {
      const frameNode = byId.get(id);
      if (!frameNode) break;
      const name = where(frameNode);
      if (name.includes(` ${OUR_SOURCE}`)) onStack.add(name);
    }
    for (const name of onStack) inclusiveTime.set(name, (inclusiveTime.get(name) ?? 0) + micros);
  });

  const ranked = (times: Map<string, number>): HotSpot[] =>
    [...times]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([key, micros]) => ({ where: key, milliseconds: micros / 1000, percent: busy === 0 ? 0 : (100 * micros) / busy }));
  return { busyMs: busy / 1000, idleMs: idle / 1000, self: ranked(selfTime), inclusive: ranked(inclusiveTime) };
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
