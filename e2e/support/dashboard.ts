import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
// What the page exposes as window.__lanes, as the dashboard defines it; only types cross over.
import type { LaneSummary, LanesDebug } from '../../apps/web/src/lanes/lanes-debug';

/**
 * What a person sees on the dashboard, read the way they would: roles, labels and text. Where the
 * picture is drawn on a canvas, the lanes' own description (window.__lanes.lane(p), the cells a lane
 * shows right now, see apps/web/src/lanes/lanes-debug.ts) stands in for the eye.
 */

interface LanesWindow {
  __lanes?: LanesDebug;
}

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/** Saves a screenshot of the page as a test artifact: test-results/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = `${screenshotDir}${name}.png`;
  await page.screenshot({ path });
  return path;
}

/** Opens the dashboard on a topic and waits until it is live and drawing that topic's lanes. */
export async function openDashboard(page: Page, url: string, topic?: string): Promise<void> {
  await page.goto(topic ? `${url}/?topic=${encodeURIComponent(topic)}` : url);
  await expect(connectionStatus(page)).toContainText('live');
  if (topic) await expect(lanesHeading(page)).toContainText(topic);
}

export function connectionStatus(page: Page): Locator {
  return page.getByRole('banner').getByRole('status');
}

export function lanesHeading(page: Page): Locator {
  return page.getByRole('region', { name: 'Partition lanes' }).getByRole('heading', { level: 2 }).first();
}

/** The label beside lane `partition` ("P0"), carrying the lane's log start and end offsets. */
export function laneLabel(page: Page, partition: number): Locator {
  return page.locator(`.lane-labels [data-partition="${partition}"]`);
}

/** What lane `partition` of the selected topic draws as cells right now (records in flight excluded). */
export async function laneSummary(page: Page, partition: number): Promise<LaneSummary | null> {
  return page.evaluate((p) => (globalThis as unknown as LanesWindow).__lanes?.lane(p) ?? null, partition);
}

/** Every lane's cells as `offset:key` strings, keyless as `offset:-`, unknown content as `offset:?`. */
export async function laneCells(page: Page, partitionCount: number): Promise<string[][]> {
  const lanes: string[][] = [];
  for (let p = 0; p < partitionCount; p++) {
    const summary = await laneSummary(page, p);
    lanes.push((summary?.cells ?? []).map((cell) => `${cell.offset}:${cell.key === null ? '-' : (cell.key ?? '?')}`));
  }
  return lanes;
}

/** Waits until the lanes show exactly `expected` (per partition, `offset:key` strings, see laneCells). */
export async function expectLanesToShow(page: Page, expected: string[][], timeout = 15_000): Promise<void> {
  await expect.poll(() => laneCells(page, expected.length), { timeout, message: 'cells shown in each lane (offset:key)' }).toEqual(expected);
}

/** The same records as laneCells expects them, from what Kafka holds. */
export function cellsFromKafka(records: readonly { partition: number; offset: number; key: string | null }[], partitionCount: number): string[][] {
  const lanes: string[][] = Array.from({ length: partitionCount }, () => []);
  for (const record of [...records].sort((a, b) => a.offset - b.offset)) lanes[record.partition]!.push(`${record.offset}:${record.key ?? '-'}`);
  return lanes;
}

export interface ProduceOptions {
  /** The optional explicit partition, as typed. */
  partition?: string;
}

/** Types lines into the producer panel and presses Send, as a person does. */
export async function produceFromPanel(page: Page, lines: readonly string[], options: ProduceOptions = {}): Promise<void> {
  const form = producerForm(page);
  await form.getByRole('textbox', { name: /Messages to/ }).fill(lines.join('\n'));
  await form.getByRole('textbox', { name: 'Partition (optional)' }).fill(options.partition ?? '');
  await form.getByRole('button', { name: 'Send' }).click();
}

export function producerForm(page: Page): Locator {
  return page.getByRole('form', { name: 'Send messages' });
}

export interface SentResult {
  key: string | null;
  partition: number;
  offset: number | null;
  explanation: string;
}

/** The producer panel's "Where they went" list, oldest first (the panel shows newest first). */
export async function sentResults(page: Page): Promise<SentResult[]> {
  const items = page.getByRole('list', { name: 'Sent messages, newest first' }).getByRole('listitem');
  const results: SentResult[] = [];
  for (const item of await items.all()) {
    const key = (await item.locator('.key-chip').innerText()).trim();
    const place = (await item.locator('.sent-place').innerText()).trim();
    const match = /p(\d+) @ (\d+|\?)/.exec(place);
    if (!match) throw new Error(`A sent message shows '${place}', not "→ pN @ offset".`);
    results.push({
      key: key === 'no key' ? null : key,
      partition: Number(match[1]),
      offset: match[2] === '?' ? null : Number(match[2]),
      explanation: (await item.locator('.sent-explanation').innerText()).trim(),
    });
  }
  return results.reverse();
}

/** Waits for `count` results in the producer panel and returns them, oldest first. */
export async function waitForSentResults(page: Page, count: number): Promise<SentResult[]> {
  await expect(page.getByRole('list', { name: 'Sent messages, newest first' }).getByRole('listitem')).toHaveCount(count);
  return sentResults(page);
}

/** The partition an explanation names as its result: "… → % 3 = 1" names partition 1. */
export function partitionNamedBy(explanation: string): number {
  const modulo = /% (\d+) = (\d+)/.exec(explanation);
  if (modulo) return Number(modulo[2]);
  const explicit = /^explicit partition (\d+)/.exec(explanation);
  if (explicit) return Number(explicit[1]);
  throw new Error(`The explanation '${explanation}' names no partition.`);
}

/** Where the animated layer has ink in lane `partition`'s row: on the producer-panel side, or at the lane's outside edge. */
export interface MotionInk {
  /** Anywhere left of the cells (the label column): where records from the producer panel take off and wait. */
  panelSide: boolean;
  /** The last 80 px of the lane: where records from outside clients slide in and wait. */
  outsideEdge: boolean;
}

/** Reads the animated canvas layer over lane `partition`: flights and waiting piles are drawn there. */
export async function motionInk(page: Page, partition: number): Promise<MotionInk> {
  const label = await laneLabel(page, partition).boundingBox();
  const cells = await page.locator('canvas.lanes-static').boundingBox();
  if (!label || !cells) throw new Error(`Lane ${partition} is not on screen.`);
  return page.locator('canvas.lanes-motion').evaluate(
    (element, area) => {
      const canvas = element as HTMLCanvasElement;
      const box = canvas.getBoundingClientRect();
      const scale = canvas.width / box.width;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('The motion canvas has no 2D context.');
      const inked = (fromX: number, toX: number, fromY: number, toY: number) => {
        const x = Math.max(0, Math.round((fromX - box.left) * scale));
        const y = Math.max(0, Math.round((fromY - box.top) * scale));
        const width = Math.max(1, Math.round((toX - fromX) * scale));
        const height = Math.max(1, Math.round((toY - fromY) * scale));
        const pixels: Uint8ClampedArray = context.getImageData(x, y, width, height).data;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) return true;
        return false;
      };
      return {
        panelSide: inked(box.left, area.cellsLeft, box.top, box.bottom),
        outsideEdge: inked(box.right - 80, box.right, area.top, area.top + area.height),
      };
    },
    { top: label.y, height: label.height, cellsLeft: cells.x },
  );
}

/** Points at the cell of `offset` in lane `partition` (an uncompressed lane) and returns the tooltip. */
export async function hoverCell(page: Page, partition: number, offset: number): Promise<Locator> {
  const label = await laneLabel(page, partition).boundingBox();
  const cells = await page.locator('canvas.lanes-static').boundingBox();
  if (!label || !cells) throw new Error(`Lane ${partition} is not on screen.`);
  // apps/web/src/lanes/layout.ts: offset o starts at cellsLeft (4) + o × pitch (16), cells are 14 wide.
  await page.mouse.move(cells.x + 4 + offset * 16 + 7, label.y + label.height / 2);
  return page.getByRole('tooltip');
}
