import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../state/dashboard-store';
import { countByKind, filterTimeline, relativeTime } from './timeline-filter';

let id = 0;
const event = (kind: TimelineEvent['kind'], text: string, extra: Partial<TimelineEvent> = {}): TimelineEvent => ({ id: ++id, at: id * 1000, kind, text, ...extra });

describe('timeline filtering', () => {
  const events = [
    event('produce', 'sent 3 records to orders'),
    event('rebalance', 'shop: generation 2 (member joined)', { groupId: 'shop' }),
    event('commit', 'shop c1 committed p0@4', { groupId: 'shop' }),
    event('error', 'Kafka unreachable'),
    event('segment', 'orders-1: new segment from offset 100', { topic: 'orders' }),
  ];

  it('shows newest first', () => {
    expect(filterTimeline(events, { hidden: new Set(), text: '' }).map((e) => e.kind)).toEqual(['segment', 'error', 'commit', 'rebalance', 'produce']);
  });

  it('hides kinds turned off', () => {
    expect(filterTimeline(events, { hidden: new Set(['commit', 'produce']), text: '' }).map((e) => e.kind)).toEqual(['segment', 'error', 'rebalance']);
  });

  it('requires every search word, across text, group and topic, ignoring case', () => {
    expect(filterTimeline(events, { hidden: new Set(), text: 'SHOP generation' }).map((e) => e.kind)).toEqual(['rebalance']);
    expect(filterTimeline(events, { hidden: new Set(), text: 'orders' }).map((e) => e.kind)).toEqual(['segment', 'produce']);
    expect(filterTimeline(events, { hidden: new Set(['segment']), text: 'orders' }).map((e) => e.kind)).toEqual(['produce']);
  });

  it('bounds what it returns', () => {
    expect(filterTimeline(events, { hidden: new Set(), text: '' }, 2)).toHaveLength(2);
  });

  it('counts events per kind for the chips', () => {
    const counts = countByKind(events);
    expect(counts.commit).toBe(1);
    expect(counts.notice).toBe(0);
  });

  it('says how long ago in words', () => {
    expect(relativeTime(10_000, 10_500)).toBe('just now');
    expect(relativeTime(10_000, 9_000)).toBe('just now');
    expect(relativeTime(0, 3_400)).toBe('3 s ago');
    expect(relativeTime(0, 4 * 60_000 + 5_000)).toBe('4 min ago');
    expect(relativeTime(0, 2 * 3_600_000)).toBe('2 h ago');
  });
});
