import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs third-party Kafka clients as child processes, always under a deadline, so a client that hangs
 * on a broker bug fails its test with what it printed instead of hanging the whole run.
 */

/** Debian's interpreter: the `python3` on PATH is a pyenv build without kafka-python or confluent-kafka. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

const clientsDir = fileURLToPath(new URL('./clients/', import.meta.url));

export interface FinishedProcess {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  timeoutMs: number;
  /** Written to stdin, which is then closed. */
  input?: string;
  /** Added to this process's environment. */
  env?: Record<string, string>;
}

/** Runs a command to completion; rejects if it is still running after `timeoutMs`. */
export function runProcess(command: string, args: string[], options: RunOptions): Promise<FinishedProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${describe(command, args)} did not finish within ${options.timeoutMs} ms.\n${tail(stdout, stderr)}`));
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${command}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.on('error', () => undefined); // the client may exit before reading its input
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Runs clients/<script> with one JSON argument and returns the one JSON line it prints.
 * The scripts follow clients/json_cli.py: exit code 0 and a JSON line, or a traceback on stderr.
 */
export async function runPythonClient<T>(script: string, args: object, timeoutMs: number): Promise<T> {
  const finished = await runProcess(SYSTEM_PYTHON, [clientsDir + script, JSON.stringify(args)], {
    timeoutMs,
    // Keeps clients/__pycache__ out of the source tree (the scripts import json_cli.py).
    env: { PYTHONDONTWRITEBYTECODE: '1' },
  });
  const lastLine = finished.stdout.trim().split('\n').at(-1) ?? '';
  if (finished.code !== 0 || lastLine === '') {
    throw new Error(`${script} exited with code ${finished.code}.\n${tail(finished.stdout, finished.stderr)}`);
  }
  return JSON.parse(lastLine) as T;
}

/** A client that runs until stopped (a kcat group member), with its output collected line by line. */
export class RunningProcess {
  readonly stdoutLines: string[] = [];
  readonly stderrLines: string[] = [];
  private readonly child: ChildProcess;
  private exited = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly command: string,
    private readonly args: string[],
  ) {
    this.child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    collectLines(this.child.stdout, this.stdoutLines, () => this.notify());
    collectLines(this.child.stderr, this.stderrLines, () => this.notify());
    this.child.on('exit', () => {
      this.exited = true;
      this.notify();
    });
    this.child.on('error', () => {
      this.exited = true;
      this.notify();
    });
  }

  /** Resolves once `condition` holds (checked whenever output arrives); rejects after `timeoutMs`. */
  waitFor(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
    return waitForAll([this], condition, what, timeoutMs);
  }

  onOutput(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get hasExited(): boolean {
    return this.exited;
  }

  describe(): string {
    return `${describe(this.command, this.args)}\n${tail(this.stdoutLines.join('\n'), this.stderrLines.join('\n'))}`;
  }

  /** SIGTERM, then SIGKILL if the client has not exited within `graceMs`. */
  async stop(graceMs = 3000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Resolves once `condition` holds across several processes' output; rejects after `timeoutMs`. */
export function waitForAll(
  processes: RunningProcess[],
  condition: () => boolean,
  what: string,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const unsubscribes: Array<() => void> = [];
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      unsubscribes.forEach((unsubscribe) => unsubscribe());
      if (error) reject(error);
      else resolve();
    };
    const check = (): void => {
      if (condition()) finish();
      else if (processes.some((p) => p.hasExited)) finish(new Error(`a client exited while waiting for ${what}:\n${report()}`));
    };
    const report = (): string => processes.map((p) => p.describe()).join('\n---\n');
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}:\n${report()}`)), timeoutMs);
    for (const p of processes) unsubscribes.push(p.onOutput(check));
    check();
  });
}

function collectLines(stream: NodeJS.ReadableStream | null, into: string[], onLine: () => void): void {
  if (!stream) return;
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    into.push(...lines);
    onLine();
  });
}

function describe(command: string, args: string[]): string {
  return [command, ...args].join(' ');
}

function tail(stdout: string, stderr: string): string {
  const last = (text: string): string => text.slice(-3000);
  return `stdout: ${last(stdout) || '(empty)'}\nstderr: ${last(stderr) || '(empty)'}`;
}
