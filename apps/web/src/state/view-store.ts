import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export type Theme = 'light' | 'dark';
export type PanelId = 'producer' | 'groups' | 'insights' | 'timeline';

/**
 * How this person is looking at Lanes: kept in the URL (topic, speed, panels, presenter, theme) so
 * an instructor can share or bookmark a view, and restored from it on load.
 */
export interface ViewState {
  topic: string | null;
  /** Animation speed: 0.25 (slow motion) to 2. */
  speed: number;
  paused: boolean;
  /** Bumped by "step" while paused: the animation advances one landing. */
  stepRequests: number;
  presenter: boolean;
  theme: Theme;
  panels: Record<PanelId, boolean>;
  helpOpen: boolean;
  connectOpen: boolean;
}

const SPEEDS = [0.25, 0.5, 1, 1.5, 2] as const;

function fromUrl(): ViewState {
  const params = typeof window === 'undefined' ? new URLSearchParams() : new URLSearchParams(window.location.search);
  const speed = Number(params.get('speed'));
  const hidden = new Set((params.get('hide') ?? '').split(',').filter(Boolean));
  const prefersDark = typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches;
  return {
    topic: params.get('topic'),
    speed: (SPEEDS as readonly number[]).includes(speed) ? speed : 1,
    paused: false,
    stepRequests: 0,
    presenter: params.get('presenter') === '1',
    theme: params.get('theme') === 'dark' || (params.get('theme') !== 'light' && prefersDark) ? 'dark' : 'light',
    panels: { producer: !hidden.has('producer'), groups: !hidden.has('groups'), insights: !hidden.has('insights'), timeline: !hidden.has('timeline') },
    helpOpen: false,
    connectOpen: false,
  };
}

export const viewStore = createStore<ViewState>(fromUrl);

export function useView<T>(selector: (state: ViewState) => T): T {
  return useStore(viewStore, selector);
}

export { SPEEDS };

/** Writes the shareable parts of the view into the URL (without the presenter token). */
export function syncViewToUrl(): () => void {
  return viewStore.subscribe((view) => {
    const params = new URLSearchParams(window.location.search);
    const set = (name: string, value: string | null) => (value === null ? params.delete(name) : params.set(name, value));
    set('topic', view.topic);
    set('speed', view.speed === 1 ? null : String(view.speed));
    set('presenter', view.presenter ? '1' : null);
    set('theme', view.theme);
    const hidden = (Object.keys(view.panels) as PanelId[]).filter((panel) => !view.panels[panel]);
    set('hide', hidden.length ? hidden.join(',') : null);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
  });
}
