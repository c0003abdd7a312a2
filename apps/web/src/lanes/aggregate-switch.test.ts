import { describe, expect, it } from 'vitest';
import { AggregateSwitch } from './aggregate-switch';

describe('AggregateSwitch', () => {
  it('draws records individually at classroom rates', () => {
    const lanes = new AggregateSwitch();
    expect(lanes.update(0, 3, 0)).toBe(false);
    expect(lanes.isAggregate(0)).toBe(false);
  });

  it('switches a busy lane to aggregates and leaves quiet lanes alone', () => {
    const lanes = new AggregateSwitch({ enterRate: 15, exitRate: 6, minDwellMs: 1000 });
    expect(lanes.update(0, 500, 0)).toBe(true);
    lanes.update(1, 2, 0);
    expect(lanes.isAggregate(0)).toBe(true);
    expect(lanes.isAggregate(1)).toBe(false);
    expect(lanes.count()).toBe(1);
  });

  it('does not flicker around the threshold: leaves only below the lower rate', () => {
    const lanes = new AggregateSwitch({ enterRate: 15, exitRate: 6, minDwellMs: 0 });
    lanes.update(0, 16, 0);
    for (const [i, rate] of [14, 10, 7, 6, 12].entries()) {
      lanes.update(0, rate, i + 1);
      expect(lanes.isAggregate(0)).toBe(true);
    }
    expect(lanes.update(0, 5, 10)).toBe(true);
    expect(lanes.isAggregate(0)).toBe(false);
    lanes.update(0, 14, 11);
    expect(lanes.isAggregate(0)).toBe(false);
  });

  it('keeps a mode for the minimum dwell time even if traffic stops at once', () => {
    const lanes = new AggregateSwitch({ minDwellMs: 2000 });
    lanes.update(0, 1000, 0);
    expect(lanes.update(0, 0, 1500)).toBe(false);
    expect(lanes.isAggregate(0)).toBe(true);
    expect(lanes.update(0, 0, 2100)).toBe(true);
    expect(lanes.isAggregate(0)).toBe(false);
  });

  it('refuses thresholds that would flicker', () => {
    expect(() => new AggregateSwitch({ enterRate: 10, exitRate: 10 })).toThrow(/exitRate must be below enterRate/);
  });
});
