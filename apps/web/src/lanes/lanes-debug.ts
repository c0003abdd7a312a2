import type { ProfilerOnRenderCallback } from 'react';
import { FrameStats, type FrameStatsSummary } from './frame-stats';
import type { LaneWindow } from './layout';
import type { LandedRecord } from './record-stream';

/**
 * Figures bench/web and the e2e journeys read from the page (window.__lanes). Measured where the
 * work happens: frame deltas in the animation loop, React commits in a <Profiler>.
 *
 * Note: React calls Profiler's onRender only in development and profiling builds; a production
 * build counts 0 unless it aliases react-dom/client to react-dom/profiling.
 */
export interface LaneSummary {
  partition: number;
  logStartOffset: number;
  endOffset: number;
  /** Offsets drawn as cells, with their keys (null: keyless; undefined: not in this browser's buffer). */
  cells: { offset: number; key: string | null | undefined }[];
  aggregate: boolean;
  inFlight: number;
}

export interface LanesDebug {
  frameStats(): FrameStatsSummary;
  reactCommits(): number;
  /** Starts measuring afresh (after warm-up). */
  resetStats(): void;
  /** What a lane of the selected topic shows right now, for journeys that assert the picture. */
  lane(partition: number): LaneSummary | null;
}

declare global {
  interface Window {
    __lanes?: LanesDebug;
  }
}

export const lanesFrameStats = new FrameStats();
let commits = 0;
let describeLane: (partition: number) => LaneSummary | null = () => null;

/** Profiler callback: counts every commit of the profiled tree. */
export const countCommit: ProfilerOnRenderCallback = () => {
  commits++;
};

export function setLaneDescriber(describe: (partition: number) => LaneSummary | null): () => void {
  describeLane = describe;
  return () => {
    if (describeLane === describe) describeLane = () => null;
  };
}

export function installLanesDebug(): void {
  if (typeof window === 'undefined' || window.__lanes) return;
  window.__lanes = {
    frameStats: () => lanesFrameStats.summary(),
    reactCommits: () => commits,
    resetStats: () => {
      lanesFrameStats.reset();
      commits = 0;
    },
    lane: (partition) => describeLane(partition),
  };
}

/** What a lane shows as cells right now: kept offsets in the cell window that are not in flight. */
export function summarizeLane(partition: number, window: LaneWindow, recent: readonly LandedRecord[], hiddenFrom: number, aggregate: boolean, inFlight: number): LaneSummary {
  const byOffset = new Map(recent.map((r) => [r.offset, r.key]));
  const cells: LaneSummary['cells'] = [];
  for (let offset = Math.max(window.windowStart, window.logStartOffset); offset < Math.min(window.endOffset, hiddenFrom); offset++) {
    cells.push({ offset, key: byOffset.has(offset) ? byOffset.get(offset)! : undefined });
  }
  return { partition, logStartOffset: window.logStartOffset, endOffset: window.endOffset, cells, aggregate, inFlight };
}
