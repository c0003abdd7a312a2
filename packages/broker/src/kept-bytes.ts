/**
 * Bytes the broker keeps from a request (a produced record batch, in the log): one Buffer, or the
 * pieces of it that arrived in separate socket reads, as views of those reads, in order. Joining
 * them would copy the bytes into fresh memory, which costs more than anything else the broker does
 * with them (docs/performance.md), so they are joined only when a reader needs one Buffer. It is a
 * bytes field's value as the protocol's Writer takes it, so `bytesLength` (@lanes/kafka-protocol)
 * counts it.
 */
export type KeptBytes = Buffer | readonly Buffer[];

/** Turns a view of a request frame into bytes that stay valid after the frame is handled. */
export type KeepView = (view: Buffer) => KeptBytes;

/** For frames that are their own memory: the view is kept as it is. */
export const keepAsIs: KeepView = (view) => view;

/** The Buffers to write, in order. */
export function keptPieces(bytes: KeptBytes): readonly Buffer[] {
  return Buffer.isBuffer(bytes) ? [bytes] : bytes;
}

/** Every piece of `list`, in order: what a Fetch response writes, chunk by chunk. */
export function allPieces(list: readonly KeptBytes[]): Buffer[] {
  const pieces: Buffer[] = [];
  for (const bytes of list) {
    if (Buffer.isBuffer(bytes)) pieces.push(bytes);
    else pieces.push(...bytes);
  }
  return pieces;
}

/** One contiguous Buffer: the bytes themselves, or the pieces joined (a copy). */
export function contiguous(bytes: KeptBytes): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.concat(bytes);
}
