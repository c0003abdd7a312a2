import { useEffect, useState } from 'react';
import { useView } from '../state/view-store';
import { groupColor } from './canvas-theme';
import { keyColor } from './key-colors';
import { useLanesUi } from './lanes-ui-store';
import { recordStream } from './record-stream';

const KEYS_SHOWN = 8;

/** What the marks on the lanes mean: key colours, group markers, deleted offsets, segments, log end. */
export function LanesLegend({ topic }: { topic: string }) {
  const theme = useView((v) => v.theme);
  const paused = useView((v) => v.paused);
  const groups = useLanesUi((ui) => ui.markerGroups);
  const hiddenGroups = useLanesUi((ui) => ui.hiddenGroups);
  const busyLanes = useLanesUi((ui) => ui.aggregateLanes);
  const keys = useTopKeys(topic);
  return (
    <div className="lanes-legend" aria-label="Legend">
      <ul className="legend-keys" aria-label="Key colours">
        {keys.map((key) => (
          <li key={key}>
            <span className="swatch" style={{ background: keyColor(key, theme) }} aria-hidden="true" />
            {key}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: keyColor(null, theme) }} aria-hidden="true" />
          no key
        </li>
      </ul>
      <ul className="legend-marks">
        <li>
          <span className="mark mark-end" aria-hidden="true" /> log end
        </li>
        <li>
          <span className="mark mark-segment" aria-hidden="true" /> segment boundary
        </li>
        <li>
          <span className="swatch swatch-deleted" aria-hidden="true" /> deleted by retention
        </li>
        {groups.length > 0 ? (
          <li>
            <span className="mark mark-flag" aria-hidden="true">⚑</span> committed · <span aria-hidden="true">▲</span> position · bar = lag
          </li>
        ) : null}
        {groups.map((group, row) => (
          <li key={group}>
            <span className="swatch" style={{ background: groupColor(row, theme) }} aria-hidden="true" />
            group {group}
          </li>
        ))}
        {hiddenGroups > 0 ? <li className="muted">+{hiddenGroups} more groups not drawn</li> : null}
      </ul>
      {busyLanes > 0 ? (
        <p className="legend-note muted">
          {busyLanes} busy lane{busyLanes === 1 ? '' : 's'}: too fast to follow one by one, so {busyLanes === 1 ? 'it shows' : 'they show'} the rate and heat instead.
        </p>
      ) : null}
      {paused ? <p className="legend-note">Paused: new records wait; use Step to land them one at a time.</p> : null}
    </div>
  );
}

/** The most frequent keys of the topic, refreshed once a second (the legend is read, not watched). */
function useTopKeys(topic: string): string[] {
  const [keys, setKeys] = useState<string[]>([]);
  useEffect(() => {
    const refresh = () => {
      const next = recordStream.keyTable(topic, KEYS_SHOWN).map((row) => row.key);
      setKeys((previous) => (previous.join('\u0000') === next.join('\u0000') ? previous : next));
    };
    refresh();
    const timer = window.setInterval(refresh, 1000);
    return () => window.clearInterval(timer);
  }, [topic]);
  return keys;
}
