/**
 * Gives memory back after a burst of records. V8 shrinks its heap by itself only once allocation
 * has all but stopped (its memory reducer), and the gateway's tap never stops: its consumer polls
 * Kafka several times a second even when nothing arrives. So after a burst of a million records the
 * gateway kept the burst's garbage until the next burst. When at least `minRecords` have gone
 * through since the last collection and then none for `quietMs`, this runs one full collection.
 * What it cannot give back is the young generation V8 grew for the burst and memory the C library
 * keeps after freeing it; docs/performance.md has the figures.
 *
 * `collect` is V8's `gc`, which exists only when node runs with --expose-gc (`pnpm gateway` and
 * `pnpm start` do); without it this does nothing.
 */
export class BurstCollector {
  private recordsSinceCollection = 0;
  private lastRecordAt = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly collect: (() => void) | undefined,
    private readonly options: { minRecords: number; quietMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** The number of records that just went through. */
  recordsSeen(count: number): void {
    this.recordsSinceCollection += count;
    this.lastRecordAt = this.now();
    if (this.collect && this.recordsSinceCollection >= this.options.minRecords) this.checkAfter(this.options.quietMs);
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private checkAfter(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const quietFor = this.now() - this.lastRecordAt;
      if (quietFor < this.options.quietMs) {
        this.checkAfter(this.options.quietMs - quietFor);
        return;
      }
      this.recordsSinceCollection = 0;
      this.collect?.();
    }, delayMs);
    this.timer.unref();
  }
}

/** V8's `gc` when node runs with --expose-gc. */
export function exposedGc(): (() => void) | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  return typeof gc === 'function' ? gc : undefined;
}
