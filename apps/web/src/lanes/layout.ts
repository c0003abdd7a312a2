/**
 * Where things go on the lanes canvas: one horizontal lane per partition, offsets growing to the
 * right at the same pitch in every lane (so offset 5 of P0 sits above offset 5 of P1 and a hot
 * partition visibly runs longer), and a marker strip under the cells for each consumer group.
 *
 * Pure and DOM-free: the canvas, the React frame and the tests all use the same numbers.
 * Two steps, because they change at different speeds:
 * - computeLanesLayout: lane rects and cell geometry; changes when the size, the partition count,
 *   the number of groups or presenter mode change (human speed).
 * - computeLaneWindow: which offsets a lane shows as cells and which it compresses; changes with
 *   every record, so it writes into a reused object instead of allocating.
 */

export interface LanesLayoutInput {
  /** CSS pixels of the canvas area (the lane labels sit outside it, in the DOM). */
  width: number;
  /** CSS pixels of the visible area; lanes shrink to fit it down to a readable minimum, then scroll. */
  viewportHeight: number;
  partitionCount: number;
  /** Consumer groups reading the topic: each gets one marker row under the cells (at most MAX_MARKER_ROWS). */
  groupCount: number;
  presenter: boolean;
}

export interface LaneRect {
  partition: number;
  /** Top of the lane, CSS pixels from the canvas top. */
  y: number;
  height: number;
}

export interface LanesLayout {
  width: number;
  /** Total canvas height: taller than the viewport when many partitions need scrolling. */
  height: number;
  laneHeight: number;
  lanes: LaneRect[];
  cellWidth: number;
  cellGap: number;
  /** cellWidth + cellGap: the distance between two consecutive offsets. */
  pitch: number;
  /** Cell top relative to the lane top, and cell height. */
  cellTop: number;
  cellHeight: number;
  /** Marker rows under the cells: one per group, relative to the lane top. */
  markerTop: number;
  markerRowHeight: number;
  markerRows: number;
  /** Whether marker rows are tall enough for text labels (group, consumer, lag). */
  markerLabels: boolean;
  /** x where offset 0 sits in an uncompressed lane. */
  cellsLeft: number;
  /** x where the cells area ends; lag numbers and rates go right of it. */
  cellsRight: number;
  /** How many cells fit between cellsLeft and cellsRight. */
  capacity: number;
  /** Width of the bar that stands for compressed older offsets. */
  compressedWidth: number;
  fontSize: number;
}

/** Where one lane's offsets go right now. */
export interface LaneWindow {
  logStartOffset: number;
  /** The next offset to be written (log end offset). */
  endOffset: number;
  /** Offsets below this are compressed into the bar; at and above, each has a cell. */
  windowStart: number;
  compressed: boolean;
  /** x of the cell for windowStart. */
  cellsX: number;
}

export const MAX_MARKER_ROWS = 3;

const SIZES = {
  normal: { cellWidth: 14, cellGap: 2, cellPreferred: 28, cellMin: 10, markerRow: 15, markerMin: 3, pad: 3, maxLane: 96, gutter: 72, fontSize: 11 },
  presenter: { cellWidth: 22, cellGap: 3, cellPreferred: 40, cellMin: 16, markerRow: 22, markerMin: 5, pad: 4, maxLane: 120, gutter: 104, fontSize: 16 },
} as const;

/** Lane rects and cell geometry for the current size; see the file comment. */
export function computeLanesLayout(input: LanesLayoutInput): LanesLayout {
  const size = input.presenter ? SIZES.presenter : SIZES.normal;
  const partitionCount = Math.max(0, Math.floor(input.partitionCount));
  const markerRows = Math.min(MAX_MARKER_ROWS, Math.max(0, Math.floor(input.groupCount)));
  const comfortable = size.pad * 2 + size.cellPreferred + markerRows * size.markerRow;
  const minimum = size.pad * 2 + size.cellMin + markerRows * size.markerMin;
  const fair = partitionCount > 0 ? Math.floor(input.viewportHeight / partitionCount) : comfortable;
  const laneHeight = clamp(fair, minimum, Math.max(comfortable, Math.min(size.maxLane, fair)));

  // Markers get their full height (with labels) when the lane has room, else a thin strip each.
  const roomForMarkers = laneHeight - size.pad * 2 - size.cellMin;
  const markerRowHeight = markerRows === 0 ? 0 : Math.max(size.markerMin, Math.min(size.markerRow, Math.floor(roomForMarkers / markerRows)));
  const cellHeight = Math.min(size.cellPreferred * 1.6, laneHeight - size.pad * 2 - markerRows * markerRowHeight);
  // The cells and marker rows sit in the middle of a lane taller than they need.
  const used = cellHeight + 1 + markerRows * markerRowHeight;
  const cellTop = Math.max(size.pad, Math.floor((laneHeight - used) / 2));
  const markerTop = cellTop + cellHeight + 1;

  const pitch = size.cellWidth + size.cellGap;
  const cellsLeft = 4;
  const cellsRight = Math.max(cellsLeft + pitch, input.width - size.gutter);
  const capacity = Math.max(1, Math.floor((cellsRight - cellsLeft) / pitch));
  const area = cellsRight - cellsLeft;
  // A quarter of the lane: wide enough for "0…1,234 (1,235 records)" on a laptop, never wider
  // than that text needs, and never so wide on a narrow screen that only a few cells remain.
  const compressedWidth = Math.min(size.fontSize * 15, Math.max(area * 0.25, pitch * 3));

  const lanes: LaneRect[] = [];
  for (let partition = 0; partition < partitionCount; partition++) lanes.push({ partition, y: partition * laneHeight, height: laneHeight });

  return {
    width: input.width,
    height: Math.max(laneHeight * partitionCount, 0),
    laneHeight,
    lanes,
    cellWidth: size.cellWidth,
    cellGap: size.cellGap,
    pitch,
    cellTop,
    cellHeight,
    markerTop,
    markerRowHeight,
    markerRows,
    markerLabels: markerRowHeight >= (input.presenter ? 18 : 12),
    cellsLeft,
    cellsRight,
    capacity,
    compressedWidth,
    fontSize: size.fontSize,
  };
}

export function createLaneWindow(): LaneWindow {
  return { logStartOffset: 0, endOffset: 0, windowStart: 0, compressed: false, cellsX: 0 };
}

/**
 * Which offsets a lane shows as cells. While every offset since 0 fits, offset o sits at
 * cellsLeft + o * pitch (deleted offsets included, drawn hatched). Past that, the latest offsets
 * keep their cells and everything older is compressed into a bar whose width no longer grows:
 * one record or millions, the lane stays readable.
 */
export function computeLaneWindow(layout: LanesLayout, logStartOffset: number, endOffset: number, out: LaneWindow = createLaneWindow()): LaneWindow {
  const end = Math.max(0, endOffset);
  out.logStartOffset = clamp(logStartOffset, 0, end);
  out.endOffset = end;
  if (end <= layout.capacity) {
    out.windowStart = 0;
    out.compressed = false;
    out.cellsX = layout.cellsLeft;
    return out;
  }
  const cellsX = layout.cellsLeft + layout.compressedWidth + layout.pitch;
  const visibleCells = Math.max(1, Math.floor((layout.cellsRight - cellsX) / layout.pitch));
  out.windowStart = end - visibleCells;
  out.compressed = true;
  out.cellsX = cellsX;
  return out;
}

/**
 * The x of an offset's left edge. Offsets inside the compressed part map linearly onto the bar,
 * so a committed offset or a segment boundary far in the past still has a place.
 */
export function offsetToX(layout: LanesLayout, lane: LaneWindow, offset: number): number {
  if (!lane.compressed || offset >= lane.windowStart) return lane.cellsX + (offset - lane.windowStart) * layout.pitch;
  const fraction = lane.windowStart === 0 ? 0 : Math.max(0, offset) / lane.windowStart;
  return layout.cellsLeft + fraction * layout.compressedWidth;
}

/** The lane under a y coordinate, or -1. */
export function laneAt(layout: LanesLayout, y: number): number {
  if (y < 0 || layout.laneHeight <= 0) return -1;
  const index = Math.floor(y / layout.laneHeight);
  return index < layout.lanes.length ? index : -1;
}

export type LaneHit = { kind: 'cell'; offset: number } | { kind: 'compressed'; fromOffset: number; toOffset: number } | null;

/** What sits under x in a lane: a cell (with its offset), the compressed bar, or nothing. */
export function hitInLane(layout: LanesLayout, lane: LaneWindow, x: number, yInLane: number): LaneHit {
  if (yInLane < layout.cellTop || yInLane > layout.cellTop + layout.cellHeight) return null;
  if (lane.compressed && x >= layout.cellsLeft && x < layout.cellsLeft + layout.compressedWidth) {
    return { kind: 'compressed', fromOffset: 0, toOffset: lane.windowStart - 1 };
  }
  if (x < lane.cellsX) return null;
  const slot = Math.floor((x - lane.cellsX) / layout.pitch);
  // The gap between cells belongs to no record.
  if (x - lane.cellsX - slot * layout.pitch > layout.cellWidth) return null;
  const offset = lane.windowStart + slot;
  return offset < lane.endOffset ? { kind: 'cell', offset } : null;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
