/**
 * V8 CPU profiles (the DevTools protocol's Profiler.Profile, as `node --cpu-prof` writes and
 * Chromium's Profiler.stop returns) summarized as hot spots: where the time itself was spent (self),
 * and which of our functions it was spent under (inclusive). Each bench names frames its own way
 * (tsx source lines for node, the bundle's source map for the page).
 */

export interface CallFrame {
  functionName: string;
  url: string;
  /** 0-based, as in the protocol. */
  lineNumber: number;
  columnNumber: number;
}

export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  /** Microseconds between consecutive samples. */
  timeDeltas?: number[];
}

export interface HotSpot {
  where: string;
  milliseconds: number;
  /** Share of the time the thread was not idle. */
  percent: number;
}

export interface ProfileSummary {
  busyMilliseconds: number;
  idleMilliseconds: number;
  self: HotSpot[];
  /** Only the functions `ours` picked, each with everything it called. */
  inclusive: HotSpot[];
}

export interface SummaryOptions {
  /** A frame's name in the tables, `function file:line`. */
  where: (node: ProfileNode) => string;
  /** Whether a frame counts for the inclusive table. */
  ours: (node: ProfileNode, where: string) => boolean;
  /** Rows per table. */
  top: number;
}

export function summarizeProfile(profile: CpuProfile, options: SummaryOptions): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const names = new Map<number, string>();
  const where = (node: ProfileNode) => {
    let name = names.get(node.id);
    if (name === undefined) {
      name = options.where(node);
      names.set(node.id, name);
    }
    return name;
  };

  const selfTime = new Map<string, number>();
  const inclusiveTime = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((nodeId, index) => {
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
      if (options.ours(frameNode, name)) onStack.add(name);
    }
    for (const name of onStack) inclusiveTime.set(name, (inclusiveTime.get(name) ?? 0) + micros);
  });

  const ranked = (times: Map<string, number>): HotSpot[] =>
    [...times]
      .sort((a, b) => b[1] - a[1])
      .slice(0, options.top)
      .map(([key, micros]) => ({ where: key, milliseconds: micros / 1000, percent: busy === 0 ? 0 : (100 * micros) / busy }));
  return { busyMilliseconds: busy / 1000, idleMilliseconds: idle / 1000, self: ranked(selfTime), inclusive: ranked(inclusiveTime) };
}

/** The two tables as markdown, under a heading that names what was profiled. */
export function renderProfileSummary(summary: ProfileSummary, title: string): string {
  const row = (spot: HotSpot) => `| ${spot.percent.toFixed(1)} % | ${spot.milliseconds.toFixed(0)} ms | \`${spot.where}\` |`;
  return [
    `### ${title}`,
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
