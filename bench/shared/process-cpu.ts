import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * CPU time of processes, read from Linux's /proc (proc(5)), so what a bench measures is measured
 * from outside, with nothing added to it.
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

/** Fields of /proc/PID/stat, numbered as proc(5) numbers them (1 is the pid). */
function statFields(pid: number | 'self'): (field: number) => number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The second field is the command name in parentheses and may itself hold spaces or ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (field) => {
    // The fields after the name start at field 3 (state).
    const value = Number(fields[field - 3]);
    if (!Number.isFinite(value)) throw new Error(`/proc/${pid}/stat has no field ${field}: ${stat.slice(0, 200)}`);
    return value;
  };
}

/** User plus system CPU the process has used since it started, in milliseconds (10 ms resolution). */
export function cpuMilliseconds(pid: number): number {
  const field = statFields(pid);
  return ((field(14) + field(15)) * 1000) / clockTicksPerSecond(); // utime, stime
}

/**
 * User plus system CPU of this process's children that have exited and been waited for (cutime
 * and cstime), in milliseconds. Around one child that runs to its end, the difference is that
 * child's CPU: what a client such as kcat cost, which Node's child_process does not report.
 */
export function reapedChildrenCpuMilliseconds(): number {
  const field = statFields('self');
  return ((field(16) + field(17)) * 1000) / clockTicksPerSecond(); // cutime, cstime
}
