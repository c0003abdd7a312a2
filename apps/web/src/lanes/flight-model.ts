import { easeCubicInOut, easeCubicOut } from 'd3-ease';
import type { LandedRecord } from './record-stream';

/**
 * Records on their way to their cell. Where a flight starts says who produced it:
 * - 'producer-panel': records typed in the panel or sent by its load generator ('panel', 'load')
 *   start from the left edge, level with the middle of the visible lanes (the panel sits there),
 *   and arc into their lane, so a person sees a keyed record pick one lane out of several;
 * - 'lane-edge': records from outside clients (kcat, a Python lab, no `lanes-producer` header) were
 *   not sent from this page, so they slide into their lane from its right edge.
 *
 * Pure state with an explicit clock (tick(dtMs)): tested in node with a fake clock. Per-lane order
 * is preserved (Kafka appends in offset order), so a lane hides exactly the offsets from its oldest
 * pending flight on, and shows everything before it at rest.
 */
export type FlightOrigin = 'producer-panel' | 'lane-edge';

export interface Flight {
  record: LandedRecord;
  origin: FlightOrigin;
  /** 0 at launch, 1 on landing (before easing). */
  progress: number;
  /** Arrival order over all lanes: "step" advances the oldest. */
  sequence: number;
  /** Advancing while paused because "step" picked it. */
  stepping: boolean;
}

export interface FlightOptions {
  /** Moving records at once per lane: people track about 4 moving objects, 8 slow ones. */
  maxConcurrentPerLane: number;
  /** Waiting records per lane while running; past it, the oldest waiting appear in place. */
  queueLimit: number;
  /** While paused, arrivals queue up to this bound per lane, then the oldest appear in place. */
  pausedQueueLimit: number;
  /** Flight time at speed 1. */
  durationMs: number;
  /** Minimum time between two launches in one lane at speed 1, so each flight is seen on its own. */
  launchGapMs: number;
}

export interface TickOptions {
  /** Animation speed (viewStore.speed): 0.5 makes every flight twice as long. */
  speed: number;
  paused: boolean;
  /** prefers-reduced-motion: no flights at all; records appear in place. */
  reducedMotion: boolean;
}

export const DEFAULT_FLIGHT_OPTIONS: FlightOptions = { maxConcurrentPerLane: 8, queueLimit: 24, pausedQueueLimit: 200, durationMs: 900, launchGapMs: 110 };

interface LaneFlights {
  waiting: Flight[];
  active: Flight[];
  /** Animation clock at the last launch. */
  lastLaunchAt: number;
}

export function originFor(producer: string | undefined): FlightOrigin {
  return producer === 'panel' || producer === 'load' ? 'producer-panel' : 'lane-edge';
}

export class FlightModel {
  private readonly lanes = new Map<number, LaneFlights>();
  private readonly options: FlightOptions;
  private sequence = 0;
  /** Animation time: advances with speed, stands still while paused. */
  private clock = 0;
  private pausedNow = false;
  /** Reused for drawing: every active flight of every lane. */
  private readonly activeList: Flight[] = [];

  constructor(options: Partial<FlightOptions> = {}) {
    this.options = { ...DEFAULT_FLIGHT_OPTIONS, ...options };
  }

  /** Queues a record to fly to its cell (launched by a later tick). */
  enqueue(record: LandedRecord): void {
    const lane = this.lane(record.partition);
    lane.waiting.push({ record, origin: originFor(record.producer), progress: 0, sequence: this.sequence++, stepping: false });
    const limit = this.pausedNow ? this.options.pausedQueueLimit : this.options.queueLimit;
    if (lane.waiting.length > limit) lane.waiting.splice(0, lane.waiting.length - limit);
  }

  /**
   * Advances the animation by dtMs of wall time and returns how many flights landed (the static
   * layer redraws when it is not 0).
   */
  tick(dtMs: number, options: TickOptions): number {
    this.pausedNow = options.paused;
    if (options.reducedMotion) return this.landAll();
    const animated = Math.max(0, dtMs) * options.speed;
    let landed = 0;
    if (!options.paused) this.clock += animated;
    for (const lane of this.lanes.values()) {
      const step = animated / this.options.durationMs;
      for (const flight of lane.active) if (!options.paused || flight.stepping) flight.progress += step;
      while (lane.active.length > 0 && lane.active[0]!.progress >= 1) {
        lane.active.shift();
        landed++;
      }
      if (!options.paused) this.launch(lane);
    }
    return landed;
  }

  /** "Step" while paused: the oldest pending record (in flight or waiting) flies to its cell. */
  step(): void {
    let oldest: { lane: LaneFlights; flight: Flight } | null = null;
    for (const lane of this.lanes.values()) {
      const candidate = lane.active.find((f) => !f.stepping) ?? (lane.active.length < this.options.maxConcurrentPerLane ? lane.waiting[0] : undefined);
      if (candidate && (!oldest || candidate.sequence < oldest.flight.sequence)) oldest = { lane, flight: candidate };
    }
    if (!oldest) return;
    if (oldest.lane.waiting[0] === oldest.flight) {
      oldest.lane.waiting.shift();
      oldest.lane.active.push(oldest.flight);
    }
    oldest.flight.stepping = true;
  }

  /**
   * The lowest offset of this lane that has not landed yet (Infinity when none): the static layer
   * draws cells below it, the animated layer draws the rest in flight.
   */
  hiddenFrom(partition: number): number {
    const lane = this.lanes.get(partition);
    if (!lane) return Infinity;
    let lowest = lane.waiting.length > 0 ? lane.waiting[0]!.record.offset : Infinity;
    for (const flight of lane.active) if (flight.record.offset < lowest) lowest = flight.record.offset;
    return lowest;
  }

  /** Every moving flight, for drawing; the array is reused between calls. */
  activeFlights(): readonly Flight[] {
    this.activeList.length = 0;
    for (const lane of this.lanes.values()) for (const flight of lane.active) this.activeList.push(flight);
    return this.activeList;
  }

  /** Records waiting to launch, per origin (paused, or behind the per-lane cap), for drawing the queue. */
  waiting(origin: FlightOrigin, partition?: number): { first: Flight | null; count: number } {
    let first: Flight | null = null;
    let count = 0;
    for (const [lanePartition, lane] of this.lanes) {
      if (partition !== undefined && lanePartition !== partition) continue;
      for (const flight of lane.waiting) {
        if (flight.origin !== origin) continue;
        count++;
        if (!first || flight.sequence < first.sequence) first = flight;
      }
    }
    return { first, count };
  }

  pendingCount(partition?: number): number {
    if (partition !== undefined) {
      const lane = this.lanes.get(partition);
      return lane ? lane.waiting.length + lane.active.length : 0;
    }
    let count = 0;
    for (const lane of this.lanes.values()) count += lane.waiting.length + lane.active.length;
    return count;
  }

  /** Lands everything of one lane at once (the lane switched to aggregate drawing). */
  landLane(partition: number): number {
    const lane = this.lanes.get(partition);
    if (!lane) return 0;
    const count = lane.waiting.length + lane.active.length;
    lane.waiting.length = 0;
    lane.active.length = 0;
    return count;
  }

  landAll(): number {
    let count = 0;
    for (const partition of this.lanes.keys()) count += this.landLane(partition);
    return count;
  }

  /** Forgets every lane (another topic was selected). */
  clear(): void {
    this.lanes.clear();
    this.activeList.length = 0;
  }

  /** At most one launch per lane per gap of animation time, so each flight is seen on its own. */
  private launch(lane: LaneFlights): void {
    if (lane.waiting.length === 0 || lane.active.length >= this.options.maxConcurrentPerLane) return;
    if (this.clock - lane.lastLaunchAt < this.options.launchGapMs) return;
    lane.active.push(lane.waiting.shift()!);
    lane.lastLaunchAt = this.clock;
  }

  private lane(partition: number): LaneFlights {
    let lane = this.lanes.get(partition);
    if (!lane) {
      lane = { waiting: [], active: [], lastLaunchAt: -Infinity };
      this.lanes.set(partition, lane);
    }
    return lane;
  }
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Where a flight is drawn: from its origin to its target cell, eased with d3-ease. Records from
 * the panel follow a gentle arc (a quadratic Bézier bending toward the lane early, so the lane
 * choice shows before the record arrives); records from outside slide straight in.
 * Writes into `out` to allocate nothing per frame.
 */
export function flightPoint(origin: FlightOrigin, progress: number, from: Point, to: Point, out: Point): Point {
  const p = Math.min(1, Math.max(0, progress));
  if (origin === 'lane-edge') {
    const t = easeCubicOut(p);
    out.x = from.x + (to.x - from.x) * t;
    out.y = from.y + (to.y - from.y) * t;
    return out;
  }
  const t = easeCubicInOut(p);
  const controlX = from.x + (to.x - from.x) * 0.25;
  const controlY = to.y;
  const u = 1 - t;
  out.x = u * u * from.x + 2 * u * t * controlX + t * t * to.x;
  out.y = u * u * from.y + 2 * u * t * controlY + t * t * to.y;
  return out;
}
