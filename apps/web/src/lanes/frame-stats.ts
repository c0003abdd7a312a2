/**
 * Frame times measured with requestAnimationFrame deltas (performance-notes.md, "Browsers"), kept
 * in a fixed ring so measuring costs nothing per frame; read by bench/web through window.__lanes.
 */
export interface FrameStatsSummary {
  /** Frames since the last reset. */
  frames: number;
  /** 95th percentile of the recent frame deltas, in ms (0 before any frame). */
  p95: number;
  /** Frames since the last reset that took longer than 50 ms (the long-animation-frame threshold). */
  longFrames: number;
  /** Longest frame since the last reset, in ms. */
  maxMs: number;
}

export const LONG_FRAME_MS = 50;

export class FrameStats {
  private readonly deltas: Float64Array;
  private next = 0;
  private filled = 0;
  private frames = 0;
  private longFrames = 0;
  private maxMs = 0;

  constructor(capacity = 4096) {
    this.deltas = new Float64Array(capacity);
  }

  record(deltaMs: number): void {
    if (!(deltaMs >= 0)) return;
    this.deltas[this.next] = deltaMs;
    this.next = (this.next + 1) % this.deltas.length;
    this.filled = Math.min(this.filled + 1, this.deltas.length);
    this.frames++;
    if (deltaMs > LONG_FRAME_MS) this.longFrames++;
    if (deltaMs > this.maxMs) this.maxMs = deltaMs;
  }

  summary(): FrameStatsSummary {
    if (this.filled === 0) return { frames: 0, p95: 0, longFrames: 0, maxMs: 0 };
    const sorted = this.deltas.slice(0, this.filled).sort();
    const p95 = sorted[Math.min(this.filled - 1, Math.ceil(this.filled * 0.95) - 1)]!;
    return { frames: this.frames, p95, longFrames: this.longFrames, maxMs: this.maxMs };
  }

  reset(): void {
    this.next = 0;
    this.filled = 0;
    this.frames = 0;
    this.longFrames = 0;
    this.maxMs = 0;
  }
}
