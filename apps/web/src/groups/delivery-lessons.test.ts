import { describe, expect, it } from 'vitest';
import type { DeliveryAnomaly } from '@lanes/events';
import { anomalyLesson, anomalyRange, recentAnomalies } from './delivery-lessons';

const anomaly = (groupId: string, fromOffset: number, kind: DeliveryAnomaly['kind'] = 'duplicate'): DeliveryAnomaly => ({ groupId, consumerId: 'c1', topic: 't', partition: 2, kind, fromOffset, toOffset: fromOffset });

describe('delivery lessons', () => {
  it('ties duplicates to at-least-once commit modes', () => {
    expect(anomalyLesson('duplicate', 'per-batch')).toContain('after each batch is at-least-once');
    expect(anomalyLesson('duplicate', 'auto')).toContain('at-least-once');
  });

  it('ties gaps to committing before processing', () => {
    expect(anomalyLesson('gap', 'before-processing')).toContain('at-most-once');
    expect(anomalyLesson('gap', 'per-message')).toContain('retention');
  });

  it('formats the offsets involved', () => {
    expect(anomalyRange({ partition: 2, fromOffset: 14, toOffset: 14 })).toBe('P2 offset 14');
    expect(anomalyRange({ partition: 0, fromOffset: 3, toOffset: 9 })).toBe('P0 offsets 3-9');
  });

  it('keeps only this group, newest first, bounded', () => {
    const list = [anomaly('g', 1), anomaly('x', 2), anomaly('g', 3), anomaly('g', 4)];
    expect(recentAnomalies(list, 'g', 2).map((a) => a.fromOffset)).toEqual([4, 3]);
  });
});
