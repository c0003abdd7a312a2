import { keyDistributionSchema } from '@lanes/events';
import { describe, expect, it } from 'vitest';
import { visibleGenerators, achievedRate, DISTRIBUTIONS, formatRate, parseRate, prepareLoadStart, RATE_PRESETS, type LoadForm } from './load-settings';

const form = (overrides: Partial<LoadForm> = {}): LoadForm => ({
  topic: 'orders',
  rateText: '100',
  distribution: 'hot-key',
  keyCountText: '100',
  hotSharePercentText: '80',
  valueBytesText: '100',
  profile: 'kafkajs',
  ...overrides,
});

describe('rates', () => {
  it('offers presets inside the bounds the gateway enforces', () => {
    for (const preset of RATE_PRESETS) expect(parseRate(String(preset))).toEqual({ ok: true, rate: preset });
    expect(RATE_PRESETS.at(-1)).toBe(50_000);
  });

  it('reads the ways people type rates', () => {
    expect(parseRate('0.5')).toEqual({ ok: true, rate: 0.5 });
    expect(parseRate('5k')).toEqual({ ok: true, rate: 5000 });
    expect(parseRate('1,000/s')).toEqual({ ok: true, rate: 1000 });
    expect(parseRate('.1')).toEqual({ ok: true, rate: 0.1 });
  });

  it('refuses rates outside 0.1-50,000 per second, saying the bounds', () => {
    expect(parseRate('0.05')).toMatchObject({ ok: false, message: expect.stringContaining('from 0.1 to 50,000') });
    expect(parseRate('60k')).toMatchObject({ ok: false, message: expect.stringContaining('60k/s is outside') });
    expect(parseRate('fast')).toMatchObject({ ok: false, message: expect.stringContaining('such as 100 or 5k') });
  });

  it('formats rates compactly', () => {
    expect([0.1, 0.5, 1, 12.4, 100, 1000, 1500, 20_000, 50_000].map(formatRate)).toEqual(['0.1/s', '0.5/s', '1/s', '12/s', '100/s', '1k/s', '1.5k/s', '20k/s', '50k/s']);
  });

  it('computes the achieved rate by the gateway clock', () => {
    expect(achievedRate(500, 10_000, 15_000)).toBe(100);
    expect(achievedRate(3, 10_000, 10_100)).toBe(0);
  });
});

describe('prepareLoadStart', () => {
  it('builds the command, turning the hot share percentage into a fraction', () => {
    expect(prepareLoadStart(form())).toEqual({
      ok: true,
      command: { topic: 'orders', ratePerSecond: 100, distribution: 'hot-key', keyCount: 100, hotKeyShare: 0.8, valueBytes: 100, profile: 'kafkajs' },
    });
  });

  it('leaves out the fields a distribution does not use', () => {
    const keyless = prepareLoadStart(form({ distribution: 'keyless', keyCountText: 'ignored', hotSharePercentText: 'ignored' }));
    expect(keyless).toEqual({ ok: true, command: { topic: 'orders', ratePerSecond: 100, distribution: 'keyless', valueBytes: 100, profile: 'kafkajs' } });
  });

  it('names the field in error', () => {
    expect(prepareLoadStart(form({ rateText: '0' }))).toMatchObject({ ok: false, target: 'ratePerSecond' });
    expect(prepareLoadStart(form({ keyCountText: '0' }))).toMatchObject({ ok: false, target: 'keyCount', message: expect.stringContaining('Cold keys') });
    expect(prepareLoadStart(form({ hotSharePercentText: '120' }))).toMatchObject({ ok: false, target: 'hotKeyShare' });
    expect(prepareLoadStart(form({ valueBytesText: '20000' }))).toMatchObject({ ok: false, target: 'valueBytes' });
    expect(prepareLoadStart(form({ topic: null }))).toMatchObject({ ok: false, target: 'start' });
  });

  it('explains every distribution the gateway offers in one line', () => {
    expect(DISTRIBUTIONS.map((d) => d.id).sort()).toEqual([...keyDistributionSchema.options].sort());
    for (const d of DISTRIBUTIONS) expect(d.lesson.length).toBeGreaterThan(20);
  });
});

describe('visibleGenerators', () => {
  it('shows every running generator and only the latest stopped ones', () => {
    const g = (id: string, running: boolean, startedAt: number) => ({ id, running, startedAt });
    const list = [g('a', false, 1), g('b', true, 2), g('c', false, 3), g('d', false, 4), g('e', false, 5), g('f', true, 6)];
    expect(visibleGenerators(list, 2).map((x) => x.id)).toEqual(['b', 'f', 'e', 'd']);
  });
});
