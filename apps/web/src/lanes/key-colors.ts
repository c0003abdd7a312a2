/**
 * Same key, same colour, everywhere on the page, so per-key order is visible at a glance.
 * Okabe & Ito's palette plus Paul Tol's muted scheme: distinguishable with the common forms of
 * colour blindness. With more keys than colours, colours repeat; the key text is always shown too.
 */
const PALETTE_LIGHT = ['#E69F00', '#56B4E9', '#009E73', '#D55E00', '#0072B2', '#CC79A7', '#F0E442', '#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#882255', '#AA4499'];
const PALETTE_DARK = ['#E69F00', '#56B4E9', '#2BC79A', '#FF7F3F', '#3A9BDC', '#E08CC0', '#F0E442', '#8F7FE0', '#88CCEE', '#44AA99', '#3DBE6A', '#C8C85A', '#D05A88', '#C978C0'];

/** Records without a key share one neutral colour: they have no order to keep. */
export const KEYLESS_COLOR = { light: '#9aa3ad', dark: '#6e7781' } as const;

export function keyColor(key: string | null, theme: 'light' | 'dark' = 'light'): string {
  if (key === null) return KEYLESS_COLOR[theme];
  const palette = theme === 'dark' ? PALETTE_DARK : PALETTE_LIGHT;
  return palette[hashString(key) % palette.length]!;
}

/** FNV-1a over UTF-16 code units: stable across sessions and browsers. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
