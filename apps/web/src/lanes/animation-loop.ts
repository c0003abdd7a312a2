import type { FrameStats } from './frame-stats';

/** Longest step the animation takes in one frame: after a stall, flights jump at most this far. */
const MAX_STEP_MS = 100;

export interface AnimationLoop {
  start(): void;
  stop(): void;
  readonly running: boolean;
}

/**
 * The page's one requestAnimationFrame loop (excalidraw's renderer/animation.ts pattern): every
 * animation on the lanes is driven from `frame(dtMs, nowMs)`, with dt measured between frames and
 * capped so a stalled tab does not fast-forward. It stops while the tab is hidden (browsers
 * throttle rAF there anyway) and calls `onResume` when it comes back, so queued arrivals can be
 * shown in place instead of replayed. Frame deltas go to `stats` for window.__lanes.frameStats().
 */
export function createAnimationLoop(frame: (dtMs: number, nowMs: number) => void, options: { stats?: FrameStats; onResume?: () => void } = {}): AnimationLoop {
  let handle = 0;
  let last = -1;
  let wanted = false;

  const tick = (now: number) => {
    handle = requestAnimationFrame(tick);
    const delta = last < 0 ? 0 : now - last;
    if (last >= 0) options.stats?.record(delta);
    last = now;
    frame(Math.min(delta, MAX_STEP_MS), now);
  };

  const resume = () => {
    if (handle !== 0) return;
    last = -1;
    handle = requestAnimationFrame(tick);
  };

  const halt = () => {
    if (handle !== 0) cancelAnimationFrame(handle);
    handle = 0;
  };

  const onVisibility = () => {
    if (!wanted) return;
    if (document.hidden) {
      halt();
    } else {
      options.onResume?.();
      resume();
    }
  };

  return {
    start() {
      if (wanted) return;
      wanted = true;
      document.addEventListener('visibilitychange', onVisibility);
      if (!document.hidden) resume();
    },
    stop() {
      wanted = false;
      document.removeEventListener('visibilitychange', onVisibility);
      halt();
    },
    get running() {
      return handle !== 0;
    },
  };
}
