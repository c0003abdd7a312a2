import type { LoadGeneratorView } from '@lanes/events';
import { useCommand } from '../connection/gateway-context';
import { useDashboard } from '../state/dashboard-store';
import { achievedRate, distributionInfo, formatRate, visibleGenerators } from './load-settings';
import { profileLabel } from './profile-select';

/** The gateway's load generators (every browser sees the same list), each with its own Stop. */
export function LoadGeneratorList() {
  const generators = useDashboard((s) => s.loadGenerators);
  const canControl = useDashboard((s) => s.connection?.canControl ?? false);
  const stopAll = useCommand('loadgen:stop');
  const running = generators.filter((g) => g.running);
  if (generators.length === 0) return <p className="muted help">No load generator is running.</p>;
  return (
    <div className="load-list">
      <ul aria-label="Load generators">
        {visibleGenerators(generators).map((generator) => (
          <LoadGeneratorItem key={generator.id} generator={generator} canControl={canControl} />
        ))}
      </ul>
      {running.length > 1 && canControl && (
        <div>
          <button type="button" className="danger" disabled={stopAll.pending} onClick={() => void stopAll.run({})}>
            Stop all {running.length}
          </button>
          {stopAll.error && <p className="field-error">{stopAll.error.message}</p>}
        </div>
      )}
    </div>
  );
}

function LoadGeneratorItem({ generator, canControl }: { generator: LoadGeneratorView; canControl: boolean }) {
  const stop = useCommand('loadgen:stop');
  const clockSkewMs = useDashboard((s) => s.clockSkewMs);
  // Re-rendered on every loadgen:state (about once a second while running), which is when `produced` changes.
  const rate = achievedRate(generator.produced, generator.startedAt, Date.now() + clockSkewMs);
  const distribution = distributionInfo(generator.distribution)?.label ?? generator.distribution;
  return (
    <li className={generator.running ? 'load-item running' : 'load-item'}>
      <div className="load-item-head">
        <strong>
          {formatRate(generator.ratePerSecond)} · {distribution}
        </strong>
        <span className="muted"> on {generator.topic}</span>
        {generator.running && canControl && (
          <button type="button" className="danger small" disabled={stop.pending} onClick={() => void stop.run({ id: generator.id })} aria-label={`Stop the ${distribution} generator on ${generator.topic}`}>
            Stop
          </button>
        )}
      </div>
      <p className="muted help">
        {generator.produced.toLocaleString('en-US')} sent
        {generator.running ? ` · achieved ${formatRate(rate)}` : ' · stopped'} · {profileLabel(generator.profile)}
      </p>
      {generator.error && <p className="field-error">{generator.error}</p>}
      {stop.error && <p className="field-error">{stop.error.message}</p>}
    </li>
  );
}
