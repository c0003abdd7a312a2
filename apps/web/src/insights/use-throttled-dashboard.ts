import { useEffect, useState } from 'react';
import { dashboardStore, type DashboardState } from '../state/dashboard-store';

/**
 * Like useDashboard, but re-renders at most once per `intervalMs`. The timeline grows by an event per
 * commit, and a group committing after each message at a few thousand records a second would
 * otherwise re-render the panel as often: a person reads it a few times a second at best.
 */
export function useThrottledDashboard<T>(selector: (state: DashboardState) => T, intervalMs: number): T {
  const [value, setValue] = useState(() => selector(dashboardStore.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const flush = () => {
      timer = null;
      last = Date.now();
      setValue(() => selector(dashboardStore.getState()));
    };
    flush();
    const unsubscribe = dashboardStore.subscribe(() => {
      if (timer) return;
      timer = setTimeout(flush, Math.max(0, last + intervalMs - Date.now()));
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
    // The selector is expected to be stable (a module-level function); only the rate matters here.
  }, [intervalMs]);
  return value;
}
