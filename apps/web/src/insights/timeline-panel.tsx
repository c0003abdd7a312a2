import { useId, useMemo, useState } from 'react';
import type { DashboardState, TimelineKind } from '../state/dashboard-store';
import { TIMELINE_KINDS, countByKind, filterTimeline, relativeTime } from './timeline-filter';
import { useNow } from './use-now';
import { useThrottledDashboard } from './use-throttled-dashboard';

const selectTimeline = (state: DashboardState) => state.timeline;
/**
 * Rows rendered. Each refresh can replace all of them (a group committing after each message adds
 * hundreds of events a second), so this bounds the DOM work per refresh; search reaches the rest.
 */
const SHOWN = 60;
import './insights.css';

/** Everything that happened, newest first: produce, rebalances, commits, segment rolls, errors. */
export function TimelinePanel() {
  const id = useId();
  const events = useThrottledDashboard(selectTimeline, 250);
  const [hidden, setHidden] = useState<ReadonlySet<TimelineKind>>(() => new Set());
  const [text, setText] = useState('');
  const now = useNow(1000);
  const shown = useMemo(() => filterTimeline(events, { hidden, text }, SHOWN), [events, hidden, text]);
  const counts = useMemo(() => countByKind(events), [events]);

  const toggle = (kind: TimelineKind) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <section className="panel timeline-panel" aria-labelledby={`${id}-title`}>
      <div className="timeline-head">
        <h2 id={`${id}-title`}>Timeline</h2>
        <label htmlFor={`${id}-search`} className="visually-hidden">Search the timeline</label>
        <input id={`${id}-search`} type="search" placeholder="Search…" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      </div>
      <div className="kind-chips" role="group" aria-label="Show kinds">
        {TIMELINE_KINDS.map((kind) => (
          <button key={kind} type="button" aria-pressed={!hidden.has(kind)} className={`chip-toggle kind-${kind}${hidden.has(kind) ? '' : ' on'}`} onClick={() => toggle(kind)}>
            {kind} <span className="chip-count">{counts[kind]}</span>
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="muted">{events.length === 0 ? 'Nothing since this page opened: produce a message or create a group.' : 'No event matches: turn a kind back on or clear the search.'}</p>
      ) : (
        <ol className="timeline-list">
          {shown.map((event) => (
            <li key={event.id} className={`timeline-item kind-${event.kind}`}>
              <span className="timeline-kind">{event.kind}</span>
              <span className="timeline-text">{event.text}</span>
              <time className="timeline-time muted" dateTime={new Date(event.at).toISOString()} title={new Date(event.at).toLocaleString()}>
                {relativeTime(event.at, now)}
              </time>
            </li>
          ))}
          {shown.length === SHOWN && <li className="timeline-more muted">Newest {SHOWN} shown: search or turn kinds off to reach older events.</li>}
        </ol>
      )}
    </section>
  );
}
