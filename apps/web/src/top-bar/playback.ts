import { SPEEDS } from '../state/view-store';

/**
 * Slow motion for the classroom: the animation runs at one of a few fixed speeds, so a shortcut
 * press always lands on a value the speed menu shows. A speed between steps (an old URL) moves to
 * its neighbour in the asked direction; the ends do not wrap.
 */
export function nextSpeed(current: number, direction: 'slower' | 'faster'): number {
  if (direction === 'faster') return SPEEDS.find((speed) => speed > current) ?? SPEEDS[SPEEDS.length - 1]!;
  return [...SPEEDS].reverse().find((speed) => speed < current) ?? SPEEDS[0];
}

/** "0.25×", "1×", "1.5×". */
export function formatSpeed(speed: number): string {
  return `${speed}×`;
}
