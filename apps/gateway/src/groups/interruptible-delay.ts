/**
 * The per-record processing delay of a managed consumer. A crash, a removal or a shutdown wakes
 * every sleeper at once, so a 10-second delay never holds up a rebalance or a test.
 */
export class InterruptibleDelay {
  private readonly sleepers = new Set<() => void>();

  /** Resolves after `ms`, or earlier when `interrupt()` is called. */
  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  interrupt(): void {
    for (const wake of [...this.sleepers]) wake();
  }
}
