import { useDashboard } from '../state/dashboard-store';
import { connectionSummary } from './connection-words';

/** Where Lanes is connected and whether it is live, always visible at the left of the top bar. */
export function ConnectionStatus() {
  const link = useDashboard((s) => s.link);
  const connection = useDashboard((s) => s.connection);
  const { where, state, tone } = connectionSummary(link, connection);
  const watching = connection !== null && !connection.canControl;
  return (
    <div className="connection-status" role="status" title={connection?.error ?? undefined}>
      <span className={`status-dot tone-${tone}`} aria-hidden="true" />
      <span className="status-where">{where}</span>
      <span className={`status-state tone-${tone}`}>{state}</span>
      {watching && <span className="status-watching">watching</span>}
    </div>
  );
}
