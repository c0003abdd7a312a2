import { describe, expect, it } from 'vitest';
import { compressedLabel, compressedLabels, offsetRangeLabel, previewValue, rateLabel, shortLabel } from './lane-format';

describe('lane labels', () => {
  it('labels the compressed part with its offsets and record count', () => {
    expect(compressedLabel(0, 1235)).toBe('0…1,234 (1,235 records)');
    expect(compressedLabel(1000, 1235)).toBe('1,000…1,234 (235 records)');
    expect(compressedLabel(0, 1)).toBe('0…0 (1 record)');
  });

  it('says when everything compressed was deleted by retention', () => {
    expect(compressedLabel(5000, 4000)).toBe('0…3,999 deleted by retention');
  });

  it('offers shorter compressed labels for narrow bars', () => {
    expect(compressedLabels(0, 1235)).toEqual(['0…1,234 (1,235 records)', '0…1,234', '…1,234', '1,235']);
    expect(compressedLabels(5000, 4000)).toEqual(['0…3,999 deleted by retention', '…3,999 deleted', 'deleted']);
  });

  it('describes lane offsets, including empty and fully deleted lanes', () => {
    expect(offsetRangeLabel(0, 42)).toBe('0–41');
    expect(offsetRangeLabel(0, 0)).toBe('empty');
    expect(offsetRangeLabel(30, 30)).toBe('empty, next 30');
  });

  it('shows rates compactly', () => {
    expect(rateLabel(17.4)).toBe('17/s');
    expect(rateLabel(1250)).toBe('1.25k/s');
    expect(rateLabel(20000)).toBe('20k/s');
  });

  it('keeps previews and marker labels short and on one line', () => {
    expect(previewValue('a\n b', 10)).toBe('a b');
    expect(previewValue('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(shortLabel('a-very-long-consumer-group', 8)).toBe('a-very-…');
  });
});
