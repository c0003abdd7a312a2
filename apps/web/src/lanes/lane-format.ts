import { format } from 'd3-format';

/** Words and numbers drawn on and around the lanes, in one place so canvas and DOM say the same. */
const grouped = format(',');
const compact = format('.3~s');

export function formatCount(value: number): string {
  return grouped(Math.round(value));
}

/** The compressed bar's label: "0…1,234 (1,235 records)"; deleted offsets are not counted as records. */
export function compressedLabel(logStartOffset: number, windowStart: number): string {
  const last = windowStart - 1;
  const records = Math.max(0, windowStart - logStartOffset);
  const plural = records === 1 ? 'record' : 'records';
  if (logStartOffset >= windowStart) return `${formatCount(0)}…${formatCount(last)} deleted by retention`;
  return `${formatCount(logStartOffset)}…${formatCount(last)} (${formatCount(records)} ${plural})`;
}

/** The compressed bar's label from longest to shortest, so a narrow bar still says something true. */
export function compressedLabels(logStartOffset: number, windowStart: number): string[] {
  const last = windowStart - 1;
  if (logStartOffset >= windowStart) return [compressedLabel(logStartOffset, windowStart), `…${formatCount(last)} deleted`, 'deleted'];
  const records = formatCount(Math.max(0, windowStart - logStartOffset));
  return [compressedLabel(logStartOffset, windowStart), `${formatCount(logStartOffset)}…${formatCount(last)}`, `…${formatCount(last)}`, records];
}

/** A lane's offsets in words, for its label: "offsets 0–41" or "empty: next offset 0". */
export function offsetRangeLabel(logStartOffset: number, endOffset: number): string {
  if (endOffset <= logStartOffset) return endOffset === 0 ? 'empty' : `empty, next ${formatCount(endOffset)}`;
  return `${formatCount(logStartOffset)}–${formatCount(endOffset - 1)}`;
}

/** Landings per second for a busy lane: "18/s", "1.25k/s". */
export function rateLabel(ratePerSecond: number): string {
  if (ratePerSecond < 1000) return `${Math.round(ratePerSecond)}/s`;
  return `${compact(ratePerSecond)}/s`;
}

/** A value preview for tooltips: one line, bounded. */
export function previewValue(value: string, maxChars = 80): string {
  const line = value.replace(/\s+/g, ' ');
  return line.length > maxChars ? `${line.slice(0, maxChars - 1)}…` : line;
}

/** A short label that fits a marker row: long group or consumer names are cut with an ellipsis. */
export function shortLabel(text: string, maxChars = 14): string {
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}
