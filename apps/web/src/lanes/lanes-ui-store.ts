import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { RecordView } from '@lanes/events';
import type { LanesLayout } from './layout';

/** What the pointer is over, in words the tooltip can show. */
export type LaneHover =
  | { kind: 'record'; record: RecordView }
  | { kind: 'unknown'; partition: number; offset: number }
  | { kind: 'deleted'; partition: number; offset: number; logStartOffset: number }
  | { kind: 'compressed'; partition: number; fromOffset: number; toOffset: number; logStartOffset: number };

export interface LanesUiState {
  /** Current lane geometry (changes at human speed: resize, partitions, groups, presenter). */
  layout: LanesLayout | null;
  hover: (LaneHover & { left: number; top: number }) | null;
  /** Groups drawn as marker rows, in row order, and how many more read the topic. */
  markerGroups: string[];
  hiddenGroups: number;
  /** Lanes currently drawn as aggregates (rate, offset bar, heat). */
  aggregateLanes: number;
}

/** Human-speed state the lanes canvas shares with the React frame around it. */
export const lanesUiStore = createStore<LanesUiState>(() => ({ layout: null, hover: null, markerGroups: [], hiddenGroups: 0, aggregateLanes: 0 }));

export function useLanesUi<T>(selector: (state: LanesUiState) => T): T {
  return useStore(lanesUiStore, selector);
}
