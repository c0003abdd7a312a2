import { useEffect, useId, useRef, useState } from 'react';
import { useView, type PanelId } from '../state/view-store';
import { runShortcut, shortcutHint, type ShortcutAction } from './keyboard-shortcuts';

const PANELS: readonly { id: PanelId; label: string; action: ShortcutAction }[] = [
  { id: 'producer', label: 'Producer', action: 'toggle-producer' },
  { id: 'groups', label: 'Consumer groups', action: 'toggle-groups' },
  { id: 'insights', label: 'Insights', action: 'toggle-insights' },
  { id: 'timeline', label: 'Timeline', action: 'toggle-timeline' },
];

/**
 * Which panels show, as a small menu of checkboxes (keys 1-4 toggle them too): the top bar keeps
 * its room for what a class looks at.
 */
export function PanelMenu() {
  const id = useId();
  const panels = useView((v) => v.panels);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const shown = PANELS.filter((panel) => panels[panel.id]).length;

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      root.current?.querySelector<HTMLButtonElement>('button')?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="panel-menu" ref={root}>
      <button type="button" aria-expanded={open} aria-controls={`${id}-menu`} onClick={() => setOpen(!open)} title="Show or hide panels (1-4)">
        Panels {shown}/{PANELS.length} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <fieldset id={`${id}-menu`} className="panel-menu-popover">
          <legend className="visually-hidden-legend">Panels to show</legend>
          {PANELS.map((panel) => (
            <label key={panel.id}>
              <input type="checkbox" checked={panels[panel.id]} onChange={() => runShortcut(panel.action)} />
              <span>{panel.label}</span>
              <kbd>{shortcutHint(panel.action).replace(/[ ()]/g, '')}</kbd>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
