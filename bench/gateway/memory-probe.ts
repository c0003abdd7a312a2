import { MEMORY_LINE_PREFIX } from './memory-line';

/**
 * Preloaded into the gateway child (`node [the gateway script's flags, --expose-gc among them]
 * --import ./bench/gateway/memory-probe.ts apps/gateway/src/main.ts ...`), so the bench can read the gateway's heap with no code in the
 * gateway itself. On SIGUSR2 it runs a full garbage collection (when --expose-gc allows it), so the
 * figure is what the gateway retains rather than what it has not collected yet, and prints one
 * line on stdout (see memory-line.ts). SIGUSR1 would start the inspector; SIGUSR2 is free in Node.
 */
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  process.stdout.write(`${MEMORY_LINE_PREFIX}${JSON.stringify({ ...process.memoryUsage(), gc: gc !== undefined })}\n`);
});
