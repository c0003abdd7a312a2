/**
 * Decides, per lane, between drawing each record and drawing aggregates (rate, offset bar, heat).
 * Past tens of landings a second in one lane, individual flights stop carrying information
 * (performance-notes.md, "Browsers"); the switch has hysteresis (enter above one rate, leave below a
 * lower one, and stay a minimum time) so a lane hovering around the threshold does not flicker.
 */
export interface AggregateSwitchOptions {
  /** Landings per second above which a lane switches to aggregate drawing. */
  enterRate: number;
  /** Landings per second below which it switches back. */
  exitRate: number;
  /** A lane keeps its mode at least this long after switching. */
  minDwellMs: number;
}

export const DEFAULT_AGGREGATE_OPTIONS: AggregateSwitchOptions = { enterRate: 15, exitRate: 6, minDwellMs: 2000 };

export class AggregateSwitch {
  private readonly options: AggregateSwitchOptions;
  private readonly aggregate = new Map<number, { on: boolean; since: number }>();

  constructor(options: Partial<AggregateSwitchOptions> = {}) {
    this.options = { ...DEFAULT_AGGREGATE_OPTIONS, ...options };
    if (this.options.exitRate >= this.options.enterRate) throw new Error('AggregateSwitch: exitRate must be below enterRate, or lanes would flicker');
  }

  /** Feeds a lane's current rate; returns true when the lane changed mode. */
  update(partition: number, ratePerSecond: number, nowMs: number): boolean {
    const state = this.aggregate.get(partition);
    const on = state?.on ?? false;
    if (state && nowMs - state.since < this.options.minDwellMs) return false;
    const next = on ? ratePerSecond >= this.options.exitRate : ratePerSecond > this.options.enterRate;
    if (next === on) return false;
    this.aggregate.set(partition, { on: next, since: nowMs });
    return true;
  }

  isAggregate(partition: number): boolean {
    return this.aggregate.get(partition)?.on ?? false;
  }

  /** Lanes currently drawn as aggregates. */
  count(): number {
    let count = 0;
    for (const state of this.aggregate.values()) if (state.on) count++;
    return count;
  }

  clear(): void {
    this.aggregate.clear();
  }
}
