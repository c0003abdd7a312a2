/**
 * Runs a child process without blocking the event loop: the recording proxy lives in this
 * process, so a synchronous spawn would stall the very traffic the child is waiting for.
 */
import { spawn } from 'node:child_process';

export interface RunOptions {
  input?: string;
  timeoutMs?: number;
}

/** Resolves with stdout; rejects with stderr when the process fails or outlives `timeoutMs`. */
export function runProcess(command: string, args: string[], { input, timeoutMs = 90_000 }: RunOptions = {}): Promise<string> {
  const described = `${command} ${args.join(' ')}`;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${described} took longer than ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${described}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${described} exited ${code}\n${stderr}`));
    });
    child.stdin.end(input ?? '');
  });
}
