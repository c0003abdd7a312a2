/**
 * Reassembles Kafka frames from a TCP byte stream. Every Kafka request and response is an int32
 * size followed by that many bytes ("Common Request and Response Structure" in protocol.html);
 * TCP may cut or join them anywhere, so bytes are buffered until a whole frame is in.
 */
export class FrameSplitter {
  private pending: Buffer = Buffer.alloc(0);

  constructor(
    private readonly onFrame: (frame: Buffer) => void,
    /** A real client never sends near this; a bigger size means we are out of step with the stream. */
    private readonly maxFrameSize = 100 * 1024 * 1024,
  ) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    while (this.pending.length >= 4) {
      const size = this.pending.readInt32BE(0);
      if (size < 0 || size > this.maxFrameSize) {
        throw new Error(`frame size ${size} is not plausible: the stream is not Kafka or we lost sync`);
      }
      if (this.pending.length < 4 + size) return;
      // Copy: the frame outlives this chunk (it is recorded), and subarray would pin the whole chunk.
      const frame = Buffer.from(this.pending.subarray(4, 4 + size));
      this.pending = this.pending.subarray(4 + size);
      this.onFrame(frame);
    }
  }

  /** Bytes received that do not yet make a whole frame. */
  get bufferedBytes(): number {
    return this.pending.length;
  }
}

/** Prefixes a frame with its int32 size, ready for the socket. */
export function withSizePrefix(frame: Buffer): Buffer {
  const size = Buffer.allocUnsafe(4);
  size.writeInt32BE(frame.length, 0);
  return Buffer.concat([size, frame]);
}
