import { once } from 'node:events';
import { connect } from 'node:net';
import type { Measurement } from './measurement';

/** The size of each write, matching the producers' batch.size=16384. */
export const LOOPBACK_WRITE_BYTES = 16 * 1024;

/**
 * The ceiling: copies `totalBytes` over loopback TCP to loopback-sink.ts in 16 KB writes, honouring
 * backpressure, and stops the clock when the sink confirms it received every byte. No broker can
 * ingest faster than this on the same machine, so it is the yardstick for ingest MB/s.
 */
export async function measureLoopbackCopy(sinkAddress: string, totalBytes: number): Promise<Measurement> {
  const [host, port] = splitAddress(sinkAddress);
  const chunk = Buffer.alloc(LOOPBACK_WRITE_BYTES, 'x');
  const started = performance.now();
  const socket = connect({ host, port });
  await once(socket, 'connect');
  let reply = '';
  socket.setEncoding('utf8').on('data', (text: string) => (reply += text));
  const closed = once(socket, 'close');
  for (let remaining = totalBytes; remaining > 0; ) {
    const size = Math.min(remaining, chunk.length);
    remaining -= size;
    if (!socket.write(size === chunk.length ? chunk : chunk.subarray(0, size))) await once(socket, 'drain');
  }
  socket.end();
  await closed;
  const elapsedMs = performance.now() - started;
  const received = Number(reply.trim());
  if (received !== totalBytes) throw new Error(`the loopback sink received ${reply.trim() || 'nothing'} bytes, not ${totalBytes}.`);
  return { records: 0, valueBytes: totalBytes, elapsedMs };
}

export function splitAddress(address: string): [string, number] {
  const colon = address.lastIndexOf(':');
  const port = Number(address.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(port)) throw new Error(`'${address}' is not HOST:PORT.`);
  return [address.slice(0, colon), port];
}
