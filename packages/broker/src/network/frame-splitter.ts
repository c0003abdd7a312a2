import { ApiKey, readInt16, readInt32 } from '@lanes/kafka-protocol';

/** What `push` reports: whether the connection can go on. */
export type FrameSplitResult = { ok: true } | { ok: false; reason: string };

/**
 * Where whole frames go: an object with a method (a Connection) rather than a closure made for each
 * connection (socket-reader.ts says why).
 */
export interface FrameReceiver {
  receiveFrame(frame: Buffer): void;
}

const SIZE_BYTES = 4;
/** Frames up to this size are assembled in reused scratch memory; larger ones in memory of their own. */
const SCRATCH_MAX_BYTES = 1024 * 1024;

/**
 * Reassembles Kafka frames (int32 size, then that many bytes) from TCP chunks whose memory is reused
 * once `push` returns (the connection reads every chunk into one buffer: socket-reader.ts).
 *
 * What a frame handler gets:
 * - a Produce request: bytes valid only until the handler returns, a view of the chunk or of
 *   scratch memory the splitter reuses. Produce is answered at once and the log copies the batches
 *   it keeps, so nothing of it outlives the call, and the bulk of what clients send is never copied
 *   before the log's own copy.
 * - any other request: bytes of its own. Handlers keep parts of them (a JoinGroup's protocol
 *   metadata, a SyncGroup's assignments) and may answer later (a long-poll Fetch).
 * A frame that spans chunks is copied once as its pieces arrive: a Produce request into the scratch
 * memory when it fits (up to 1 MiB), any other request (or a larger one) into a buffer of its own.
 *
 * A size below zero or above `maxFrameBytes` is reported once and the splitter stops: the caller
 * closes that connection, as Kafka does for an oversized request (socket.request.max.bytes), before
 * buffering what the size announced.
 */
export class FrameSplitter {
  /** The size prefix read so far when it arrived split. */
  private readonly sizeBytes = Buffer.alloc(SIZE_BYTES);
  private sizeHave = 0;
  /** The frame being assembled from more than one chunk, and how much of it has arrived. */
  private assembling: Buffer | null = null;
  private assembled = 0;
  private scratch: Buffer | null = null;
  private failed = false;

  constructor(
    private readonly maxFrameBytes: number,
    private readonly receiver: FrameReceiver,
  ) {}

  push(chunk: Buffer): FrameSplitResult {
    if (this.failed) return { ok: false, reason: 'connection already failed' };
    let at = 0;
    while (at < chunk.length) {
      if (this.assembling) {
        at = this.fill(chunk, at);
        continue;
      }
      let size: number;
      if (this.sizeHave === 0 && chunk.length - at >= SIZE_BYTES) {
        size = readInt32(chunk, at);
        at += SIZE_BYTES;
      } else {
        const n = Math.min(SIZE_BYTES - this.sizeHave, chunk.length - at);
        chunk.copy(this.sizeBytes, this.sizeHave, at, at + n);
        this.sizeHave += n;
        at += n;
        if (this.sizeHave < SIZE_BYTES) break;
        this.sizeHave = 0;
        size = readInt32(this.sizeBytes, 0);
      }
      if (size < 0 || size > this.maxFrameBytes) {
        this.failed = true;
        return {
          ok: false,
          reason: size < 0 ? `negative frame size ${size}` : `request of ${size} bytes exceeds the maximum of ${this.maxFrameBytes} bytes`,
        };
      }
      if (chunk.length - at >= size) {
        const frame = chunk.subarray(at, at + size);
        at += size;
        this.receiver.receiveFrame(isProduce(frame) ? frame : Buffer.from(frame));
      } else {
        this.assembling = this.assemblyMemory(size, chunk, at);
        this.assembled = 0;
      }
    }
    return { ok: true };
  }

  /** Copies what `chunk` holds of the frame being assembled; hands the frame on once whole. */
  private fill(chunk: Buffer, at: number): number {
    const frame = this.assembling!;
    const n = Math.min(frame.length - this.assembled, chunk.length - at);
    chunk.copy(frame, this.assembled, at, at + n);
    this.assembled += n;
    if (this.assembled === frame.length) {
      this.assembling = null;
      const ownMemory = frame.buffer !== this.scratch?.buffer;
      this.receiver.receiveFrame(ownMemory || isProduce(frame) ? frame : Buffer.from(frame));
    }
    return at + n;
  }

  /**
   * Where a frame that spans chunks is put together: any request but Produce in memory of its own,
   * which is handed on as it is; a Produce request (or one whose API key has not arrived yet) in the
   * reused scratch memory when it fits.
   */
  private assemblyMemory(size: number, chunk: Buffer, at: number): Buffer {
    const otherThanProduce = size >= 2 && chunk.length - at >= 2 && readInt16(chunk, at) !== ApiKey.Produce;
    if (otherThanProduce) return Buffer.allocUnsafe(size);
    return size <= SCRATCH_MAX_BYTES ? this.scratchOf(size) : Buffer.allocUnsafeSlow(size);
  }

  private scratchOf(size: number): Buffer {
    if (!this.scratch || this.scratch.length < size) this.scratch = Buffer.allocUnsafeSlow(Math.max(size, 64 * 1024));
    return this.scratch.subarray(0, size);
  }
}

function isProduce(frame: Buffer): boolean {
  return frame.length >= 2 && readInt16(frame, 0) === ApiKey.Produce;
}
