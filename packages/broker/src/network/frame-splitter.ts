/**
 * Reassembles Kafka frames (int32 size, then that many bytes) from TCP chunks.
 * A frame inside one chunk is handed on as a view of it (no copy); a frame that spans chunks is
 * copied once into a buffer of exactly its size. A size below zero or above `maxFrameBytes` is
 * reported once and the splitter stops: the caller closes that connection, as Kafka does for an
 * oversized request (socket.request.max.bytes), before buffering what the size announced.
 */
export type FrameSplitResult = { ok: true } | { ok: false; reason: string };

export class FrameSplitter {
  /** Chunks not yet consumed; the first may be partly consumed (see `offset`). */
  private pending: Buffer[] = [];
  private offset = 0;
  private pendingBytes = 0;
  private failed = false;

  constructor(
    private readonly maxFrameBytes: number,
    private readonly onFrame: (frame: Buffer) => void,
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
      this.onFrame(this.take(size));
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

  /** The next `size` bytes: a view when they lie in one chunk, else one exact-size copy. */
  private take(size: number): Buffer {
    if (size === 0) return Buffer.alloc(0);
    const first = this.pending[0]!;
    if (first.length - this.offset >= size) {
      const frame = first.subarray(this.offset, this.offset + size);
      this.advance(size);
      return frame;
    }
    const frame = Buffer.allocUnsafe(size);
    this.copyOut(frame, size, true);
    return frame;
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
