import type { LagView } from '@lanes/events';
import { partitionLabel, sortPartitions } from './rebalance-summary';

/** Lag = log end offset − committed offset, per partition (partitioning-facts.md, "Consumer offsets"). */
export function LagTable({ lag, multiTopic }: { lag: LagView[]; multiTopic: boolean }) {
  if (lag.length === 0) return null;
  const rows = sortPartitions(lag) as LagView[];
  const total = rows.reduce((sum, row) => sum + Math.max(0, row.lag), 0);
  const worst = Math.max(1, ...rows.map((row) => row.lag));

  return (
    <details className="lag" open={rows.length <= 12}>
      <summary>
        Lag: <strong>{total.toLocaleString()}</strong> record{total === 1 ? '' : 's'} behind
      </summary>
      <table className="lag-table">
        <thead>
          <tr>
            <th scope="col">Partition</th>
            <th scope="col" title="The offset the group will resume from after a restart">Committed</th>
            <th scope="col" title="The next offset a producer will write">Log end</th>
            <th scope="col">Lag</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.topic}-${row.partition}`}>
              <th scope="row">{partitionLabel(row, multiTopic)}</th>
              <td>{row.committed < 0 ? <span className="muted" title="Nothing committed yet: auto.offset.reset decides where reading starts">none</span> : row.committed.toLocaleString()}</td>
              <td>{row.logEndOffset.toLocaleString()}</td>
              <td className="lag-cell">
                <span className="lag-bar" style={{ width: `${(Math.max(0, row.lag) / worst) * 100}%` }} aria-hidden="true" />
                <span className="lag-number">{row.lag.toLocaleString()}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
