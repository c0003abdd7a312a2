import { Socket } from 'node:net';

/**
 * Size of the one buffer each connection reads into. Node's own reads are 64 KiB; with four times
 * that, a busy producer's read holds about twenty 12 KB requests rather than five, so fewer requests
 * straddle two reads (those are copied whole, frame-splitter.ts) and there are a quarter of the read
 * system calls: 3-10 % less broker CPU with kcat producing 4 KB records (docs/performance.md).
 */
const READ_BUFFER_BYTES = 256 * 1024;

/** What an accepted socket's reads go to (a Connection). */
export interface ChunkReceiver {
  /** Bytes read from the socket: a view of its read buffer, valid only until this returns. */
  receive(chunk: Buffer): void;
}

/**
 * Each read buffer's receiver. Node hands `onread`'s callback the buffer it read into, so one
 * function serves every connection. A callback made per connection (a closure) was a new call
 * target on Node's read path each time a client connected: V8 dropped the compiled code of the
 * functions that had inlined the old one (Node's onStreamRead, the frame splitter's push, the
 * connection's frame handler: "wrong call target" in `--trace-deopt`) and compiled them again. The
 * frame splitter and the response queue call their connection's methods for the same reason.
 */
const receivers = new WeakMap<Buffer, ChunkReceiver>();

function deliverRead(bytes: number, buffer: Buffer): void {
  receivers.get(buffer)?.receive(buffer.subarray(0, bytes));
}

/**
 * Gives an accepted connection a read buffer of its own, reused for every read, and makes its
 * receiver with `receiverFor` (given the socket to write to), which then gets every read as a view
 * of that buffer (frame-splitter.ts copies what outlives the call).
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
export function readWithReusedBuffer<R extends ChunkReceiver>(accepted: Socket, receiverFor: (socket: Socket) => R): R {
  const internal = accepted as unknown as { _handle?: unknown };
  if (!internal._handle) {
    const receiver = receiverFor(accepted);
    accepted.on('data', (chunk: Buffer) => receiver.receive(chunk));
    accepted.resume();
    return receiver;
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
    onread: { buffer, callback: deliverRead },
  } as ConstructorParameters<typeof Socket>[0]);
  // Reads are delivered from a later turn of the event loop, once the receiver is registered.
  const receiver = receiverFor(socket);
  receivers.set(buffer, receiver);
  return receiver;
}
