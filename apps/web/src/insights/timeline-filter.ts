import type { TimelineEvent, TimelineKind } from '../state/dashboard-store';

export const TIMELINE_KINDS: readonly TimelineKind[] = ['produce', 'rebalance', 'commit', 'segment', 'topic', 'consumer', 'error', 'notice'];

export interface TimelineFilter {
  /** Kinds hidden by their chip; everything else shows. */
  hidden: ReadonlySet<TimelineKind>;
  text: string;
}

/**
 * Events to show, newest first, bounded. The search matches the text, the topic and the group,
 * case-insensitively, with every word required ("orders rebalance" finds both).
 */
export function filterTimeline(events: readonly TimelineEvent[], filter: TimelineFilter, limit = 200): TimelineEvent[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const shown: TimelineEvent[] = [];
  for (let i = events.length - 1; i >= 0 && shown.length < limit; i--) {
    const event = events[i]!;
    if (filter.hidden.has(event.kind)) continue;
    if (words.length) {
      const haystack = `${event.kind} ${event.text} ${event.topic ?? ''} ${event.groupId ?? ''}`.toLowerCase();
      if (!words.every((word) => haystack.includes(word))) continue;
    }
    shown.push(event);
  }
  return shown;
}

export function countByKind(events: readonly TimelineEvent[]): Record<TimelineKind, number> {
  const counts = Object.fromEntries(TIMELINE_KINDS.map((kind) => [kind, 0])) as Record<TimelineKind, number>;
  for (const event of events) counts[event.kind]++;
  return counts;
}

/** "just now", "3 s ago", "4 min ago", "2 h ago"; a clock a little ahead never shows "in the future". */
export function relativeTime(at: number, now: number): string {
  const seconds = Math.floor((now - at) / 1000);
  if (seconds < 2) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}
