import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Heap still reachable after a full collection. Vitest does not start Node with --expose-gc, so
 * the flag is switched on at run time and `gc` fetched from a fresh context, where V8 installs it.
 */
export function reachableHeapBytes(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
