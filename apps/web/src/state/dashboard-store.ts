import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ConnectionView, DeliveryAnomaly, GroupView, LoadGeneratorView, OrderingViolation, RebalanceView, TopicView } from '@lanes/events';

export type TimelineKind = 'produce' | 'rebalance' | 'commit' | 'segment' | 'topic' | 'consumer' | 'error' | 'notice';

export interface TimelineEvent {
  id: number;
  at: number;
  kind: TimelineKind;
  text: string;
  topic?: string;
  groupId?: string;
}

export type LinkStatus = 'connecting' | 'open' | 'lost';

/** State that changes at human speed. High-rate records live in lanes/record-stream.ts instead. */
export interface DashboardState {
  /** The browser's link to the gateway. */
  link: LinkStatus;
  /** The gateway's link to Kafka, and whether this browser may change things. */
  connection: ConnectionView | null;
  topics: TopicView[];
  groups: Record<string, GroupView>;
  rebalances: RebalanceView[];
  timeline: TimelineEvent[];
  orderingViolations: OrderingViolation[];
  anomalies: DeliveryAnomaly[];
  loadGenerators: LoadGeneratorView[];
  /** Gateway clock minus browser clock, from the last snapshot: for countdowns. */
  clockSkewMs: number;
}

const TIMELINE_LIMIT = 500;
const LIST_LIMIT = 200;

export const dashboardStore = createStore<DashboardState>(() => ({
  link: 'connecting',
  connection: null,
  topics: [],
  groups: {},
  rebalances: [],
  timeline: [],
  orderingViolations: [],
  anomalies: [],
  loadGenerators: [],
  clockSkewMs: 0,
}));

/** React hook selecting one slice; components re-render only when that slice changes. */
export function useDashboard<T>(selector: (state: DashboardState) => T): T {
  return useStore(dashboardStore, selector);
}

let nextTimelineId = 1;

export function addTimeline(event: Omit<TimelineEvent, 'id' | 'at'> & { at?: number }): void {
  const entry: TimelineEvent = { id: nextTimelineId++, at: event.at ?? Date.now(), ...event };
  dashboardStore.setState((state) => ({ timeline: [...state.timeline.slice(-(TIMELINE_LIMIT - 1)), entry] }));
}

export function bounded<T>(list: T[], item: T, limit = LIST_LIMIT): T[] {
  return [...list.slice(-(limit - 1)), item];
}
