import { describe, expect, it } from 'vitest';
import { FrameStats } from './frame-stats';

describe('FrameStats', () => {
  it('reports nothing before the first frame', () => {
    expect(new FrameStats().summary()).toEqual({ frames: 0, p95: 0, longFrames: 0, maxMs: 0 });
  });

  it('computes the 95th percentile and counts long frames', () => {
    const stats = new FrameStats();
    for (let i = 0; i < 95; i++) stats.record(16);
    for (let i = 0; i < 4; i++) stats.record(30);
    stats.record(120);
    const summary = stats.summary();
    expect(summary.frames).toBe(100);
    expect(summary.p95).toBe(16);
    expect(summary.longFrames).toBe(1);
    expect(summary.maxMs).toBe(120);
    stats.record(30);
    expect(stats.summary().p95).toBe(30);
  });

  it('keeps a bounded window of recent frames while counting all of them', () => {
    const stats = new FrameStats(10);
    for (let i = 0; i < 100; i++) stats.record(100);
    for (let i = 0; i < 10; i++) stats.record(16);
    expect(stats.summary()).toMatchObject({ frames: 110, p95: 16, longFrames: 100 });
  });

  it('starts over on reset and ignores nonsense deltas', () => {
    const stats = new FrameStats();
    stats.record(80);
    stats.reset();
    stats.record(Number.NaN);
    stats.record(-5);
    stats.record(17);
    expect(stats.summary()).toEqual({ frames: 1, p95: 17, longFrames: 0, maxMs: 17 });
  });
});
