import type { CanvasTheme } from './canvas-theme';
import type { GroupLaneMarker } from './lane-markers';
import { lagOf } from './lane-markers';
import { formatCount, shortLabel } from './lane-format';
import type { LaneRect, LanesLayout, LaneWindow } from './layout';
import { offsetToX } from './layout';

/**
 * One marker row per group under a lane's cells:
 * - a flag at the committed offset (where the group resumes after a restart or rebalance);
 * - a triangle at the live position of the member reading the partition;
 * - a thin bar from the committed offset to the log end: the lag, also written as a number in
 *   the right gutter ("lag 12"), because Lag = log end offset - committed offset.
 */
export function drawLaneMarkers(context: CanvasRenderingContext2D, layout: LanesLayout, theme: CanvasTheme, rect: LaneRect, window: LaneWindow, markers: readonly GroupLaneMarker[]): void {
  if (layout.markerRows === 0) return;
  const rowHeight = layout.markerRowHeight;
  context.font = `${Math.max(9, layout.fontSize - 1)}px ${theme.font}`;
  context.textBaseline = 'middle';
  for (const marker of markers) {
    const color = theme.groupColors[marker.row % theme.groupColors.length]!;
    const rowTop = rect.y + layout.markerTop + marker.row * rowHeight;
    const middle = rowTop + rowHeight / 2;
    const endX = offsetToX(layout, window, window.endOffset);
    const lag = lagOf(marker.committed, window.endOffset);
    context.fillStyle = color;
    context.strokeStyle = color;

    let committedX: number | null = null;
    if (marker.committed !== null) {
      committedX = offsetToX(layout, window, Math.min(marker.committed, window.endOffset));
      const barHeight = Math.max(2, Math.round(rowHeight * 0.22));
      context.globalAlpha = 0.45;
      context.fillRect(committedX, middle - barHeight / 2, Math.max(0, endX - committedX), barHeight);
      context.globalAlpha = 1;
      // Flag: a stem and a small pennant pointing right, toward what is still to be read.
      context.fillRect(committedX - 1, rowTop, 2, rowHeight);
      const flag = Math.min(rowHeight * 0.55, 7);
      context.beginPath();
      context.moveTo(committedX + 1, rowTop);
      context.lineTo(committedX + 1 + flag * 1.3, rowTop + flag / 2);
      context.lineTo(committedX + 1, rowTop + flag);
      context.fill();
    }

    let positionX: number | null = null;
    if (marker.position !== null) {
      positionX = offsetToX(layout, window, Math.min(marker.position, window.endOffset));
      const size = Math.min(rowHeight * 0.8, 9);
      context.beginPath();
      context.moveTo(positionX, rowTop + rowHeight - size);
      context.lineTo(positionX + size * 0.6, rowTop + rowHeight);
      context.lineTo(positionX - size * 0.6, rowTop + rowHeight);
      context.fill();
    }

    if (!layout.markerLabels) continue;
    context.textAlign = 'left';
    const gutterX = layout.cellsRight + 6;
    context.fillText(lag === null ? 'no commit' : `lag ${formatCount(lag)}`, gutterX, middle);
    const label = `${shortLabel(marker.groupId)}: ${marker.reader ? shortLabel(marker.reader, 10) : 'unassigned'}`;
    const width = context.measureText(label).width;
    const rightmost = Math.max(committedX ?? -Infinity, positionX ?? -Infinity);
    const leftmost = Math.min(committedX ?? Infinity, positionX ?? Infinity);
    let x = Number.isFinite(rightmost) ? rightmost + 10 : layout.cellsLeft;
    if (x + width > layout.cellsRight) x = Number.isFinite(leftmost) ? leftmost - 10 - width : layout.cellsLeft;
    if (x < layout.cellsLeft) x = layout.cellsLeft;
    context.fillStyle = theme.text;
    context.fillText(label, x, middle);
  }
}
