/**
 * A crashed member says nothing; the broker only notices when its session timeout passes without a
 * heartbeat (partitioning-facts.md, "Group assignors"). The gateway tells us when that will be, in
 * its own clock; `skewMs` (gateway minus browser) puts it on this browser's clock.
 */
export function remainingMs(expiresAt: number, browserNow: number, skewMs: number): number {
  return Math.max(0, expiresAt - (browserNow + skewMs));
}

/** "7.2 s" under ten seconds (a demo's interesting part), whole seconds above, "1 min 05 s" past a minute. */
export function formatCountdown(ms: number): string {
  if (ms <= 0) return '0 s';
  const seconds = ms / 1000;
  if (seconds < 10) return `${(Math.ceil(seconds * 10) / 10).toFixed(1)} s`;
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const whole = Math.ceil(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** The sentence under a crashed member. */
export function crashCountdownText(expiresAt: number | undefined, browserNow: number, skewMs: number, sessionTimeoutMs?: number): string {
  const timeout = sessionTimeoutMs === undefined ? '' : ` (session timeout ${formatCountdown(sessionTimeoutMs)})`;
  if (expiresAt === undefined) return `Crashed: the group waits for its session timeout${timeout} before it notices.`;
  // The skew is measured when the snapshot arrives, so it misses the snapshot's time in transit and
  // can put the deadline a little later than it is; no deadline is further off than the timeout.
  const left = Math.min(remainingMs(expiresAt, browserNow, skewMs), sessionTimeoutMs ?? Infinity);
  if (left === 0) return `Crashed: session timeout reached${timeout}; the group is rebalancing without it.`;
  return `Crashed: the broker expires it in ${formatCountdown(left)}${timeout}; until then its partitions are not read.`;
}
