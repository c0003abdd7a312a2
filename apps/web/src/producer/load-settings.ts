import { limits, type KeyDistribution, type LoadStart } from '@lanes/events';
import type { LoadTarget, PlacedError } from './command-error-placement';

/** One click away from the rates a lesson needs: a trickle to watch, a flood to see aggregates. */
export const RATE_PRESETS: readonly number[] = [1, 10, 100, 1000, 5000, 20_000, 50_000];

export const MIN_RATE = 0.1;

export interface DistributionInfo {
  id: KeyDistribution;
  label: string;
  /** What it teaches, in one line. */
  lesson: string;
  /** How the key count field is named for it, or null when it has none. */
  keyCountLabel: string | null;
  usesHotShare: boolean;
}

/** The load generator's key distributions, each with the lesson it shows on the lanes. */
export const DISTRIBUTIONS: readonly DistributionInfo[] = [
  { id: 'uniform', label: 'Uniform', lesson: 'Every key equally often: the lanes fill evenly, the baseline for skew.', keyCountLabel: 'Distinct keys', usesHotShare: false },
  { id: 'zipf', label: 'Zipf', lesson: 'A few keys dominate, as real users and products do: some lanes run hotter.', keyCountLabel: 'Distinct keys', usesHotShare: false },
  { id: 'hot-key', label: 'Hot key', lesson: "One key takes most of the traffic, so one partition does: watch the skew figure rise.", keyCountLabel: 'Cold keys', usesHotShare: true },
  { id: 'salted-hot-key', label: 'Salted hot key', lesson: 'The fix: the hot key gets a suffix (hot#0, hot#1, …) and spreads, at the price of its per-key order.', keyCountLabel: 'Salts', usesHotShare: true },
  { id: 'low-cardinality', label: 'Low cardinality', lesson: 'Fewer keys (regions) than partitions: some lanes stay empty however fast you send.', keyCountLabel: 'Regions', usesHotShare: false },
  { id: 'keyless', label: 'Keyless', lesson: "No key: the profile's keyless rule (round robin, sticky or random) spreads records.", keyCountLabel: null, usesHotShare: false },
];

export function distributionInfo(id: string): DistributionInfo | undefined {
  return DISTRIBUTIONS.find((d) => d.id === id);
}

export interface LoadForm {
  topic: string | null;
  rateText: string;
  distribution: KeyDistribution;
  keyCountText: string;
  /** Percent, 0-100, as people think of shares. */
  hotSharePercentText: string;
  valueBytesText: string;
  profile: string;
}

export type PreparedLoad = { ok: true; command: LoadStart } | ({ ok: false } & PlacedError<LoadTarget>);

/** Checks the load generator form with the gateway's own bounds before sending `loadgen:start`. */
export function prepareLoadStart(form: LoadForm): PreparedLoad {
  const rate = parseRate(form.rateText);
  if (!rate.ok) return { ok: false, target: 'ratePerSecond', message: rate.message };
  const info = distributionInfo(form.distribution);
  if (!info) return { ok: false, target: 'distribution', message: `Unknown distribution '${form.distribution}'.` };
  const command: LoadStart = { topic: form.topic ?? '', ratePerSecond: rate.rate, distribution: form.distribution, profile: form.profile };
  if (info.keyCountLabel) {
    const keyCount = wholeNumber(form.keyCountText, 1, 1_000_000);
    if (keyCount === null) return { ok: false, target: 'keyCount', message: `${info.keyCountLabel} must be a whole number from 1 to 1,000,000.` };
    command.keyCount = keyCount;
  }
  if (info.usesHotShare) {
    const percent = Number(form.hotSharePercentText.trim());
    if (form.hotSharePercentText.trim() === '' || !Number.isFinite(percent) || percent < 0 || percent > 100) {
      return { ok: false, target: 'hotKeyShare', message: 'The hot share is a percentage from 0 to 100.' };
    }
    command.hotKeyShare = percent / 100;
  }
  const valueBytes = wholeNumber(form.valueBytesText, 1, 10_000);
  if (valueBytes === null) return { ok: false, target: 'valueBytes', message: 'Value size must be a whole number of bytes from 1 to 10,000.' };
  command.valueBytes = valueBytes;
  if (!form.topic) return { ok: false, target: 'start', message: 'Choose or create a topic in the top bar first.' };
  return { ok: true, command };
}

export type ParsedRate = { ok: true; rate: number } | { ok: false; message: string };

/** Accepts "500", "0.5", "1,000", "5k", "20K". */
export function parseRate(text: string): ParsedRate {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(k?)\s*(?:\/s)?\s*$/i.exec(text.replace(/,/g, ''));
  const bounds = `from ${MIN_RATE} to ${limits.maxLoadRatePerSecond.toLocaleString('en-US')} messages per second`;
  if (!match) return { ok: false, message: `Type a rate ${bounds}, such as 100 or 5k.` };
  const rate = Number(match[1]) * (match[2] ? 1000 : 1);
  if (rate < MIN_RATE || rate > limits.maxLoadRatePerSecond) return { ok: false, message: `The rate is ${bounds}; ${formatRate(rate)} is outside that.` };
  return { ok: true, rate };
}

/** "0.5/s", "100/s", "5k/s", "50k/s", "1.5k/s". */
export function formatRate(rate: number): string {
  if (rate >= 1000) return `${trimNumber(rate / 1000)}k/s`;
  if (rate >= 10) return `${Math.round(rate)}/s`;
  return `${trimNumber(rate)}/s`;
}

/** Messages per second since the generator started, by the gateway's clock. */
export function achievedRate(produced: number, startedAt: number, gatewayNow: number): number {
  const seconds = (gatewayNow - startedAt) / 1000;
  return seconds > 0.25 ? produced / seconds : 0;
}

function trimNumber(value: number): string {
  return value >= 100 ? String(Math.round(value)) : String(Number(value.toFixed(value >= 10 ? 1 : 2)));
}

function wholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim().replace(/,/g, '');
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

/** Running generators, then the most recently started stopped ones: the gateway keeps them all. */
export function visibleGenerators<G extends { running: boolean; startedAt: number }>(generators: readonly G[], stoppedLimit = 3): G[] {
  const running = generators.filter((g) => g.running);
  const stopped = generators.filter((g) => !g.running).sort((a, b) => b.startedAt - a.startedAt).slice(0, stoppedLimit);
  return [...running, ...stopped];
}
