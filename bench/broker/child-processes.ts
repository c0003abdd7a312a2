import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { scriptCommand, type StartScript } from '../shared/script-command';

/**
 * Every process the bench starts goes through here, so that it can promise to leave none behind:
 * on normal exit, on an error, and on Ctrl+C each child still running is killed by its own pid.
 */

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const running = new Set<ChildProcess>();

function killEveryChild(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

process.on('exit', killEveryChild);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\nbench: ${signal}, stopping every child process.`);
    killEveryChild();
    process.exit(130);
  });
}

/** Starts a child that the bench will kill if it is still running when the bench ends. */
export function spawnTracked(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { cwd: repoRoot, ...options });
  running.add(child);
  child.on('exit', () => running.delete(child));
  child.on('error', () => running.delete(child));
  return child;
}

/** node running a TypeScript file through tsx's loader, in one process (no tsx wrapper process). */
export function spawnTypeScript(file: string, args: string[], nodeFlags: string[] = []): ChildProcess {
  return spawnTracked(process.execPath, [...nodeFlags, '--import', 'tsx', file, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Node flags a bench adds to a start script's own. */
export interface AddedNodeFlags {
  /** Single-word flags in front of the script's (--cpu-prof, --expose-gc); one the script has already is not repeated. */
  before?: readonly string[];
  /** After the script's flags, just before the entry: modules to preload once its `--import tsx` is in. */
  after?: readonly string[];
}

/**
 * A part of Lanes as its root package.json script starts it (`pnpm broker`, `pnpm gateway`): the
 * script's node flags and entry, with the bench's own flags around them and `args` after. stdin is
 * closed; stdout and stderr are piped.
 */
export function spawnStartScript(name: StartScript, args: string[], added: AddedNodeFlags = {}): ChildProcess {
  const { nodeFlags, entry } = scriptCommand(name, `${repoRoot}package.json`);
  const before = (added.before ?? []).filter((flag) => !nodeFlags.includes(flag));
  return spawnTracked(process.execPath, [...before, ...nodeFlags, ...(added.after ?? []), entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves with the first capture of `pattern` in the child's stdout; rejects on exit or timeout. */
export function waitForLine(child: ChildProcess, pattern: RegExp, what: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    let stderr = '';
    const onStdout = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = pattern.exec(seen);
      if (match) finish(() => resolve(match[1] ?? match[0]));
    };
    const onStderr = (chunk: Buffer) => (stderr += chunk.toString('utf8'));
    const onExit = (code: number | null) => finish(() => reject(new Error(`${what} exited (code ${code}) before it was ready.\n${seen}${stderr}`)));
    const timer = setTimeout(() => finish(() => reject(new Error(`${what} was not ready within ${timeoutMs} ms.\n${seen}${stderr}`))), timeoutMs);
    function finish(settle: () => void) {
      clearTimeout(timer);
      child.stdout?.off('data', onStdout);
      child.stderr?.off('data', onStderr);
      child.off('exit', onExit);
      settle();
    }
    child.stdout?.on('data', onStdout);
    child.stderr?.on('data', onStderr);
    child.on('exit', onExit);
  });
}

/** The last few kilobytes a child writes to stderr, kept as it writes, for error messages. */
export function stderrTail(child: ChildProcess, maxChars = 4_000): () => string {
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-maxChars);
  });
  return () => tail;
}

/** Asks a child to stop with SIGTERM, and kills it if it has not exited within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export interface TimedRun {
  code: number | null;
  stderr: string;
  /** Milliseconds from spawn to exit. */
  elapsedMs: number;
  /** Milliseconds from spawn to the last stdout chunk (0 when nothing was printed). */
  lastOutputMs: number;
  /** Bytes written to stdout, and how many of them were newlines. */
  stdoutBytes: number;
  stdoutNewlines: number;
}

const NEWLINE = 0x0a;

/**
 * Runs a command to completion under a deadline. stdout is counted, never kept, so a consumer that
 * prints hundreds of megabytes costs the bench almost nothing.
 */
export function runTimed(command: string, args: string[], timeoutMs: number): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawnTracked(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdoutBytes = 0;
    let stdoutNewlines = 0;
    let lastOutputMs = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      lastOutputMs = performance.now() - started;
      stdoutBytes += chunk.length;
      for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) stdoutNewlines++;
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    settleWithin(child, `${command} ${args.join(' ')}`, timeoutMs, () => stderr, reject, (code) =>
      resolve({ code, stderr, elapsedMs: performance.now() - started, lastOutputMs, stdoutBytes, stdoutNewlines }),
    );
  });
}

/** Runs a short command to completion under a deadline and keeps what it printed. */
export function runCaptured(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnTracked(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    settleWithin(child, `${command} ${args.join(' ')}`, timeoutMs, () => stderr, reject, (code) => resolve({ code, stdout, stderr }));
  });
}

/** Kills `child` if it runs past `timeoutMs` (rejecting with its last stderr), else settles on close. */
function settleWithin(
  child: ChildProcess,
  what: string,
  timeoutMs: number,
  stderr: () => string,
  reject: (error: Error) => void,
  onClose: (code: number | null) => void,
): void {
  const timer = setTimeout(() => {
    child.kill('SIGKILL');
    reject(new Error(`${what} did not finish within ${timeoutMs} ms.\n${stderr().slice(-2000)}`));
  }, timeoutMs);
  child.on('error', (error) => {
    clearTimeout(timer);
    reject(new Error(`could not start ${what.split(' ')[0]}: ${error.message}`));
  });
  child.on('close', (code) => {
    clearTimeout(timer);
    onClose(code);
  });
}
