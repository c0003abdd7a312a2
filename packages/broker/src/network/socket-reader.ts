import { Socket } from 'node:net';

/**
 * Size of the one buffer each connection reads into. Node's own reads are 64 KiB; with four times
 * that, a busy producer's read holds about twenty 12 KB requests rather than five, so fewer requests
 * straddle two reads (those are copied whole, frame-splitter.ts) and there are a quarter of the read
 * system calls: 3-10 % less broker CPU with kcat producing 4 KB records (docs/performance.md).
 */
const READ_BUFFER_BYTES = 256 * 1024;

/**
 * Gives an accepted connection a read buffer of its own, reused for every read: `onChunk` gets a
 * view of it that is valid only until it returns (frame-splitter.ts copies what outlives that).
 *
 * By default Node reads every chunk into fresh memory. A producer sending 330 MB made the broker
 * allocate and later collect 5,000 such buffers, which cost more CPU than decoding, checking and
 * storing the batches (docs/performance.md). Node reuses a buffer only for sockets created with
 * `onread`, which a server cannot pass for the sockets it accepts, so the accepted socket's handle
 * is moved into a new Socket created with `onread`. That uses Node's internal `_handle`; should a
 * Node version not have it, the accepted socket is read as usual (fresh memory for each read),
 * which is as correct and only slower.
 *
 * The server must be created with `pauseOnConnect: true`, so that nothing is read before the move.
 */
export function readWithReusedBuffer(accepted: Socket, onChunk: (chunk: Buffer) => void): Socket {
  const internal = accepted as unknown as { _handle?: unknown };
  if (!internal._handle) {
    accepted.on('data', onChunk);
    accepted.resume();
    return accepted;
  }
  const handle = internal._handle;
  // The accepted socket lets go of the handle and is destroyed, which counts it off the server's
  // connections; the handle (and the file descriptor) lives on in the new socket.
  internal._handle = null;
  accepted.destroy();
  const buffer = Buffer.allocUnsafeSlow(READ_BUFFER_BYTES);
  const socket = new Socket({
    handle,
    readable: true,
    writable: true,
    onread: { buffer, callback: (bytes: number, into: Buffer) => void onChunk(into.subarray(0, bytes)) },
  } as ConstructorParameters<typeof Socket>[0]);
  return socket;
}
