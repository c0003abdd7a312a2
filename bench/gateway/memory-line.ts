/** The line memory-probe.ts prints in the gateway child, and how the bench reads it back. */
export const MEMORY_LINE_PREFIX = 'lanes-bench-memory ';

export interface GatewayMemory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** Whether a full garbage collection ran first (the child needs --expose-gc). */
  gc: boolean;
}

export function parseMemoryLine(line: string): GatewayMemory | undefined {
  if (!line.startsWith(MEMORY_LINE_PREFIX)) return undefined;
  const parsed = JSON.parse(line.slice(MEMORY_LINE_PREFIX.length)) as Partial<GatewayMemory>;
  if (typeof parsed.heapUsed !== 'number' || typeof parsed.rss !== 'number') throw new Error(`The gateway's memory probe printed an unexpected line: ${line}`);
  return parsed as GatewayMemory;
}
