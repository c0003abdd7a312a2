import { describe, expect, it } from 'vitest';
import type { ViewState } from '../state/view-store';
import { SHORTCUTS, isTypingTarget, shortcutForKey, viewChangeFor, type KeyPress } from './keyboard-shortcuts';

const press = (key: string, target: unknown = { tagName: 'BODY' }, modifiers: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, target, ...modifiers });

const view: ViewState = {
  topic: 'orders',
  speed: 1,
  paused: false,
  stepRequests: 0,
  presenter: false,
  theme: 'light',
  panels: { producer: true, groups: true, insights: true, timeline: true },
  helpOpen: false,
  connectOpen: false,
};

describe('the shortcut table', () => {
  it('covers every shortcut the issue lists, each key once', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([' ', '.', '1', '2', '3', '4', '?', '[', ']', 'g', 'n', 'p', 't'].sort());
    for (const shortcut of SHORTCUTS) expect(shortcut.description.length).toBeGreaterThan(3);
  });
});

describe('which key does what', () => {
  it('maps keys to actions, letters in either case', () => {
    expect(shortcutForKey(press(' '), null)).toBe('pause');
    expect(shortcutForKey(press('?'), null)).toBe('help');
    expect(shortcutForKey(press('P'), null)).toBe('presenter');
    expect(shortcutForKey(press('3'), null)).toBe('toggle-insights');
    expect(shortcutForKey(press('x'), null)).toBeNull();
  });

  it('leaves keys alone while a person types', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) expect(shortcutForKey(press('p', { tagName }), null)).toBeNull();
    expect(shortcutForKey(press('t', { tagName: 'DIV', isContentEditable: true }), null)).toBeNull();
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
  });

  it('lets space press a focused button instead of pausing', () => {
    expect(shortcutForKey(press(' ', { tagName: 'BUTTON' }), null)).toBeNull();
    expect(shortcutForKey(press(' ', { tagName: 'DIV', getAttribute: () => 'tab' }), null)).toBeNull();
    expect(shortcutForKey(press('p', { tagName: 'BUTTON' }), null)).toBe('presenter');
  });

  it('leaves browser shortcuts such as Ctrl+T alone', () => {
    expect(shortcutForKey(press('t', undefined, { ctrlKey: true }), null)).toBeNull();
    expect(shortcutForKey(press('n', undefined, { metaKey: true }), null)).toBeNull();
  });

  it('lets an open dialog own the keyboard, except "?" to close the help', () => {
    expect(shortcutForKey(press('n'), 'other')).toBeNull();
    expect(shortcutForKey(press('?'), 'other')).toBeNull();
    expect(shortcutForKey(press('?'), 'help')).toBe('help');
    expect(shortcutForKey(press(' '), 'help')).toBeNull();
  });
});

describe('what each shortcut changes', () => {
  it('pauses and resumes', () => {
    expect(viewChangeFor('pause', view)).toEqual({ paused: true });
    expect(viewChangeFor('pause', { ...view, paused: true })).toEqual({ paused: false });
  });

  it('steps only while paused', () => {
    expect(viewChangeFor('step', view)).toBeNull();
    expect(viewChangeFor('step', { ...view, paused: true, stepRequests: 4 })).toEqual({ stepRequests: 5 });
  });

  it('changes speed one step at a time and stops at the ends', () => {
    expect(viewChangeFor('slower', view)).toEqual({ speed: 0.5 });
    expect(viewChangeFor('faster', view)).toEqual({ speed: 1.5 });
    expect(viewChangeFor('faster', { ...view, speed: 2 })).toBeNull();
  });

  it('toggles presenter mode, theme, help and each panel', () => {
    expect(viewChangeFor('presenter', view)).toEqual({ presenter: true });
    expect(viewChangeFor('theme', view)).toEqual({ theme: 'dark' });
    expect(viewChangeFor('help', view)).toEqual({ helpOpen: true });
    expect(viewChangeFor('toggle-groups', view)).toEqual({ panels: { producer: true, groups: false, insights: true, timeline: true } });
    expect(viewChangeFor('toggle-timeline', { ...view, panels: { ...view.panels, timeline: false } })?.panels?.timeline).toBe(true);
  });

  it('leaves the view alone for actions that open a form or move focus', () => {
    expect(viewChangeFor('new-topic', view)).toBeNull();
    expect(viewChangeFor('focus-producer', view)).toBeNull();
  });
});
