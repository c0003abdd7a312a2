import { describe, expect, it } from 'vitest';
import { formatSpeed, nextSpeed } from './playback';

describe('speed steps', () => {
  it('walks the fixed speeds in both directions', () => {
    expect(nextSpeed(1, 'slower')).toBe(0.5);
    expect(nextSpeed(0.5, 'slower')).toBe(0.25);
    expect(nextSpeed(1, 'faster')).toBe(1.5);
    expect(nextSpeed(1.5, 'faster')).toBe(2);
  });

  it('stops at slow motion and at double speed instead of wrapping', () => {
    expect(nextSpeed(0.25, 'slower')).toBe(0.25);
    expect(nextSpeed(2, 'faster')).toBe(2);
  });

  it('moves an in-between speed to its neighbour', () => {
    expect(nextSpeed(0.75, 'faster')).toBe(1);
    expect(nextSpeed(0.75, 'slower')).toBe(0.5);
    expect(nextSpeed(9, 'slower')).toBe(2);
  });

  it('labels speeds the way the menu shows them', () => {
    expect(formatSpeed(0.25)).toBe('0.25×');
    expect(formatSpeed(1)).toBe('1×');
  });
});
