import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CrashingConsumerArgs, CrashingConsumerLine } from './crashing-consumer';

const script = fileURLToPath(new URL('./crashing-consumer.ts', import.meta.url));
/** The repository root, where `tsx` resolves from. */
const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

/**
 * crashing-consumer.ts running in a child process. `node --import tsx` keeps the consumer in the
 * process we spawn (no wrapper script in between), so SIGKILL really kills the member.
 *
 * @example
 *   const member = new CrashingConsumerProcess({ bootstrap, groupId, topic, sessionTimeout: 3000, ... });
 *   await waitFor(() => member.latestJoin() !== undefined, () => member.describe(), 10_000);
 *   await member.kill();
 */
export class CrashingConsumerProcess {
  readonly lines: CrashingConsumerLine[] = [];
  private readonly stderr: string[] = [];
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;

  constructor(args: CrashingConsumerArgs) {
    this.child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(args)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    let partial = '';
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const part of parts) if (part.trim() !== '') this.lines.push(parseLine(part));
    });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => this.stderr.push(chunk));
  }

  /** The member id and partitions of its latest assignment. */
  latestJoin(): Extract<CrashingConsumerLine, { type: 'joined' }> | undefined {
    return this.lines.filter((line) => line.type === 'joined').at(-1);
  }

  records(): Extract<CrashingConsumerLine, { type: 'record' }>[] {
    return this.lines.filter((line) => line.type === 'record');
  }

  get isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  describe(): string {
    return `crashing consumer (pid ${this.child.pid}):\n  ${this.lines.slice(-10).map((l) => JSON.stringify(l)).join('\n  ')}\nstderr: ${this.stderr.join('').slice(-2000) || '(empty)'}`;
  }

  /** SIGKILL: no LeaveGroup, no commit, no goodbye. Resolves once the process is gone. */
  async kill(): Promise<void> {
    if (this.isRunning) this.child.kill('SIGKILL');
    await this.exited;
  }
}

function parseLine(text: string): CrashingConsumerLine {
  try {
    return JSON.parse(text) as CrashingConsumerLine;
  } catch {
    return { type: 'error', message: `unparseable output: ${text}` };
  }
}
