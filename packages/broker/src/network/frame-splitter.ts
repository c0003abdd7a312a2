/**
 * Reassembles Kafka frames (int32 size, then that many bytes) from TCP chunks.
 * A size below zero or above `maxFrameBytes` is reported once and the splitter stops: the caller
 * closes that connection, as Kafka does for an oversized request (socket.request.max.bytes).
 */
export type FrameSplitResult = { ok: true } | { ok: false; reason: string };

export class FrameSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private failed = false;

  constructor(
    private readonly maxFrameBytes: number,
    private readonly onFrame: (frame: Buffer) => void,
  ) {}

  push(chunk: Buffer): FrameSplitResult {
    if (this.failed) return { ok: false, reason: 'connection already failed' };
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    while (this.pendingBytes >= 4) {
      const head = this.peekSize();
      if (head < 0 || head > this.maxFrameBytes) {
        this.failed = true;
        this.pending = [];
        return {
          ok: false,
          reason: head < 0 ? `negative frame size ${head}` : `request of ${head} bytes exceeds the maximum of ${this.maxFrameBytes} bytes`,
        };
      }
      if (this.pendingBytes < 4 + head) break;
      this.onFrame(this.take(4 + head).subarray(4));
    }
    return { ok: true };
  }

  private peekSize(): number {
    const first = this.pending[0]!;
    if (first.length >= 4) return first.readInt32BE(0);
    return this.take(4, true).readInt32BE(0);
  }

  /** Removes `size` bytes from the front; with `peek`, only looks. Copies only when a frame spans chunks. */
  private take(size: number, peek = false): Buffer {
    const first = this.pending[0]!;
    let result: Buffer;
    if (first.length >= size) {
      result = first.subarray(0, size);
      if (!peek) {
        if (first.length === size) this.pending.shift();
        else this.pending[0] = first.subarray(size);
      }
    } else {
      const merged = Buffer.concat(this.pending, this.pendingBytes);
      result = merged.subarray(0, size);
      this.pending = peek ? [merged] : merged.length > size ? [merged.subarray(size)] : [];
    }
    if (!peek) this.pendingBytes -= size;
    return result;
  }
}
