import type { Theme } from '../state/view-store';
import { keyColor } from './key-colors';

/**
 * Colours and fonts the canvases use, read once from the page's CSS variables (app.css) whenever
 * the theme or presenter mode changes, so canvas and DOM always agree.
 */
export interface CanvasTheme {
  theme: Theme;
  laneBg: string;
  laneAlt: string;
  text: string;
  muted: string;
  border: string;
  surface2: string;
  accent: string;
  danger: string;
  warning: string;
  font: string;
  /** Marker colours per group row; shapes and labels tell groups apart too. */
  groupColors: readonly string[];
  /** Heat tint for busy lanes: rgba with alpha filled in per lane. */
  heat: (alpha: number) => string;
}

const GROUP_COLORS = { light: ['#1c2128', '#7b2d8b', '#0b6e6e'], dark: ['#f0f3f6', '#d2a8ff', '#5fd4c4'] } as const;

/** The marker colour of a group's row (the legend uses it too). */
export function groupColor(row: number, theme: Theme): string {
  const colors = GROUP_COLORS[theme];
  return colors[row % colors.length]!;
}

export function readCanvasTheme(theme: Theme, element: Element = document.documentElement): CanvasTheme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const heatRgb = theme === 'dark' ? '255, 123, 114' : '213, 94, 0';
  return {
    theme,
    laneBg: read('--lane-bg', '#ffffff'),
    laneAlt: read('--lane-alt', '#f3f5f7'),
    text: read('--text', '#1c2128'),
    muted: read('--muted', '#5b6470'),
    border: read('--border', '#d0d4d9'),
    surface2: read('--surface-2', '#eef0f2'),
    accent: read('--accent', '#0a5fd1'),
    danger: read('--danger', '#b3261e'),
    warning: read('--warning', '#8a5a00'),
    font: read('--font', 'system-ui, sans-serif'),
    groupColors: GROUP_COLORS[theme],
    heat: (alpha) => `rgba(${heatRgb}, ${alpha.toFixed(3)})`,
  };
}

/** keyColor with a bounded cache: the static layer asks for thousands of cells per redraw. */
export class KeyColorCache {
  private readonly colors = new Map<string, string>();
  private theme: Theme = 'light';

  color(key: string | null, theme: Theme): string {
    if (theme !== this.theme) {
      this.colors.clear();
      this.theme = theme;
    }
    if (key === null) return keyColor(null, theme);
    let color = this.colors.get(key);
    if (color === undefined) {
      if (this.colors.size > 4096) this.colors.clear();
      color = keyColor(key, theme);
      this.colors.set(key, color);
    }
    return color;
  }
}

/** Sizes a canvas for crisp drawing at the device pixel ratio; drawing code then uses CSS pixels. */
export function sizeCanvas(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number, dpr: number): CanvasRenderingContext2D | null {
  const width = Math.max(1, Math.round(cssWidth * dpr));
  const height = Math.max(1, Math.round(cssHeight * dpr));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${cssHeight}px`;
  const context = canvas.getContext('2d');
  context?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return context;
}
