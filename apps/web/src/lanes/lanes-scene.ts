import type { GroupView, TopicView } from '@lanes/events';
import { dashboardStore } from '../state/dashboard-store';
import { viewStore } from '../state/view-store';
import { AggregateSwitch } from './aggregate-switch';
import { createAnimationLoop, type AnimationLoop } from './animation-loop';
import { KeyColorCache, readCanvasTheme, sizeCanvas, type CanvasTheme } from './canvas-theme';
import { FlightModel } from './flight-model';
import { groupActivity } from './group-activity';
import { hoverAt, sameHover } from './lane-hover';
import { createHatch, drawLaneAtRest, type LaneAtRest } from './lane-drawing';
import { computeTopicMarkers, type TopicMarkers } from './lane-markers';
import { lanesFrameStats, setLaneDescriber, summarizeLane, type LaneSummary } from './lanes-debug';
import { lanesUiStore } from './lanes-ui-store';
import { computeLanesLayout, computeLaneWindow, createLaneWindow, type LanesLayout, type LaneWindow } from './layout';
import { drawLaneMarkers } from './marker-drawing';
import { drawAggregateOverlay, drawFlights, drawWaitingPiles } from './motion-drawing';
import { rateLabel } from './lane-format';
import { recordStream, type PartitionHistory } from './record-stream';

export interface LanesSceneElements {
  /** Scrolls vertically when lanes do not fit; its client size is the viewport. */
  scroller: HTMLElement;
  /** Static layer: lanes at rest, inside the scrolled stage, right of the labels. */
  staticCanvas: HTMLCanvasElement;
  /** Animated layer: covers the viewport including the label column, so flights start at the panel side. */
  motionCanvas: HTMLCanvasElement;
  /** Width of the DOM label column left of the static canvas. */
  labelWidth: number;
}

const RATE_INTERVAL_MS = 500;
const MARKER_INTERVAL_MS = 200;
/** Busy (aggregate) lanes redraw their resting cells at most this often; quiet lanes at once. */
const AGGREGATE_REDRAW_MS = 100;

/**
 * The lanes' drawing machinery outside React: reads the stores with getState/subscribe (zustand's
 * transient updates), takes arrivals from the record stream, and runs one animation loop that
 * redraws the static layer when something changed and the animated layer every frame.
 */
export class LanesScene {
  private readonly flights = new FlightModel();
  private readonly aggregates = new AggregateSwitch();
  private readonly colors = new KeyColorCache();
  private readonly loop: AnimationLoop;
  private readonly cleanups: (() => void)[] = [];
  private layout: LanesLayout | null = null;
  private topic: TopicView | null = null;
  private markers: TopicMarkers = { groups: [], hiddenGroups: 0, byPartition: [] };
  private markerSignature = '';
  private readonly windows: LaneWindow[] = [];
  private readonly atRest: LaneAtRest[] = [];
  private readonly drawnEnds: number[] = [];
  /** This frame's partition histories, looked up once per frame and shared by both layers. */
  private readonly histories: PartitionHistory[] = [];
  private readonly rateLabels: string[] = [];
  private theme: CanvasTheme | null = null;
  private hatch: CanvasPattern | null = null;
  private staticContext: CanvasRenderingContext2D | null = null;
  private motionContext: CanvasRenderingContext2D | null = null;
  private viewport = { width: 0, height: 0 };
  private scrollTop = 0;
  private staticDirty = true;
  private motionDrawn = false;
  private lastStaticAt = 0;
  private lastRatesAt = 0;
  private lastMarkersAt = 0;
  /** Animation time in seconds: stands still while paused, slows in slow motion. */
  private phase = 0;
  private reducedMotion = false;
  private readonly panelOrigin = { x: 0, y: 0 };

  constructor(private readonly elements: LanesSceneElements) {
    this.loop = createAnimationLoop((dt, now) => this.frame(dt, now), { stats: lanesFrameStats, onResume: () => this.skipBacklog() });
  }

  start(): void {
    const { scroller } = this.elements;
    const observer = new ResizeObserver(() => this.measure());
    observer.observe(scroller);
    this.cleanups.push(() => observer.disconnect());
    const onScroll = () => {
      this.scrollTop = scroller.scrollTop;
      this.staticDirty = true;
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    this.cleanups.push(() => scroller.removeEventListener('scroll', onScroll));

    const motion = window.matchMedia('(prefers-reduced-motion: reduce)');
    const onMotion = () => (this.reducedMotion = motion.matches);
    onMotion();
    motion.addEventListener('change', onMotion);
    this.cleanups.push(() => motion.removeEventListener('change', onMotion));

    this.cleanups.push(
      viewStore.subscribe((view, previous) => {
        if (view.stepRequests > previous.stepRequests) this.flights.step();
        if (view.theme !== previous.theme || view.presenter !== previous.presenter) {
          // app.tsx applies the theme to <html> in an effect after this runs: read colours next frame.
          this.theme = null;
          this.relayout();
        }
        if (view.topic !== previous.topic) this.selectTopic();
      }),
      dashboardStore.subscribe((state, previous) => {
        if (state.topics !== previous.topics) this.selectTopic();
        if (state.groups !== previous.groups) this.refreshMarkers(true);
      }),
      setLaneDescriber((partition) => this.describe(partition)),
    );
    this.selectTopic();
    this.measure();
    this.loop.start();
  }

  destroy(): void {
    this.loop.stop();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    lanesUiStore.setState({ layout: null, hover: null });
  }

  /** Pointer over the lanes (client coordinates): updates the tooltip only when what is under it changes. */
  hover(clientX: number, clientY: number): void {
    const layout = this.layout;
    if (!layout) return;
    const box = this.elements.scroller.getBoundingClientRect();
    const x = clientX - box.left - this.elements.labelWidth;
    const y = clientY - box.top + this.scrollTop;
    const found = hoverAt(layout, this.windows, (p) => recordStream.history(this.topic?.name ?? '', p).recent, (p) => this.flights.hiddenFrom(p), x, y);
    const current = lanesUiStore.getState().hover;
    if (sameHover(current, found)) return;
    if (!found) return lanesUiStore.setState({ hover: null });
    const lane = layout.lanes[Math.floor(y / layout.laneHeight)]!;
    lanesUiStore.setState({ hover: { ...found, left: Math.min(x + this.elements.labelWidth + 12, box.width - 260), top: lane.y - this.scrollTop + lane.height } });
  }

  leave(): void {
    if (lanesUiStore.getState().hover) lanesUiStore.setState({ hover: null });
  }

  private selectTopic(): void {
    const name = viewStore.getState().topic;
    const topic = dashboardStore.getState().topics.find((t) => t.name === name) ?? null;
    if (topic?.name !== this.topic?.name) {
      this.flights.clear();
      this.aggregates.clear();
      this.drawnEnds.length = 0;
      recordStream.takeArrivals();
    }
    const relayout = topic?.partitions.length !== this.topic?.partitions.length;
    this.topic = topic;
    this.refreshMarkers(false);
    if (relayout) this.relayout();
    this.staticDirty = true;
  }

  private refreshMarkers(relayoutIfNeeded: boolean): void {
    const topic = this.topic;
    const groups: GroupView[] = Object.values(dashboardStore.getState().groups);
    const markers = topic ? computeTopicMarkers(topic.name, topic.partitions.length, groups, groupActivity.positionsFor(topic.name)) : { groups: [], hiddenGroups: 0, byPartition: [] };
    const signature = JSON.stringify(markers);
    if (signature === this.markerSignature) return;
    const rowsChanged = markers.groups.length !== this.markers.groups.length;
    this.markers = markers;
    this.markerSignature = signature;
    this.staticDirty = true;
    const ui = lanesUiStore.getState();
    if (ui.hiddenGroups !== markers.hiddenGroups || ui.markerGroups.join('\u0000') !== markers.groups.join('\u0000')) {
      lanesUiStore.setState({ markerGroups: markers.groups, hiddenGroups: markers.hiddenGroups });
    }
    if (rowsChanged && relayoutIfNeeded) this.relayout();
  }

  private measure(): void {
    const { scroller } = this.elements;
    this.viewport = { width: scroller.clientWidth, height: scroller.clientHeight };
    this.scrollTop = scroller.scrollTop;
    this.relayout();
  }

  private relayout(): void {
    const { labelWidth, staticCanvas, motionCanvas } = this.elements;
    const presenter = viewStore.getState().presenter;
    const layout = computeLanesLayout({
      width: Math.max(120, this.viewport.width - labelWidth),
      viewportHeight: this.viewport.height,
      partitionCount: this.topic?.partitions.length ?? 0,
      groupCount: this.markers.groups.length,
      presenter,
    });
    this.layout = layout;
    const dpr = window.devicePixelRatio || 1;
    this.staticContext = sizeCanvas(staticCanvas, layout.width, Math.max(1, layout.height), dpr);
    this.motionContext = sizeCanvas(motionCanvas, this.viewport.width, this.viewport.height, dpr);
    this.staticDirty = true;
    this.motionDrawn = true;
    lanesUiStore.setState({ layout });
  }

  private frame(dt: number, now: number): void {
    const layout = this.layout;
    const topic = this.topic;
    const view = viewStore.getState();
    if (!this.theme) {
      this.theme = readCanvasTheme(view.theme);
      this.hatch = createHatch(this.theme);
      this.staticDirty = true;
    }
    const arrivals = recordStream.takeArrivals();
    if (!layout || !topic) return;
    const partitionCount = topic.partitions.length;

    for (const record of arrivals) {
      if (record.topic !== topic.name || record.partition >= partitionCount) continue;
      // Busy lanes and reduced motion show records in place: no flight.
      if (this.reducedMotion || this.aggregates.isAggregate(record.partition)) continue;
      this.flights.enqueue(record);
    }
    if (this.flights.tick(dt, { speed: view.speed, paused: view.paused, reducedMotion: this.reducedMotion }) > 0) this.staticDirty = true;
    if (!view.paused) this.phase += (dt * view.speed) / 1000;

    if (now - this.lastRatesAt >= RATE_INTERVAL_MS) this.updateAggregates(now, partitionCount);
    if (now - this.lastMarkersAt >= MARKER_INTERVAL_MS) {
      this.lastMarkersAt = now;
      this.refreshMarkers(true);
    }

    let quietLaneChanged = false;
    let busyLaneChanged = false;
    this.histories.length = partitionCount;
    for (let p = 0; p < partitionCount; p++) {
      const partition = topic.partitions[p]!;
      const history = (this.histories[p] = recordStream.history(topic.name, p));
      const window = (this.windows[p] ??= createLaneWindow());
      computeLaneWindow(layout, partition.logStartOffset, Math.max(partition.logEndOffset, history.endOffset), window);
      if (this.drawnEnds[p] !== window.endOffset) {
        if (this.aggregates.isAggregate(p)) busyLaneChanged = true;
        else quietLaneChanged = true;
      }
    }
    this.windows.length = partitionCount;

    if (this.staticDirty || quietLaneChanged || (busyLaneChanged && now - this.lastStaticAt >= AGGREGATE_REDRAW_MS)) this.drawStatic(layout, topic, now);
    this.drawMotion(layout, partitionCount);
  }

  private updateAggregates(now: number, partitionCount: number): void {
    this.lastRatesAt = now;
    recordStream.updateRates(now);
    const topic = this.topic!;
    let changed = false;
    for (let p = 0; p < partitionCount; p++) {
      const rate = recordStream.history(topic.name, p).rate;
      this.rateLabels[p] = rateLabel(rate);
      if (!this.aggregates.update(p, rate, now)) continue;
      changed = true;
      if (this.aggregates.isAggregate(p)) this.flights.landLane(p);
    }
    if (changed) {
      this.staticDirty = true;
      lanesUiStore.setState({ aggregateLanes: this.aggregates.count() });
    }
  }

  private drawStatic(layout: LanesLayout, topic: TopicView, now: number): void {
    const context = this.staticContext;
    const theme = this.theme;
    if (!context || !theme) return;
    this.staticDirty = false;
    this.lastStaticAt = now;
    context.clearRect(0, 0, layout.width, layout.height);
    // Only lanes in view (plus one either side) are drawn; scrolling marks the layer dirty.
    const first = Math.max(0, Math.floor(this.scrollTop / layout.laneHeight) - 1);
    const last = Math.min(layout.lanes.length - 1, Math.ceil((this.scrollTop + this.viewport.height) / layout.laneHeight) + 1);
    for (let p = first; p <= last; p++) {
      const rect = layout.lanes[p]!;
      const window = this.windows[p]!;
      const history = this.histories[p] ?? recordStream.history(topic.name, p);
      const lane = (this.atRest[p] ??= { rect, window, history, segments: undefined, hiddenFrom: Infinity, aggregate: false, rate: 0 });
      lane.rect = rect;
      lane.window = window;
      lane.history = history;
      lane.segments = topic.partitions[p]!.segments;
      lane.hiddenFrom = this.flights.hiddenFrom(p);
      lane.aggregate = this.aggregates.isAggregate(p);
      lane.rate = history.rate;
      drawLaneAtRest(context, layout, theme, this.colors, this.hatch, lane);
      drawLaneMarkers(context, layout, theme, rect, window, this.markers.byPartition[p] ?? []);
    }
    for (let p = 0; p < layout.lanes.length; p++) this.drawnEnds[p] = this.windows[p]!.endOffset;
  }

  private drawMotion(layout: LanesLayout, partitionCount: number): void {
    const context = this.motionContext;
    const theme = this.theme;
    if (!context || !theme) return;
    const flights = this.flights.activeFlights();
    const busy = this.aggregates.count() > 0;
    const waiting = this.flights.pendingCount() > flights.length;
    if (flights.length === 0 && !busy && !waiting && !this.motionDrawn) return;
    context.clearRect(0, 0, this.viewport.width, this.viewport.height);
    this.motionDrawn = flights.length > 0 || busy || waiting;
    if (!this.motionDrawn) return;
    context.save();
    context.translate(this.elements.labelWidth, -this.scrollTop);
    if (busy) {
      for (let p = 0; p < partitionCount; p++) {
        if (!this.aggregates.isAggregate(p)) continue;
        const rect = layout.lanes[p]!;
        if (rect.y + rect.height < this.scrollTop || rect.y > this.scrollTop + this.viewport.height) continue;
        const rate = this.histories[p]?.rate ?? 0;
        drawAggregateOverlay(context, layout, theme, rect, this.windows[p]!, rate, this.rateLabels[p] ?? '', this.phase);
      }
    }
    this.panelOrigin.x = -this.elements.labelWidth;
    this.panelOrigin.y = this.scrollTop + this.viewport.height / 2;
    if (waiting) drawWaitingPiles(context, layout, theme, this.colors, this.flights, this.panelOrigin, partitionCount);
    drawFlights(context, layout, theme, this.colors, flights, this.windows, this.panelOrigin);
    context.restore();
  }

  /** After the tab was hidden: what arrived meanwhile appears in place rather than replaying as flights. */
  private skipBacklog(): void {
    recordStream.takeArrivals();
    this.flights.landAll();
    this.staticDirty = true;
  }

  private describe(partition: number): LaneSummary | null {
    const window = this.windows[partition];
    if (!this.topic || !window) return null;
    const recent = recordStream.history(this.topic.name, partition).recent;
    return summarizeLane(partition, window, recent, this.flights.hiddenFrom(partition), this.aggregates.isAggregate(partition), this.flights.pendingCount(partition));
  }
}
