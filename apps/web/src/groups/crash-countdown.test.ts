import { describe, expect, it } from 'vitest';
import { crashCountdownText, formatCountdown, remainingMs } from './crash-countdown';

describe('crash countdown', () => {
  it('puts the gateway deadline on the browser clock using the skew', () => {
    // The gateway's clock is 2 s ahead of the browser's: 10 s after the browser's "0" it is 12 s there.
    expect(remainingMs(20_000, 10_000, 2_000)).toBe(8_000);
    expect(remainingMs(20_000, 10_000, -2_000)).toBe(12_000);
  });

  it('never counts below zero', () => {
    expect(remainingMs(1_000, 5_000, 0)).toBe(0);
  });

  it('shows tenths under ten seconds, rounding up so it never shows 0 before the end', () => {
    expect(formatCountdown(7_210)).toBe('7.3 s');
    expect(formatCountdown(40)).toBe('0.1 s');
    expect(formatCountdown(9_999)).toBe('10.0 s');
    expect(formatCountdown(0)).toBe('0 s');
  });

  it('shows whole seconds, then minutes', () => {
    expect(formatCountdown(45_100)).toBe('46 s');
    expect(formatCountdown(65_000)).toBe('1 min 05 s');
    expect(formatCountdown(300_000)).toBe('5 min 00 s');
  });

  it('explains what the group is waiting for', () => {
    expect(crashCountdownText(15_000, 10_000, 0, 10_000)).toBe('Crashed: the broker expires it in 5.0 s (session timeout 10 s); until then its partitions are not read.');
    expect(crashCountdownText(5_000, 10_000, 0, 10_000)).toContain('session timeout reached');
    expect(crashCountdownText(undefined, 10_000, 0)).toContain('waits for its session timeout');
  });

  it('never shows more time left than the session timeout, however the skew was misjudged', () => {
    // Crashed at 10 s with a 6 s timeout; the skew came out 200 ms short (the snapshot's transit).
    expect(crashCountdownText(16_000, 10_000, -200, 6_000)).toBe('Crashed: the broker expires it in 6.0 s (session timeout 6.0 s); until then its partitions are not read.');
  });
});
