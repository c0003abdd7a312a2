import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TsxSourceLines } from './tsx-source-lines';

/**
 * Reads a V8 .cpuprofile (written by `node --cpu-prof`) and names the hot spots as
 * `function file:line`: where the time itself was spent (self), and which of our functions the time
 * was spent under (inclusive). The format is the DevTools protocol's Profiler.Profile.
 */

interface CallFrame {
  functionName: string;
  url: string;
  /** 0-based, as in the protocol. */
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
  samples: number[];
  /** Microseconds between consecutive samples. */
  timeDeltas: number[];
}

export interface HotSpot {
  where: string;
  milliseconds: number;
  /** Share of the time the process was not idle. */
  percent: number;
}

export interface ProfileSummary {
  busyMilliseconds: number;
  idleMilliseconds: number;
  self: HotSpot[];
  /** Only functions in files of this repository (not node_modules, not node internals). */
  inclusive: HotSpot[];
}

const IDLE = '(idle)';

/**
 * @example
 *   const summary = summarizeCpuProfile('/tmp/CPU.0.001.cpuprofile', repoRoot);
 *   console.log(renderProfileSummary(summary, 'CPU.0.001.cpuprofile'));
 */
export function summarizeCpuProfile(file: string, repoRoot: string, top = 15, sourceLines = new TsxSourceLines()): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  if (!Array.isArray(profile.nodes) || !Array.isArray(profile.samples) || !Array.isArray(profile.timeDeltas)) {
    throw new Error(`${file} is not a V8 CPU profile (no nodes, samples and timeDeltas).`);
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const rootPrefix = `file://${repoRoot.endsWith('/') ? repoRoot : `${repoRoot}/`}`;
  const where = (frame: CallFrame) => {
    const name = frame.functionName || '(anonymous)';
    if (!frame.url) return name;
    const file = frame.url.startsWith(rootPrefix) ? frame.url.slice(rootPrefix.length) : frame.url;
    // Files tsx compiled are one line long; their source maps give the TypeScript line back.
    const line = frame.url.startsWith('file://') && frame.url.endsWith('.ts')
      ? sourceLines.sourceLine(fileURLToPath(frame.url), frame.functionName, frame.lineNumber, frame.columnNumber)
      : frame.lineNumber + 1;
    return `${name} ${file}:${line ?? '?'}`;
  };
  const ours = (frame: CallFrame) => frame.url.startsWith(rootPrefix) && !frame.url.includes('/node_modules/');

  const selfTime = new Map<string, number>();
  const inclusiveTime = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  profile.samples.forEach((nodeId, index) => {
    // A sample's duration is the gap to the next sample (DevTools attributes it the same way).
    const micros = profile.timeDeltas[index + 1] ?? 0;
    const node = byId.get(nodeId);
    if (!node) return;
    if (node.callFrame.functionName === IDLE) {
      idle += micros;
      return;
    }
    busy += micros;
    const key = where(node.callFrame);
    selfTime.set(key, (selfTime.get(key) ?? 0) + micros);
    const onStack = new Set<string>();
    for (let id: number | undefined = nodeId; id !== undefined; id = parentOf.get(id)) {
      const frame = byId.get(id)?.callFrame;
      if (frame && ours(frame)) onStack.add(where(frame));
    }
    for (const stackKey of onStack) inclusiveTime.set(stackKey, (inclusiveTime.get(stackKey) ?? 0) + micros);
  });

  const ranked = (times: Map<string, number>): HotSpot[] =>
    [...times]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, micros]) => ({ where: key, milliseconds: micros / 1000, percent: busy === 0 ? 0 : (100 * micros) / busy }));
  return { busyMilliseconds: busy / 1000, idleMilliseconds: idle / 1000, self: ranked(selfTime), inclusive: ranked(inclusiveTime) };
}

export function renderProfileSummary(summary: ProfileSummary, file: string): string {
  const row = (spot: HotSpot) => `| ${spot.percent.toFixed(1)} % | ${spot.milliseconds.toFixed(0)} ms | \`${spot.where}\` |`;
  return [
    `### Embedded broker CPU profile (${file})`,
    '',
    `Busy ${(summary.busyMilliseconds / 1000).toFixed(1)} s, idle ${(summary.idleMilliseconds / 1000).toFixed(1)} s. Percentages are of busy time.`,
    '',
    '| Self | | Function and location |',
    '|---:|---:|---|',
    ...summary.self.map(row),
    '',
    '| Inclusive | | Function of ours and location |',
    '|---:|---:|---|',
    ...summary.inclusive.map(row),
  ].join('\n');
}
