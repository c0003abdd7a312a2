import { useMemo } from 'react';
import type { OrderingViolation } from '@lanes/events';
import { keyColor } from '../lanes/key-colors';
import type { DashboardState } from '../state/dashboard-store';
import { useView } from '../state/view-store';
import { clockTime, violationStory } from './ordering-text';
import { useThrottledDashboard } from './use-throttled-dashboard';

const SHOWN = 30;
const selectViolations = (state: DashboardState) => state.orderingViolations;

/** Records of one key processed in a different order than they were produced, with both records shown. */
export function OrderingViolations() {
  const violations = useThrottledDashboard(selectViolations, 500);
  const theme = useView((v) => v.theme);
  const newest = useMemo(() => violations.slice(-SHOWN).reverse(), [violations]);

  if (newest.length === 0) {
    return (
      <p className="muted">
        No key has been processed out of order. Per-key order holds while each key stays in one partition; add partitions or send a key to an explicit
        partition while a group reads, and watch this list.
      </p>
    );
  }

  return (
    <div className="violations">
      <p className="small">
        {violations.length} violation{violations.length === 1 ? '' : 's'}
        {violations.length > SHOWN ? ` (newest ${SHOWN} shown)` : ''}: a key's later record was processed before its earlier one.
      </p>
      <ol>
        {newest.map((violation, index) => (
          <ViolationItem key={`${violations.length - index}`} violation={violation} color={keyColor(violation.key, theme)} />
        ))}
      </ol>
    </div>
  );
}

function ViolationItem({ violation, color }: { violation: OrderingViolation; color: string }) {
  const story = violationStory(violation);
  return (
    <li className="violation">
      <div>
        <span className="key-swatch" style={{ background: color }} aria-hidden="true" />
        key <strong className="key-text">{violation.key}</strong> <span className="muted">in group {violation.groupId}</span>
      </div>
      {story ? (
        <>
          <table className="violation-records">
            <tbody>
              <tr>
                <th scope="row">produced first</th>
                <td>P{story.overtaken.partition} @ {story.overtaken.offset}</td>
                <td className="muted">{clockTime(story.overtaken.producedAt)}</td>
                <td>processed second by {story.overtaken.consumerId}</td>
              </tr>
              <tr>
                <th scope="row">produced later</th>
                <td>P{story.overtaker.partition} @ {story.overtaker.offset}</td>
                <td className="muted">{clockTime(story.overtaker.producedAt)}</td>
                <td>processed first by {story.overtaker.consumerId}</td>
              </tr>
            </tbody>
          </table>
          <p className="muted small">{story.why}</p>
        </>
      ) : (
        <p className="muted small">The gateway did not say which records.</p>
      )}
    </li>
  );
}
