import { readFileSync } from 'node:fs';
import { cpuMilliseconds } from '../shared/process-cpu';

/**
 * CPU time and resident memory of another process, read from Linux's /proc (proc(5)), so the
 * gateway is measured from outside, with nothing added to it.
 */

/** Resident set size (VmRSS) in bytes. */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no VmRSS line.`);
  return Number(match[1]) * 1024;
}

/** CPU used over a stretch of wall time, as a share of one core (1.0 = one core busy throughout). */
export interface CpuWindow {
  cpuMs: number;
  wallMs: number;
  cores: number;
}

/** Starts a CPU window over the process; call the result to close it. */
export function startCpuWindow(pid: number): () => CpuWindow {
  const cpuBefore = cpuMilliseconds(pid);
  const wallBefore = performance.now();
  return () => {
    const cpuMs = cpuMilliseconds(pid) - cpuBefore;
    const wallMs = performance.now() - wallBefore;
    return { cpuMs, wallMs, cores: cpuMs / wallMs };
  };
}

/** Samples RSS every `everyMs` until stopped, and reports the highest sample. */
export function watchPeakResident(pid: number, everyMs = 100): () => number {
  let peak = residentBytes(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, residentBytes(pid));
    } catch {
      // the process has gone; the caller finds out on its own
    }
  }, everyMs);
  return () => {
    clearInterval(timer);
    return Math.max(peak, residentBytes(pid));
  };
}
