import type { GroupView, RebalanceView } from '@lanes/events';
import { isRebalancing, phaseOf, summarizeRebalance, type RebalancePhase } from './rebalance-summary';

const PHASES: readonly RebalancePhase[] = ['joining', 'syncing', 'stable'];

/**
 * "generation 4 · joining → syncing → stable · 123 ms", with the current phase marked, and what the
 * last rebalance moved ("c1 lost P2, gained P4").
 */
export function RebalanceStrip({ group, rebalance, multiTopic }: { group: GroupView; rebalance: RebalanceView | undefined; multiTopic: boolean }) {
  const phase = phaseOf(group.state);
  const rebalancing = isRebalancing(group.state);
  const lines = rebalance ? summarizeRebalance(rebalance, group.members, multiTopic) : [];
  const shown = lines.slice(0, 6);

  return (
    <div className={`rebalance-strip${rebalancing ? ' is-rebalancing' : ''}`} aria-live="polite">
      <p className="phase-line">
        <span>generation {group.generation}</span>
        <span aria-hidden="true">·</span>
        {PHASES.includes(phase) ? (
          <span className="phases" aria-label={`phase: ${phase}`}>
            {PHASES.map((name, index) => (
              <span key={name}>
                {index > 0 && <span aria-hidden="true" className="arrow"> → </span>}
                <span className={name === phase ? 'phase current' : 'phase'}>{name}</span>
              </span>
            ))}
          </span>
        ) : (
          <span className="phase current">{phase === 'unknown' ? group.state : phase}</span>
        )}
        {rebalance && !rebalancing && (
          <>
            <span aria-hidden="true">·</span>
            <span title="How long the last rebalance took, from the first member rejoining to the last one assigned">{rebalance.durationMs} ms</span>
          </>
        )}
      </p>
      {rebalancing && <p className="rebalance-note">Eager rebalance: every member has given up all its partitions; nobody reads until the new assignment arrives.</p>}
      {rebalance && !rebalancing && shown.length > 0 && (
        <details className="rebalance-changes" open>
          <summary>
            Generation {rebalance.generation}: {rebalance.reason}
          </summary>
          <ul>
            {shown.map((line) => (
              <li key={line}>{line}</li>
            ))}
            {lines.length > shown.length && <li className="muted">and {lines.length - shown.length} more</li>}
          </ul>
        </details>
      )}
    </div>
  );
}
