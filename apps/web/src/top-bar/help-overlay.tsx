import { useView, viewStore } from '../state/view-store';
import { Dialog } from './dialog';
import { SHORTCUTS, type Shortcut } from './keyboard-shortcuts';

const GROUPS: readonly Shortcut['group'][] = ['Playback', 'View', 'Actions'];

/** Lists the keyboard shortcuts from the one table in keyboard-shortcuts.ts; Escape or "?" closes it. */
export function HelpOverlay() {
  const open = useView((v) => v.helpOpen);
  return (
    <Dialog open={open} onClose={() => viewStore.setState({ helpOpen: false })} title="Keyboard shortcuts" kind="help">
      <div className="help-groups">
        {GROUPS.map((group) => (
          <table key={group} className="shortcut-table">
            <caption>{group}</caption>
            <tbody>
              {SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
                <tr key={shortcut.action}>
                  <th scope="row">
                    <kbd>{shortcut.label}</kbd>
                  </th>
                  <td>{shortcut.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <p className="hint muted">
        Shortcuts wait while you type in a text box. The address bar keeps the topic, speed, panels, theme and presenter mode: bookmark it or share it with the class.
      </p>
    </Dialog>
  );
}
