import { useId } from 'react';
import { SPEEDS, useView, viewStore } from '../state/view-store';
import { runShortcut, shortcutHint } from './keyboard-shortcuts';
import { formatSpeed } from './playback';

/** Slow motion, pause and step: for explaining one record at a time in front of a class. */
export function PlaybackControls() {
  const id = useId();
  const speed = useView((v) => v.speed);
  const paused = useView((v) => v.paused);
  return (
    <div className="bar-group" role="group" aria-label="Playback">
      <label htmlFor={id} className="bar-label">
        Speed
      </label>
      <select id={id} value={speed} title={`Animation speed${shortcutHint('slower')} slower,${shortcutHint('faster')} faster`} onChange={(event) => viewStore.setState({ speed: Number(event.target.value) })}>
        {SPEEDS.map((value) => (
          <option key={value} value={value}>
            {formatSpeed(value)}
          </option>
        ))}
      </select>
      <button type="button" className="pause-button" title={`${paused ? 'Resume' : 'Pause'} the animation${shortcutHint('pause')}`} onClick={() => runShortcut('pause')}>
        <span aria-hidden="true">{paused ? '▶' : '❚❚'}</span> {paused ? 'Resume' : 'Pause'}
      </button>
      <button
        type="button"
        aria-disabled={paused ? undefined : true}
        title={paused ? `Land the next record${shortcutHint('step')}` : 'Step works while paused: pause first.'}
        onClick={() => runShortcut('step')}
      >
        Step
      </button>
    </div>
  );
}
