import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * CPU time and resident memory of another process, read from Linux's /proc (proc(5)), so the
 * gateway is measured from outside, with nothing added to it.
 */

let ticksPerSecond: number | undefined;

/** utime and stime are counted in clock ticks of sysconf(_SC_CLK_TCK), 100 on most Linux systems. */
function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    const answer = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    ticksPerSecond = Number.isInteger(answer) && answer > 0 ? answer : 100;
  }
  return ticksPerSecond;
}

/** User plus system CPU the process has used since it started, in milliseconds (10 ms resolution). */
export function cpuMilliseconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The second field is the command name in parentheses and may itself hold spaces or ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Counting from the state field (field 3 in proc(5)), utime is field 14 and stime field 15.
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`/proc/${pid}/stat has no CPU times: ${stat.slice(0, 200)}`);
  return ((utime + stime) * 1000) / clockTicksPerSecond();
}

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
