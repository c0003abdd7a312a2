import type { CanvasTheme, KeyColorCache } from './canvas-theme';
import type { Flight, FlightModel, Point } from './flight-model';
import { flightPoint } from './flight-model';
import type { LaneRect, LanesLayout, LaneWindow } from './layout';
import { offsetToX } from './layout';

const from: Point = { x: 0, y: 0 };
const to: Point = { x: 0, y: 0 };
const at: Point = { x: 0, y: 0 };

/**
 * Records in flight, drawn on the animated layer in canvas coordinates (the caller translates for
 * scrolling). `panelOrigin` is where records from the producer panel take off: the left edge of
 * the lanes, level with the middle of what is visible. Reuses module-level points: no allocation.
 */
export function drawFlights(
  context: CanvasRenderingContext2D,
  layout: LanesLayout,
  theme: CanvasTheme,
  colors: KeyColorCache,
  flights: readonly Flight[],
  windows: readonly LaneWindow[],
  panelOrigin: Point,
): void {
  for (const flight of flights) {
    const partition = flight.record.partition;
    const rect = layout.lanes[partition];
    const window = windows[partition];
    if (!rect || !window) continue;
    to.x = offsetToX(layout, window, flight.record.offset);
    to.y = rect.y + layout.cellTop;
    if (flight.origin === 'producer-panel') {
      from.x = panelOrigin.x;
      from.y = panelOrigin.y - layout.cellHeight / 2;
    } else {
      from.x = layout.cellsRight;
      from.y = to.y;
    }
    flightPoint(flight.origin, flight.progress, from, to, at);
    // A flying record is a little larger than at rest and outlined, so it reads over any lane.
    const grow = 1 + 0.3 * (1 - Math.min(1, flight.progress));
    const width = layout.cellWidth * grow;
    const height = layout.cellHeight * Math.min(grow, 1.15);
    context.fillStyle = colors.color(flight.record.key, theme.theme);
    context.fillRect(at.x, at.y, width, height);
    context.strokeStyle = theme.text;
    context.lineWidth = 1;
    context.strokeRect(at.x + 0.5, at.y + 0.5, width - 1, height - 1);
  }
}

/**
 * A busy lane's aggregate overlay: dashes along the cells that flow left at a speed that grows
 * with the rate (log scale), a bright head at the log end, and the rate in the right gutter.
 * `phase` is animation time in seconds, so pause and slow motion apply here too. `label` is the
 * formatted rate, formatted when the rate is measured rather than every frame.
 */
export function drawAggregateOverlay(context: CanvasRenderingContext2D, layout: LanesLayout, theme: CanvasTheme, rect: LaneRect, window: LaneWindow, rate: number, label: string, phase: number): void {
  const top = rect.y + layout.cellTop;
  const height = layout.cellHeight;
  const endX = offsetToX(layout, window, window.endOffset);
  const spacing = 18;
  const speed = 30 + 40 * Math.log10(Math.max(10, rate));
  const shift = (phase * speed) % spacing;
  const barHeight = Math.max(2, Math.round(height * 0.18));
  const y = top + (height - barHeight) / 2;
  context.fillStyle = theme.text;
  context.globalAlpha = 0.55;
  context.beginPath();
  for (let x = endX - shift; x > window.cellsX; x -= spacing) context.rect(x - 8, y, 8, barHeight);
  context.fill();
  context.globalAlpha = 1;
  context.fillStyle = theme.accent;
  context.fillRect(endX - 2, top - 2, 4, height + 4);
  context.fillStyle = theme.text;
  context.font = `bold ${layout.fontSize}px ${theme.font}`;
  context.textAlign = 'left';
  context.textBaseline = 'middle';
  context.fillText(label, layout.cellsRight + 6, top + height / 2);
}

/**
 * Records queued to fly (while paused, or behind a lane's flight cap), drawn as a small pile at
 * their origin with a count, so a paused classroom sees that records arrived and wait.
 */
export function drawWaitingPile(context: CanvasRenderingContext2D, layout: LanesLayout, theme: CanvasTheme, colors: KeyColorCache, x: number, y: number, key: string | null, count: number): void {
  const shown = Math.min(count, 3);
  const label = count < 2 ? '' : `${count} waiting`;
  context.font = `bold ${layout.fontSize}px ${theme.font}`;
  // A small card behind the pile: it sits over lane labels and cells, and must read as separate.
  const cardWidth = Math.max(layout.cellWidth + 6, label ? context.measureText(label).width : 0) + 8;
  const cardHeight = layout.cellHeight + 10 + (label ? layout.fontSize + 4 : 0);
  context.fillStyle = theme.laneBg;
  context.strokeStyle = theme.border;
  context.fillRect(x - 4, y - 10, cardWidth, cardHeight);
  context.strokeRect(x - 3.5, y - 9.5, cardWidth - 1, cardHeight - 1);
  for (let i = shown - 1; i >= 0; i--) {
    context.fillStyle = i === 0 ? colors.color(key, theme.theme) : theme.surface2;
    context.fillRect(x + i * 3, y - i * 3, layout.cellWidth, layout.cellHeight);
    context.strokeStyle = theme.text;
    context.strokeRect(x + i * 3 + 0.5, y - i * 3 + 0.5, layout.cellWidth - 1, layout.cellHeight - 1);
  }
  if (!label) return;
  context.fillStyle = theme.text;
  context.textAlign = 'left';
  context.textBaseline = 'top';
  context.fillText(label, x, y + layout.cellHeight + 3);
}

/** Every waiting pile: one at the producer-panel origin, one per lane edge for outside records. */
export function drawWaitingPiles(context: CanvasRenderingContext2D, layout: LanesLayout, theme: CanvasTheme, colors: KeyColorCache, flights: FlightModel, panelOrigin: Point, partitionCount: number): void {
  const fromPanel = flights.waiting('producer-panel');
  if (fromPanel.first) drawWaitingPile(context, layout, theme, colors, panelOrigin.x + 6, panelOrigin.y - layout.cellHeight / 2, fromPanel.first.record.key, fromPanel.count);
  for (let p = 0; p < partitionCount; p++) {
    const fromOutside = flights.waiting('lane-edge', p);
    if (fromOutside.first) drawWaitingPile(context, layout, theme, colors, layout.cellsRight + 4, layout.lanes[p]!.y + layout.cellTop, fromOutside.first.record.key, fromOutside.count);
  }
}
