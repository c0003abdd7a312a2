import type { SegmentView } from '@lanes/events';
import type { CanvasTheme, KeyColorCache } from './canvas-theme';
import type { LaneRect, LanesLayout, LaneWindow } from './layout';
import { offsetToX } from './layout';
import { compressedLabels } from './lane-format';
import type { PartitionHistory } from './record-stream';

/** What the static layer needs to draw one lane at rest. */
export interface LaneAtRest {
  rect: LaneRect;
  window: LaneWindow;
  history: PartitionHistory;
  /** Embedded broker only: a real cluster does not tell clients about segments. */
  segments: readonly SegmentView[] | undefined;
  /** Offsets from here on are still in flight (FlightModel.hiddenFrom). */
  hiddenFrom: number;
  /** Drawn as an aggregate (busy lane): cells dimmed under a heat tint. */
  aggregate: boolean;
  rate: number;
}

/**
 * The static layer's lanes: background, compressed older offsets, deleted offsets (hatched),
 * cells coloured by key at their offsets, segment boundaries and the log end. Redrawn only when
 * something changed; one lane costs at most `capacity` rectangles.
 */
export function drawLaneAtRest(context: CanvasRenderingContext2D, layout: LanesLayout, theme: CanvasTheme, colors: KeyColorCache, hatch: CanvasPattern | null, lane: LaneAtRest): void {
  const { rect, window } = lane;
  const top = rect.y + layout.cellTop;
  const height = layout.cellHeight;
  context.fillStyle = rect.partition % 2 === 0 ? theme.laneBg : theme.laneAlt;
  context.fillRect(0, rect.y, layout.width, rect.height);
  if (lane.aggregate) {
    // Heat: busier lanes glow more; log scale so 20/s and 20,000/s both read.
    context.fillStyle = theme.heat(Math.min(0.35, 0.08 + Math.log10(Math.max(1, lane.rate)) * 0.07));
    context.fillRect(0, rect.y, layout.width, rect.height);
  }

  if (window.compressed) drawCompressed(context, layout, theme, hatch, window, top, height);

  const visibleEnd = Math.min(window.endOffset, lane.hiddenFrom);
  const recent = lane.history.recent;
  let index = recent.length - 1;
  context.globalAlpha = lane.aggregate ? 0.45 : 1;
  for (let offset = visibleEnd - 1; offset >= window.windowStart; offset--) {
    const x = window.cellsX + (offset - window.windowStart) * layout.pitch;
    if (offset < window.logStartOffset) {
      context.fillStyle = hatch ?? theme.surface2;
      context.fillRect(x, top, layout.cellWidth, height);
      continue;
    }
    while (index >= 0 && recent[index]!.offset > offset) index--;
    const record = index >= 0 && recent[index]!.offset === offset ? recent[index]! : null;
    if (record) {
      context.fillStyle = colors.color(record.key, theme.theme);
      context.fillRect(x, top, layout.cellWidth, height);
    } else {
      // Written before this page connected and not in its recent buffer: the offset exists, its content is not here.
      context.strokeStyle = theme.border;
      context.strokeRect(x + 0.5, top + 0.5, layout.cellWidth - 1, height - 1);
    }
  }
  context.globalAlpha = 1;

  drawSegmentBoundaries(context, layout, theme, lane, top, height);

  // The log end offset: where the next record of this partition will be written.
  const endX = offsetToX(layout, window, window.endOffset) - layout.cellGap / 2;
  context.fillStyle = theme.accent;
  context.fillRect(endX - 1, top - 2, 2, height + 4);
}

function drawCompressed(context: CanvasRenderingContext2D, layout: LanesLayout, theme: CanvasTheme, hatch: CanvasPattern | null, window: LaneWindow, top: number, height: number): void {
  const left = layout.cellsLeft;
  const width = layout.compressedWidth;
  const deletedWidth = Math.min(width, offsetToX(layout, window, window.logStartOffset) - left);
  context.fillStyle = theme.surface2;
  context.fillRect(left, top, width, height);
  if (deletedWidth > 0) {
    context.fillStyle = hatch ?? theme.border;
    context.fillRect(left, top, deletedWidth, height);
  }
  context.strokeStyle = theme.border;
  context.strokeRect(left + 0.5, top + 0.5, width - 1, height - 1);
  if (height >= layout.fontSize + 2) {
    context.fillStyle = theme.text;
    context.font = `${layout.fontSize}px ${theme.font}`;
    context.textBaseline = 'middle';
    context.textAlign = 'left';
    // The longest label that fits; the tooltip always has the full story.
    const room = width - 8;
    const label = compressedLabels(window.logStartOffset, window.windowStart).find((text) => context.measureText(text).width <= room);
    if (label) {
      // A backing so the words read over the hatching of deleted offsets.
      context.fillStyle = theme.surface2;
      context.fillRect(left + 2, top + height / 2 - layout.fontSize / 2 - 2, context.measureText(label).width + 4, layout.fontSize + 4);
      context.fillStyle = theme.text;
      context.fillText(label, left + 4, top + height / 2);
    }
  }
  // A break mark between the bar and the cells: the scale changes here.
  context.strokeStyle = theme.muted;
  context.beginPath();
  const breakX = left + width + layout.pitch / 2;
  context.moveTo(breakX - 3, top + height);
  context.lineTo(breakX + 3, top);
  context.stroke();
}

function drawSegmentBoundaries(context: CanvasRenderingContext2D, layout: LanesLayout, theme: CanvasTheme, lane: LaneAtRest, top: number, height: number): void {
  if (!lane.segments) return;
  context.fillStyle = theme.text;
  for (const segment of lane.segments) {
    if (segment.baseOffset <= 0 || segment.baseOffset > lane.window.endOffset) continue;
    const x = offsetToX(layout, lane.window, segment.baseOffset) - layout.cellGap / 2;
    // A tick above and below the cells, so the boundary reads over any cell colour.
    context.fillRect(x - 0.5, top - 3, 1, height + 6);
    context.fillRect(x - 2.5, top - 3, 5, 2);
  }
}

/** Diagonal hatching for offsets deleted by retention. */
export function createHatch(theme: CanvasTheme): CanvasPattern | null {
  const tile = document.createElement('canvas');
  tile.width = 6;
  tile.height = 6;
  const context = tile.getContext('2d');
  if (!context) return null;
  context.fillStyle = theme.surface2;
  context.fillRect(0, 0, 6, 6);
  context.strokeStyle = theme.muted;
  context.lineWidth = 1;
  context.beginPath();
  context.moveTo(0, 6);
  context.lineTo(6, 0);
  context.stroke();
  return context.createPattern(tile, 'repeat');
}
