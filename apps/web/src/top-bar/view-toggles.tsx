import { useView } from '../state/view-store';
import { runShortcut, shortcutHint } from './keyboard-shortcuts';
import { PanelMenu } from './panel-menu';

/** Which panels show, presenter mode and theme: all kept in the URL by the view store. */
export function ViewToggles() {
  const presenter = useView((v) => v.presenter);
  const theme = useView((v) => v.theme);
  return (
    <div className="bar-group" role="group" aria-label="Display">
      <PanelMenu />
      <button type="button" aria-pressed={presenter} title={`Presenter mode: large type and high contrast for a projector${shortcutHint('presenter')}`} onClick={() => runShortcut('presenter')}>
        Presenter
      </button>
      <button type="button" title={`Switch to the ${theme === 'dark' ? 'light' : 'dark'} theme${shortcutHint('theme')}`} onClick={() => runShortcut('theme')}>
        <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span> {theme === 'dark' ? 'Light' : 'Dark'}
      </button>
    </div>
  );
}
