import { useMemo } from 'react';
import type { DashboardState } from '../state/dashboard-store';
import { useThrottledDashboard } from '../insights/use-throttled-dashboard';
import { anomalyLesson, anomalyRange, recentAnomalies } from './delivery-lessons';
import { commitModeLabel, guaranteeOf } from './group-options';

const selectAnomalies = (state: DashboardState) => state.anomalies;

/** Duplicates and gaps this group's consumers actually saw, each tied to the commit mode that allows it. */
export function DeliveryLessons({ groupId, commitMode }: { groupId: string; commitMode: string | undefined }) {
  const anomalies = useThrottledDashboard(selectAnomalies, 500);
  const mine = useMemo(() => recentAnomalies(anomalies, groupId), [anomalies, groupId]);
  const guarantee = guaranteeOf(commitMode);
  const kinds = [...new Set(mine.map((anomaly) => anomaly.kind))];

  return (
    <section className="delivery-lessons" aria-label={`Delivery for ${groupId}`}>
      <h4>Delivery</h4>
      {commitMode && (
        <p className="muted">
          Commit {commitModeLabel(commitMode)}{guarantee !== 'unknown' && <>: <strong>{guarantee}</strong></>}. {mine.length === 0 && 'Crash a busy consumer to see what that means.'}
        </p>
      )}
      {mine.length > 0 && (
        <ul>
          {mine.map((anomaly, index) => (
            <li key={`${anomaly.partition}-${anomaly.fromOffset}-${index}`} className={`anomaly anomaly-${anomaly.kind}`}>
              <strong>{anomaly.kind === 'duplicate' ? 'Duplicate' : 'Gap'}</strong> {anomalyRange(anomaly)} <span className="muted">({anomaly.consumerId})</span>
            </li>
          ))}
        </ul>
      )}
      {kinds.map((kind) => (
        <p key={kind} className="lesson">{anomalyLesson(kind, commitMode)}</p>
      ))}
    </section>
  );
}
