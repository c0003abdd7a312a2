import { ApiKey } from '@lanes/kafka-protocol';
import { keepAsIs, type KeptBytes, type KeepView } from '../kept-bytes';

/**
 * Reassembles Kafka frames (int32 size, then that many bytes) from TCP chunks.
 * A frame inside one chunk is handed on as a view of it (no copy). A frame that spans chunks is
 * copied once into a buffer of exactly its size, except a Produce request (up to 1 MiB): that one is
 * copied into scratch memory the splitter reuses, for decoding, and `keep` turns the parts a
 * handler keeps (its record batches) back into views of the chunks they came in, so the bytes a
 * broker keeps are not copied into fresh memory (docs/performance.md). Scratch bytes are valid
 * only until the handler returns, which Produce, answered at once, never outlives.
 *
 * A size below zero or above `maxFrameBytes` is reported once and the splitter stops: the caller
 * closes that connection, as Kafka does for an oversized request (socket.request.max.bytes), before
 * buffering what the size announced.
 */
export type FrameSplitResult = { ok: true } | { ok: false; reason: string };

/** Produce requests up to this size go through scratch memory when split; larger ones are copied. */
const SCRATCH_MAX_BYTES = 1024 * 1024;

export class FrameSplitter {
  /** Chunks not yet consumed; the first may be partly consumed (see `offset`). */
  private pending: Buffer[] = [];
  private offset = 0;
  private pendingBytes = 0;
  private failed = false;
  private scratch: Buffer | null = null;

  constructor(
    private readonly maxFrameBytes: number,
    private readonly onFrame: (frame: Buffer, keep: KeepView) => void,
  ) {}

  push(chunk: Buffer): FrameSplitResult {
    if (this.failed) return { ok: false, reason: 'connection already failed' };
    if (chunk.length === 0) return { ok: true };
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    while (this.pendingBytes >= 4) {
      const size = this.peekSize();
      if (size < 0 || size > this.maxFrameBytes) {
        this.failed = true;
        this.pending = [];
        this.pendingBytes = 0;
        return {
          ok: false,
          reason: size < 0 ? `negative frame size ${size}` : `request of ${size} bytes exceeds the maximum of ${this.maxFrameBytes} bytes`,
        };
      }
      if (this.pendingBytes < 4 + size) break;
      this.skip(4);
      this.handOn(size);
    }
    return { ok: true };
  }

  private peekSize(): number {
    const first = this.pending[0]!;
    if (first.length - this.offset >= 4) return first.readInt32BE(this.offset);
    const head = Buffer.allocUnsafe(4);
    this.copyOut(head, 4, false);
    return head.readInt32BE(0);
  }

  private skip(size: number): void {
    this.copyOut(null, size, true);
  }

  /** Hands on the next `size` bytes as a frame: see the class comment for which way. */
  private handOn(size: number): void {
    if (size === 0) return this.onFrame(Buffer.alloc(0), keepAsIs);
    const first = this.pending[0]!;
    const inFirst = first.length - this.offset;
    if (inFirst >= size) {
      const frame = first.subarray(this.offset, this.offset + size);
      this.advance(size);
      return this.onFrame(frame, keepAsIs);
    }
    if (size <= SCRATCH_MAX_BYTES && inFirst >= 2 && first.readInt16BE(this.offset) === ApiKey.Produce) {
      const pieces = this.pieces(size);
      const scratch = (this.scratch = this.scratch && this.scratch.length >= size ? this.scratch : Buffer.allocUnsafeSlow(Math.max(size, 64 * 1024)));
      this.copyOut(scratch, size, true);
      return this.onFrame(scratch.subarray(0, size), (view) => keepFromPieces(view, scratch, pieces));
    }
    const frame = Buffer.allocUnsafe(size);
    this.copyOut(frame, size, true);
    this.onFrame(frame, keepAsIs);
  }

  /** The next `size` bytes as views of the chunks that hold them, in order. */
  private pieces(size: number): Buffer[] {
    const pieces: Buffer[] = [];
    let offset = this.offset;
    for (let index = 0, left = size; left > 0; index++, offset = 0) {
      const chunk = this.pending[index]!;
      const piece = chunk.subarray(offset, Math.min(chunk.length, offset + left));
      pieces.push(piece);
      left -= piece.length;
    }
    return pieces;
  }

  /** Copies (into `target`, if any) the next `size` bytes; consumes them when `consume`. */
  private copyOut(target: Buffer | null, size: number, consume: boolean): void {
    let written = 0;
    let index = 0;
    let offset = this.offset;
    while (written < size) {
      const chunk = this.pending[index]!;
      const n = Math.min(size - written, chunk.length - offset);
      if (target) chunk.copy(target, written, offset, offset + n);
      written += n;
      offset += n;
      if (offset === chunk.length) {
        index++;
        offset = 0;
      }
    }
    if (consume) {
      this.pending.splice(0, index);
      this.offset = offset;
      this.pendingBytes -= size;
    }
  }

  private advance(size: number): void {
    this.offset += size;
    this.pendingBytes -= size;
    if (this.offset === this.pending[0]!.length) {
      this.pending.shift();
      this.offset = 0;
    }
  }
}

/**
 * `view`, a part of a frame copied into `scratch`, as views of the chunks it came from: `pieces`
 * hold the frame's bytes in order. A view that is not scratch memory is its own.
 */
function keepFromPieces(view: Buffer, scratch: Buffer, pieces: readonly Buffer[]): KeptBytes {
  if (view.buffer !== scratch.buffer) return view;
  const start = view.byteOffset - scratch.byteOffset;
  const end = start + view.length;
  const kept: Buffer[] = [];
  let pieceStart = 0;
  for (const piece of pieces) {
    const pieceEnd = pieceStart + piece.length;
    if (pieceEnd > start && pieceStart < end) kept.push(piece.subarray(Math.max(start, pieceStart) - pieceStart, Math.min(end, pieceEnd) - pieceStart));
    pieceStart = pieceEnd;
  }
  return kept.length === 1 ? kept[0]! : kept;
}
