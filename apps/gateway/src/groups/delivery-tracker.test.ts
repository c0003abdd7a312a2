import { describe, expect, it } from 'vitest';
import { DeliveryTracker } from './delivery-tracker';

describe('DeliveryTracker', () => {
  it('reads in order from the expected start: no anomaly', () => {
    const tracker = new DeliveryTracker();
    tracker.expectNext('t', 0, 5);
    for (const offset of [5, 6, 7]) expect(tracker.processed('c1', 't', 0, offset)).toEqual({ duplicate: false, observations: [] });
    expect(tracker.flush('t', 0)).toEqual([]);
  });

  it('reports a re-read run as one duplicate range when the run ends', () => {
    const tracker = new DeliveryTracker();
    tracker.expectNext('t', 0, 0);
    for (const offset of [0, 1, 2, 3]) tracker.processed('c1', 't', 0, offset);
    expect(tracker.processed('c2', 't', 0, 2)).toEqual({ duplicate: true, observations: [] });
    expect(tracker.processed('c2', 't', 0, 3).duplicate).toBe(true);
    expect(tracker.processed('c2', 't', 0, 4)).toEqual({
      duplicate: false,
      observations: [{ kind: 'duplicate', consumerId: 'c2', topic: 't', partition: 0, fromOffset: 2, toOffset: 3 }],
    });
  });

  it('closes an open duplicate run at the end of a batch', () => {
    const tracker = new DeliveryTracker();
    tracker.expectNext('t', 0, 0);
    tracker.processed('c1', 't', 0, 0);
    tracker.processed('c1', 't', 0, 0);
    expect(tracker.flush('t', 0)).toEqual([{ kind: 'duplicate', consumerId: 'c1', topic: 't', partition: 0, fromOffset: 0, toOffset: 0 }]);
    expect(tracker.flush('t', 0)).toEqual([]);
  });

  it('reports skipped offsets as a gap', () => {
    const tracker = new DeliveryTracker();
    tracker.expectNext('t', 1, 0);
    tracker.processed('c1', 't', 1, 0);
    expect(tracker.processed('c2', 't', 1, 3).observations).toEqual([{ kind: 'gap', consumerId: 'c2', topic: 't', partition: 1, fromOffset: 1, toOffset: 2 }]);
  });

  it('a gap from the expected start counts too (a commit before a record that was never processed)', () => {
    const tracker = new DeliveryTracker();
    tracker.expectNext('t', 0, 0);
    expect(tracker.processed('c2', 't', 0, 1).observations).toEqual([{ kind: 'gap', consumerId: 'c2', topic: 't', partition: 0, fromOffset: 0, toOffset: 0 }]);
  });

  it('without a known start, the first record is the start', () => {
    const tracker = new DeliveryTracker();
    expect(tracker.knows('t', 0)).toBe(false);
    expect(tracker.processed('c1', 't', 0, 40)).toEqual({ duplicate: false, observations: [] });
    expect(tracker.knows('t', 0)).toBe(true);
  });

  it('a seek (expectNext) makes re-reading and jumping ahead normal', () => {
    const tracker = new DeliveryTracker();
    tracker.expectNext('t', 0, 0);
    for (const offset of [0, 1, 2]) tracker.processed('c1', 't', 0, offset);
    tracker.expectNext('t', 0, 0);
    expect(tracker.processed('c1', 't', 0, 0)).toEqual({ duplicate: false, observations: [] });
    tracker.expectNext('t', 0, 10);
    expect(tracker.processed('c1', 't', 0, 10)).toEqual({ duplicate: false, observations: [] });
  });
});
