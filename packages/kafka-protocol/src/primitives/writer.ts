const INLINE_COPY_LIMIT = 1024;
const MAX_SCRATCH_BYTES = 64 * 1024;
/** The scratch after a flush: nothing is written to it, the next write makes a new one. */
const NO_SCRATCH = Buffer.alloc(0);
const TWO_POW_32 = 4294967296;

/** A bytes field's value: one array of bytes, or several written back to back as one. */
export type Bytes = Uint8Array | readonly Uint8Array[];

/** The length of a bytes field's value on the wire: all its chunks together. */
export function bytesLength(value: Bytes): number {
  if (!Array.isArray(value)) return (value as Uint8Array).length;
  let length = 0;
  for (const chunk of value as readonly Uint8Array[]) length += chunk.length;
  return length;
}

/**
 * Writes Kafka primitive types into a list of chunks.
 *
 * Small fields are copied into a growing scratch buffer; large byte fields (record batches in
 * Produce and Fetch) are kept by reference, so a Fetch response that carries megabytes of stored
 * batches never copies them: the socket writes the chunks as they are. A bytes field may be given
 * as a list of chunks (`Bytes`), written one after another as one field: the broker passes a
 * partition's stored batches that way instead of joining them.
 */
export class Writer {
  private readonly done: Buffer[] = [];
  private scratch: Buffer;
  /** Each new scratch buffer is twice the last, up to 64 KiB. */
  private nextScratchBytes: number;
  private position = 0;
  private doneLength = 0;

  constructor(initialSize = 256) {
    this.scratch = Buffer.allocUnsafe(initialSize);
    this.nextScratchBytes = Math.min(initialSize * 2, MAX_SCRATCH_BYTES);
  }

  get length(): number {
    return this.doneLength + this.position;
  }

  private room(size: number): number {
    if (this.position + size > this.scratch.length) {
      this.flushScratch();
      // A new scratch is made here, when something is to be written to it, not at the flush: the
      // last flush of every message (toChunks) would allocate a buffer that nothing fills.
      this.scratch = Buffer.allocUnsafe(Math.max(size, this.nextScratchBytes));
      this.nextScratchBytes = Math.min(this.nextScratchBytes * 2, MAX_SCRATCH_BYTES);
    }
    const at = this.position;
    this.position += size;
    return at;
  }

  /** Moves what the scratch holds into the finished chunks; the rest of it is not written to again. */
  private flushScratch(): void {
    if (this.position === 0) return;
    this.done.push(this.scratch.subarray(0, this.position));
    this.doneLength += this.position;
    this.scratch = NO_SCRATCH;
    this.position = 0;
  }

  private byte(value: number): void {
    const at = this.room(1);
    this.scratch[at] = value;
  }

  int8(value: number): this {
    const at = this.room(1);
    this.scratch.writeInt8(value, at);
    return this;
  }

  bool(value: boolean): this {
    this.byte(value ? 1 : 0);
    return this;
  }

  int16(value: number): this {
    const at = this.room(2);
    this.scratch.writeInt16BE(value, at);
    return this;
  }

  uint16(value: number): this {
    const at = this.room(2);
    this.scratch.writeUInt16BE(value, at);
    return this;
  }

  int32(value: number): this {
    const at = this.room(4);
    this.scratch.writeInt32BE(value, at);
    return this;
  }

  uint32(value: number): this {
    const at = this.room(4);
    this.scratch.writeUInt32BE(value, at);
    return this;
  }

  int64(value: number): this {
    const at = this.room(8);
    const high = Math.floor(value / TWO_POW_32);
    this.scratch.writeInt32BE(high, at);
    this.scratch.writeUInt32BE(value - high * TWO_POW_32, at + 4);
    return this;
  }

  float64(value: number): this {
    const at = this.room(8);
    this.scratch.writeDoubleBE(value, at);
    return this;
  }

  uvarint(value: number): this {
    let rest = value >>> 0;
    while (rest >= 0x80) {
      this.byte((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    this.byte(rest);
    return this;
  }

  varint(value: number): this {
    return this.uvarint(((value << 1) ^ (value >> 31)) >>> 0);
  }

  varlong(value: number): this {
    // Zig-zag in floating point so that values up to 2^53 stay exact.
    let rest = value >= 0 ? value * 2 : -value * 2 - 1;
    while (rest >= 0x80) {
      this.byte((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.byte(rest);
    return this;
  }

  uuid(value: string): this {
    const at = this.room(16);
    const written = this.scratch.write(value.padStart(32, '0'), at, 16, 'hex');
    if (written !== 16) throw new RangeError(`not a 16-byte hex uuid: ${value}`);
    return this;
  }

  raw(bytes: Uint8Array): this {
    if (bytes.length >= INLINE_COPY_LIMIT) {
      this.flushScratch();
      this.done.push(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
      this.doneLength += bytes.length;
    } else {
      const at = this.room(bytes.length);
      this.scratch.set(bytes, at);
    }
    return this;
  }

  string(value: string): this {
    return this.nullableString(value);
  }

  nullableString(value: string | null): this {
    if (value === null) return this.int16(-1);
    const length = Buffer.byteLength(value);
    if (length > 0x7fff) throw new RangeError(`string of ${length} bytes exceeds int16 length`);
    this.int16(length);
    const at = this.room(length);
    this.scratch.write(value, at, length, 'utf8');
    return this;
  }

  compactString(value: string): this {
    return this.compactNullableString(value);
  }

  compactNullableString(value: string | null): this {
    if (value === null) return this.uvarint(0);
    const length = Buffer.byteLength(value);
    this.uvarint(length + 1);
    const at = this.room(length);
    this.scratch.write(value, at, length, 'utf8');
    return this;
  }

  bytes(value: Bytes): this {
    return this.nullableBytes(value);
  }

  nullableBytes(value: Bytes | null): this {
    if (value === null) return this.int32(-1);
    return this.int32(bytesLength(value)).rawChunks(value);
  }

  compactBytes(value: Bytes): this {
    return this.compactNullableBytes(value);
  }

  compactNullableBytes(value: Bytes | null): this {
    if (value === null) return this.uvarint(0);
    return this.uvarint(bytesLength(value) + 1).rawChunks(value);
  }

  private rawChunks(value: Bytes): this {
    if (!Array.isArray(value)) return this.raw(value as Uint8Array);
    for (const chunk of value as readonly Uint8Array[]) this.raw(chunk);
    return this;
  }

  arrayLength(count: number | null): this {
    return this.int32(count === null ? -1 : count);
  }

  compactArrayLength(count: number | null): this {
    return this.uvarint(count === null ? 0 : count + 1);
  }

  /** The written bytes as chunks, for a vectored socket write. */
  toChunks(): Buffer[] {
    this.flushScratch();
    return this.done;
  }

  toBuffer(): Buffer {
    const chunks = this.toChunks();
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, this.doneLength);
  }
}
