import { describe, expect, it } from 'vitest';
import { FlightModel, flightPoint, originFor } from './flight-model';
import type { LandedRecord } from './record-stream';

function record(partition: number, offset: number, producer?: string): LandedRecord {
  return { topic: 't', partition, offset, key: 'k', value: 'v', valueBytes: 1, timestamp: 0, headers: {}, producer, arrivedAt: 0 };
}

const running = { speed: 1, paused: false, reducedMotion: false };
const paused = { ...running, paused: true };

/** Advances the model in 16 ms frames, like requestAnimationFrame at 60 Hz; returns landings. */
function run(model: FlightModel, ms: number, options = running): number {
  let landed = 0;
  for (let t = 0; t < ms; t += 16) landed += model.tick(16, options);
  return landed;
}

describe('FlightModel', () => {
  it('launches a record, keeps its offset hidden while it flies, and lands it after the duration', () => {
    const model = new FlightModel({ durationMs: 500 });
    model.enqueue(record(0, 7));
    expect(model.hiddenFrom(0)).toBe(7);
    model.tick(16, running);
    expect(model.activeFlights()).toHaveLength(1);
    expect(run(model, 400)).toBe(0);
    expect(run(model, 200)).toBe(1);
    expect(model.hiddenFrom(0)).toBe(Infinity);
    expect(model.activeFlights()).toHaveLength(0);
  });

  it('takes twice as long in slow motion (speed 0.5)', () => {
    const model = new FlightModel({ durationMs: 500 });
    model.enqueue(record(0, 0));
    model.tick(16, running);
    expect(run(model, 700, { ...running, speed: 0.5 })).toBe(0);
    expect(run(model, 400, { ...running, speed: 0.5 })).toBe(1);
  });

  it('caps concurrent flights per lane and spaces launches, landing in offset order', () => {
    const model = new FlightModel({ durationMs: 1000, launchGapMs: 50, maxConcurrentPerLane: 3, queueLimit: 100 });
    for (let offset = 0; offset < 10; offset++) model.enqueue(record(1, offset));
    run(model, 400);
    expect(model.activeFlights()).toHaveLength(3);
    const offsets = model.activeFlights().map((f) => f.record.offset);
    expect(offsets).toEqual([0, 1, 2]);
    expect(model.hiddenFrom(1)).toBe(0);
    run(model, 700);
    expect(model.hiddenFrom(1)).toBeGreaterThan(0);
    expect(model.pendingCount(1)).toBeLessThan(10);
  });

  it('lets lanes fly independently', () => {
    const model = new FlightModel({ maxConcurrentPerLane: 1 });
    model.enqueue(record(0, 0));
    model.enqueue(record(1, 0));
    model.tick(16, running);
    expect(model.activeFlights()).toHaveLength(2);
  });

  it('lets the oldest waiting records appear in place when a lane falls too far behind', () => {
    const model = new FlightModel({ queueLimit: 4 });
    for (let offset = 0; offset < 10; offset++) model.enqueue(record(0, offset));
    expect(model.pendingCount(0)).toBe(4);
    expect(model.hiddenFrom(0)).toBe(6);
  });

  it('freezes flights while paused, queues arrivals up to a larger bound, and resumes', () => {
    const model = new FlightModel({ durationMs: 300, queueLimit: 2, pausedQueueLimit: 50 });
    model.enqueue(record(0, 0));
    model.tick(16, running);
    run(model, 100);
    const frozenAt = model.activeFlights()[0]!.progress;
    model.tick(16, paused);
    for (let offset = 1; offset < 20; offset++) model.enqueue(record(0, offset));
    expect(run(model, 2000, paused)).toBe(0);
    expect(model.activeFlights()[0]!.progress).toBe(frozenAt);
    expect(model.pendingCount(0)).toBe(20);
    expect(run(model, 400)).toBeGreaterThanOrEqual(1);
  });

  it('reports what waits at each origin, oldest first', () => {
    const model = new FlightModel();
    model.tick(16, paused);
    model.enqueue(record(1, 4, 'panel'));
    model.enqueue(record(0, 2, 'panel'));
    model.enqueue(record(2, 8, 'kcat'));
    expect(model.waiting('producer-panel')).toMatchObject({ count: 2, first: { record: { partition: 1, offset: 4 } } });
    expect(model.waiting('lane-edge', 2)).toMatchObject({ count: 1, first: { record: { offset: 8 } } });
    expect(model.waiting('lane-edge', 0)).toEqual({ first: null, count: 0 });
  });

  it('steps one landing at a time while paused, oldest first across lanes', () => {
    const model = new FlightModel({ durationMs: 300 });
    model.tick(16, paused);
    model.enqueue(record(2, 5));
    model.enqueue(record(0, 9));
    model.step();
    expect(model.activeFlights().map((f) => f.record.partition)).toEqual([2]);
    expect(run(model, 400, paused)).toBe(1);
    expect(model.hiddenFrom(2)).toBe(Infinity);
    expect(model.hiddenFrom(0)).toBe(9);
    model.step();
    expect(run(model, 400, paused)).toBe(1);
    expect(model.pendingCount()).toBe(0);
    model.step();
    expect(run(model, 100, paused)).toBe(0);
  });

  it('lands everything at once under prefers-reduced-motion', () => {
    const model = new FlightModel();
    for (let offset = 0; offset < 5; offset++) model.enqueue(record(0, offset));
    expect(model.tick(16, { ...running, reducedMotion: true })).toBe(5);
    expect(model.hiddenFrom(0)).toBe(Infinity);
  });

  it('lands a whole lane when it switches to aggregate drawing', () => {
    const model = new FlightModel();
    model.enqueue(record(0, 0));
    model.enqueue(record(3, 0));
    expect(model.landLane(3)).toBe(1);
    expect(model.pendingCount()).toBe(1);
  });
});

describe('originFor', () => {
  it('flies panel and load-generator records from the producer panel, others from the lane edge', () => {
    expect(originFor('panel')).toBe('producer-panel');
    expect(originFor('load')).toBe('producer-panel');
    expect(originFor(undefined)).toBe('lane-edge');
    expect(originFor('kcat')).toBe('lane-edge');
  });
});

describe('flightPoint', () => {
  const from = { x: 0, y: 200 };
  const to = { x: 300, y: 20 };
  const out = { x: 0, y: 0 };

  it('starts at the origin and ends on the cell', () => {
    expect(flightPoint('producer-panel', 0, from, to, out)).toEqual(from);
    expect(flightPoint('producer-panel', 1, from, to, out)).toEqual(to);
    expect(flightPoint('lane-edge', 1, from, to, out)).toEqual(to);
  });

  it('bends toward the lane early on an arc from the panel', () => {
    const mid = flightPoint('producer-panel', 0.5, from, to, { x: 0, y: 0 });
    expect(mid.y - to.y).toBeLessThan((from.y - to.y) / 2);
    expect(mid.x).toBeGreaterThan(0);
    expect(mid.x).toBeLessThan(to.x);
  });
});
