import { seededRandom } from '@lanes/partitioners';
import { KCAT_PRODUCER_SETTINGS } from '../broker/kcat-workload';
import { spawnTracked, stopChild } from '../broker/child-processes';

/**
 * The load the dashboard shows, from outside it: kcat (librdkafka) producing keyed records straight
 * to the embedded broker, fed through its stdin at a fixed rate. The dashboard's own load generator
 * is not used, so the browser measures drawing records, not generating them; and kcat rather than a
 * kafkajs process, because on a small machine every core the producer leaves free goes to Chromium.
 *
 * Every `TICK_MS` the lines that are due are written to kcat's stdin. When the pipe is full (kcat
 * or the broker cannot keep up) ticks are skipped and at most `MAX_CATCH_UP_S` of the deficit is
 * made up later, so a stall lowers the achieved rate instead of turning into a burst; the caller
 * reads the achieved rate from the broker's offsets.
 */

const TICK_MS = 5;
const MAX_CATCH_UP_S = 0.1;
/** Lines are drawn from a fixed block of this many, each with a key picked once at random. */
const BLOCK_LINES = 4096;
export const KEY_COUNT = 1000;
/** key TAB value: `user-0042\tclick ...` with a value of this many bytes (the line ends with \n). */
export const VALUE_BYTES = 40;
const STOP_TIMEOUT_MS = 60_000;

export interface PacedLoadOptions {
  bootstrap: string;
  topic: string;
  ratePerSecond: number;
  /** Stop after this many records (default: no limit; stop() ends the load). */
  records?: number;
}

export interface PacedLoad {
  /** Lines handed to kcat so far. */
  readonly written: number;
  /** Resolves once `records` lines are written (never, without a limit). */
  readonly done: Promise<void>;
  /** Stops writing, lets kcat flush every record it has read, and waits for it to exit. */
  stop(): Promise<void>;
}

function lineBlock(): { block: Buffer; lineBytes: number } {
  // Seeded, so every run sends the same keys in the same order.
  const random = seededRandom(4242);
  const lines: string[] = [];
  for (let i = 0; i < BLOCK_LINES; i++) {
    const key = `user-${String(Math.floor(random() * KEY_COUNT)).padStart(4, '0')}`;
    const value = `click ${String(i).padStart(6, '0')} `.padEnd(VALUE_BYTES, 'x');
    lines.push(`${key}\t${value}\n`);
  }
  const block = Buffer.from(lines.join(''), 'latin1');
  return { block, lineBytes: block.length / BLOCK_LINES };
}

export function startPacedLoad(options: PacedLoadOptions): PacedLoad {
  const { ratePerSecond } = options;
  const limit = options.records ?? Number.POSITIVE_INFINITY;
  const { block, lineBytes } = lineBlock();
  const child = spawnTracked('kcat', ['-P', '-b', options.bootstrap, '-t', options.topic, '-K', '\t', ...KCAT_PRODUCER_SETTINGS], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stdin = child.stdin!;
  // A broken pipe (kcat died) is reported by stop() with kcat's own words; it must not crash the bench.
  stdin.on('error', () => {});

  let written = 0;
  let nextLine = 0;
  let owedFrom = performance.now();
  let owedBase = 0;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));

  const write = (count: number) => {
    let left = count;
    while (left > 0) {
      const take = Math.min(left, BLOCK_LINES - nextLine);
      stdin.write(block.subarray(nextLine * lineBytes, (nextLine + take) * lineBytes));
      nextLine = (nextLine + take) % BLOCK_LINES;
      left -= take;
    }
    written += count;
  };

  const timer = setInterval(() => {
    if (child.exitCode !== null) return;
    const elapsedS = (performance.now() - owedFrom) / 1000;
    let due = Math.floor(owedBase + ratePerSecond * elapsedS) - written;
    if (due > ratePerSecond * MAX_CATCH_UP_S) {
      // Forgive the older deficit: restart the schedule from what has been written.
      owedFrom = performance.now();
      owedBase = written;
      due = Math.floor(ratePerSecond * MAX_CATCH_UP_S);
    }
    due = Math.min(due, limit - written);
    if (due > 0 && !stdin.writableNeedDrain) write(due);
    if (written >= limit) {
      clearInterval(timer);
      finish();
    }
  }, TICK_MS);

  return {
    get written() {
      return written;
    },
    done,
    async stop() {
      clearInterval(timer);
      finish();
      stdin.end();
      const timeout = setTimeout(() => void stopChild(child, 1_000), STOP_TIMEOUT_MS);
      const code = await exited;
      clearTimeout(timeout);
      // kcat reports each failed delivery on stderr ("% Delivery failed for message: ...").
      if (code !== 0 || /fail|error/i.test(stderr)) {
        throw new Error(`kcat -P to ${options.topic} failed (exit ${code}):\n${stderr.slice(-2000)}`);
      }
    },
  };
}
