/** Produce-to-receive times of one receiver, and their percentiles. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export class LatencySamples {
  private readonly samples: number[] = [];
  private countFrom = Number.POSITIVE_INFINITY;

  /** Records sent before `from` (ms since the epoch) are warm-up; until this is called, all are. */
  countSentFrom(from: number): void {
    this.countFrom = from;
  }

  add(sentAt: number, receivedAt: number): void {
    if (Number.isFinite(sentAt) && sentAt >= this.countFrom) this.samples.push(receivedAt - sentAt);
  }

  get count(): number {
    return this.samples.length;
  }

  /** Nearest-rank percentiles over every sample. */
  summary(): LatencySummary {
    const sorted = Float64Array.from(this.samples).sort();
    const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
    return { count: sorted.length, p50: rank(50), p99: rank(99), max: sorted[sorted.length - 1] ?? Number.NaN };
  }
}
