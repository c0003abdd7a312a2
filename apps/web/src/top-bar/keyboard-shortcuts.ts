import { useEffect } from 'react';
import { dashboardStore } from '../state/dashboard-store';
import { viewStore, type PanelId, type ViewState } from '../state/view-store';
import { controlGate } from './connection-words';
import { nextSpeed } from './playback';
import { openTopicDialog } from './top-bar-dialogs';

/**
 * The dashboard's keyboard shortcuts, in one table: the help overlay renders it and the key
 * handler reads it, so the two cannot disagree.
 */

export type ShortcutAction =
  | 'help'
  | 'pause'
  | 'step'
  | 'slower'
  | 'faster'
  | 'presenter'
  | 'theme'
  | 'new-topic'
  | 'toggle-producer'
  | 'toggle-groups'
  | 'toggle-insights'
  | 'toggle-timeline'
  | 'focus-producer';

export interface Shortcut {
  action: ShortcutAction;
  /** KeyboardEvent.key values (letters match either case). */
  keys: readonly string[];
  /** How the help overlay writes the key. */
  label: string;
  description: string;
  group: 'Playback' | 'View' | 'Actions';
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'pause', keys: [' '], label: 'Space', description: 'Pause or resume the animation', group: 'Playback' },
  { action: 'step', keys: ['.'], label: '.', description: 'Step: land the next record (while paused)', group: 'Playback' },
  { action: 'slower', keys: ['['], label: '[', description: 'Slower (down to 0.25×)', group: 'Playback' },
  { action: 'faster', keys: [']'], label: ']', description: 'Faster (up to 2×)', group: 'Playback' },
  { action: 'presenter', keys: ['p'], label: 'P', description: 'Presenter mode: large type, high contrast', group: 'View' },
  { action: 'theme', keys: ['t'], label: 'T', description: 'Light or dark theme', group: 'View' },
  { action: 'toggle-producer', keys: ['1'], label: '1', description: 'Show or hide the producer panel', group: 'View' },
  { action: 'toggle-groups', keys: ['2'], label: '2', description: 'Show or hide the consumer groups panel', group: 'View' },
  { action: 'toggle-insights', keys: ['3'], label: '3', description: 'Show or hide the insights panel', group: 'View' },
  { action: 'toggle-timeline', keys: ['4'], label: '4', description: 'Show or hide the event timeline', group: 'View' },
  { action: 'help', keys: ['?'], label: '?', description: 'Show or hide this help', group: 'View' },
  { action: 'new-topic', keys: ['n'], label: 'N', description: 'New topic', group: 'Actions' },
  { action: 'focus-producer', keys: ['g'], label: 'G', description: 'Go to the producer text box', group: 'Actions' },
];

/** The parts of a KeyboardEvent the dispatcher looks at (a plain object in tests). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: unknown;
}

/** Which dialog is open: with help open only "?" (to close it) works; other dialogs own the keyboard. */
export type OpenDialog = 'help' | 'other' | null;

interface ElementLike {
  tagName?: string;
  isContentEditable?: boolean;
  getAttribute?: (name: string) => string | null;
}

function asElement(target: unknown): ElementLike | null {
  return typeof target === 'object' && target !== null ? (target as ElementLike) : null;
}

/** True while a person types into something: shortcuts must not eat their letters. */
export function isTypingTarget(target: unknown): boolean {
  const element = asElement(target);
  if (!element) return false;
  const tag = element.tagName?.toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || element.isContentEditable === true;
}

/** Space on a focused button or link presses it; the pause shortcut must not fire as well. */
function spaceBelongsToTarget(target: unknown): boolean {
  const element = asElement(target);
  const tag = element?.tagName?.toUpperCase();
  const role = element?.getAttribute?.('role');
  return tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || role === 'button' || role === 'tab' || role === 'switch' || role === 'checkbox';
}

export function shortcutForKey(press: KeyPress, openDialog: OpenDialog): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (isTypingTarget(press.target)) return null;
  if (press.key === ' ' && spaceBelongsToTarget(press.target)) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  const shortcut = SHORTCUTS.find((candidate) => candidate.keys.includes(key));
  if (!shortcut) return null;
  if (openDialog === 'other') return null;
  if (openDialog === 'help' && shortcut.action !== 'help') return null;
  return shortcut.action;
}

const PANEL_FOR_ACTION: Partial<Record<ShortcutAction, PanelId>> = {
  'toggle-producer': 'producer',
  'toggle-groups': 'groups',
  'toggle-insights': 'insights',
  'toggle-timeline': 'timeline',
};

/**
 * What a shortcut changes in the view, or null when it changes nothing there (step while running,
 * and the actions that open a dialog or move focus).
 */
export function viewChangeFor(action: ShortcutAction, view: ViewState): Partial<ViewState> | null {
  const panel = PANEL_FOR_ACTION[action];
  if (panel) return { panels: { ...view.panels, [panel]: !view.panels[panel] } };
  switch (action) {
    case 'help':
      return { helpOpen: !view.helpOpen };
    case 'pause':
      return { paused: !view.paused };
    case 'step':
      return view.paused ? { stepRequests: view.stepRequests + 1 } : null;
    case 'slower':
    case 'faster': {
      const speed = nextSpeed(view.speed, action);
      return speed === view.speed ? null : { speed };
    }
    case 'presenter':
      return { presenter: !view.presenter };
    case 'theme':
      return { theme: view.theme === 'dark' ? 'light' : 'dark' };
    default:
      return null;
  }
}

/** The producer panel's text box, for "g" (its id, or a data attribute if that ever changes). */
export const PRODUCER_INPUT_SELECTOR = '#producer-text, [data-shortcut-target="producer-input"], .side-left textarea';

function focusProducerInput(): void {
  if (!viewStore.getState().panels.producer) viewStore.setState((view) => ({ panels: { ...view.panels, producer: true } }));
  // The panel may only now be rendering: look for its text box on the next frames.
  let tries = 0;
  const attempt = () => {
    const input = document.querySelector<HTMLElement>(PRODUCER_INPUT_SELECTOR);
    if (input) input.focus();
    else if (++tries < 10) requestAnimationFrame(attempt);
  };
  attempt();
}

export function runShortcut(action: ShortcutAction): void {
  if (action === 'new-topic') {
    const { link, connection } = dashboardStore.getState();
    if (controlGate(link, connection).allowed) openTopicDialog('new-topic');
    return;
  }
  if (action === 'focus-producer') {
    focusProducerInput();
    return;
  }
  const change = viewChangeFor(action, viewStore.getState());
  if (change) viewStore.setState(change);
}

function openDialog(): OpenDialog {
  const open = document.querySelector('dialog[open]');
  if (!open) return null;
  return open.getAttribute('data-dialog') === 'help' ? 'help' : 'other';
}

/** Listens for the shortcuts on the whole page while the app is mounted. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = shortcutForKey(event, openDialog());
      if (!action) return;
      event.preventDefault();
      runShortcut(action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** " (P)": the key for an action, for a control's tooltip. */
export function shortcutHint(action: ShortcutAction): string {
  const shortcut = SHORTCUTS.find((candidate) => candidate.action === action);
  return shortcut ? ` (${shortcut.label})` : '';
}
