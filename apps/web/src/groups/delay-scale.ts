/**
 * The processing-delay slider moves through steps rather than milliseconds: the interesting delays
 * for a demo span 0 to 10 s, and a linear 0-10,000 slider makes 0-200 ms (where most of the
 * difference shows) impossible to hit.
 */
export const DELAY_STEPS_MS = [0, 10, 25, 50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10_000] as const;

export function delayAtStep(step: number): number {
  const index = Math.min(DELAY_STEPS_MS.length - 1, Math.max(0, Math.round(step)));
  return DELAY_STEPS_MS[index]!;
}

/** The step nearest a delay (a delay set elsewhere may fall between steps). */
export function stepForDelay(delayMs: number): number {
  let best = 0;
  for (let i = 1; i < DELAY_STEPS_MS.length; i++) {
    if (Math.abs(DELAY_STEPS_MS[i]! - delayMs) < Math.abs(DELAY_STEPS_MS[best]! - delayMs)) best = i;
  }
  return best;
}

export function formatDelay(delayMs: number): string {
  if (delayMs === 0) return 'no delay';
  return delayMs < 1000 ? `${delayMs} ms` : `${delayMs / 1000} s`;
}
