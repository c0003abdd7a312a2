import { describe, expect, it } from 'vitest';
import { DELAY_STEPS_MS, delayAtStep, formatDelay, stepForDelay } from './delay-scale';

describe('processing delay slider', () => {
  it('spans 0 to the gateway limit of 10,000 ms', () => {
    expect(delayAtStep(0)).toBe(0);
    expect(delayAtStep(DELAY_STEPS_MS.length - 1)).toBe(10_000);
    expect(delayAtStep(99)).toBe(10_000);
    expect(delayAtStep(-3)).toBe(0);
  });

  it('round-trips every step and snaps in-between delays to the nearest step', () => {
    DELAY_STEPS_MS.forEach((delay, step) => expect(stepForDelay(delay)).toBe(step));
    expect(delayAtStep(stepForDelay(260))).toBe(300);
    expect(delayAtStep(stepForDelay(9_000))).toBe(10_000);
  });

  it('reads as a person would say it', () => {
    expect(formatDelay(0)).toBe('no delay');
    expect(formatDelay(250)).toBe('250 ms');
    expect(formatDelay(1500)).toBe('1.5 s');
  });
});
