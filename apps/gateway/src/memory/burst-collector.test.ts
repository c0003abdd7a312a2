import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BurstCollector } from './burst-collector';

describe('BurstCollector', () => {
  let collections: number;
  let collector: BurstCollector;

  beforeEach(() => {
    vi.useFakeTimers();
    collections = 0;
    collector = new BurstCollector(() => collections++, { minRecords: 1000, quietMs: 1000 });
  });

  afterEach(() => {
    collector.close();
    vi.useRealTimers();
  });

  it('collects once a second after a burst ends', () => {
    for (let i = 0; i < 20; i++) collector.recordsSeen(100);
    vi.advanceTimersByTime(999);
    expect(collections).toBe(0);
    vi.advanceTimersByTime(1);
    expect(collections).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(collections).toBe(1);
  });

  it('waits while records keep coming, however long the burst', () => {
    for (let ms = 0; ms < 5000; ms += 100) {
      collector.recordsSeen(500);
      vi.advanceTimersByTime(100);
    }
    expect(collections).toBe(0);
    vi.advanceTimersByTime(900);
    expect(collections).toBe(1);
  });

  it('leaves a trickle alone: fewer records than a burst never collect', () => {
    for (let s = 0; s < 30; s++) {
      collector.recordsSeen(30);
      vi.advanceTimersByTime(1000);
    }
    expect(collections).toBe(0);
  });

  it('counts anew after each collection', () => {
    collector.recordsSeen(1000);
    vi.advanceTimersByTime(1000);
    collector.recordsSeen(999);
    vi.advanceTimersByTime(5000);
    expect(collections).toBe(1);
    collector.recordsSeen(1);
    vi.advanceTimersByTime(1000);
    expect(collections).toBe(2);
  });

  it('does nothing when V8 does not expose gc', () => {
    const without = new BurstCollector(undefined, { minRecords: 1, quietMs: 10 });
    without.recordsSeen(1_000_000);
    vi.advanceTimersByTime(1000);
    expect(vi.getTimerCount()).toBe(0);
    without.close();
  });
});
