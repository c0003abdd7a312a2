/** Counts per wall-clock second over a sliding window, in fixed memory. */
export class SecondBuckets {
  private readonly counts: number[];
  private readonly seconds: number[];

  constructor(private readonly windowSeconds = 60) {
    this.counts = new Array<number>(windowSeconds).fill(0);
    this.seconds = new Array<number>(windowSeconds).fill(-1);
  }

  add(count: number, atMs: number): void {
    const second = Math.floor(atMs / 1000);
    const slot = second % this.windowSeconds;
    if (this.seconds[slot] !== second) {
      this.seconds[slot] = second;
      this.counts[slot] = 0;
    }
    this.counts[slot]! += count;
  }

  /** The total over the last `seconds` seconds up to `nowMs`. */
  total(nowMs: number, seconds = this.windowSeconds): number {
    const newest = Math.floor(nowMs / 1000);
    let sum = 0;
    for (let i = 0; i < Math.min(seconds, this.windowSeconds); i++) {
      const second = newest - i;
      const slot = ((second % this.windowSeconds) + this.windowSeconds) % this.windowSeconds;
      if (this.seconds[slot] === second) sum += this.counts[slot]!;
    }
    return sum;
  }
}
