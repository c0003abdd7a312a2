const INLINE_COPY_LIMIT = 1024;
const MAX_SCRATCH_BYTES = 64 * 1024;
/** Size of the shared memory small writes go into (see Arena). */
const ARENA_BYTES = 16 * 1024;
/** A Writer takes arena memory only if at least this much is left; otherwise a new arena is made. */
const MIN_ARENA_TAKE = 256;
/** Strings up to this many UTF-16 units are tried as ASCII, byte by byte, before UTF-8 encoding. */
const ASCII_FAST_PATH_LENGTH = 64;
/** The scratch after a flush: nothing is written to it, the next write makes a new one. */
const NO_SCRATCH = Buffer.alloc(0);
const NO_VIEW = new DataView(new ArrayBuffer(0));
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
 * Memory that Writers take turns to write small fields into, as Node's Buffer pool does for
 * Buffer.allocUnsafe: a broker answers tens of thousands of small requests a second, and a buffer
 * of its own for each answer cost more than encoding it. A Writer takes everything left (so two
 * Writers, one nested in the other, never share bytes) and gives back what it did not use when it
 * flushes. Consecutive answers thus sit side by side, which lets the connection send a turn's
 * answers as one piece (network/connection.ts). What a Writer returns keeps its arena alive, like
 * any view of a pooled Buffer.
 */
class Arena {
  readonly buffer = Buffer.allocUnsafeSlow(ARENA_BYTES);
  readonly view = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.length);
  position = 0;
}

let arena = new Arena();

/**
 * Writes Kafka primitive types into a list of chunks.
 *
 * Small fields are copied into scratch memory (a shared Arena, or a buffer of the Writer's own when
 * a field is too large for one); large byte fields (record batches in Produce and Fetch) are kept by
 * reference, so a Fetch response that carries megabytes of stored batches never copies them: the
 * socket writes the chunks as they are. A bytes field may be given as a list of chunks (`Bytes`),
 * written one after another as one field: the broker passes a partition's stored batches that way
 * instead of joining them. Integers out of their type's range throw RangeError.
 */
export class Writer {
  private readonly done: Buffer[] = [];
  private scratch: Buffer = NO_SCRATCH;
  private view: DataView = NO_VIEW;
  /** The arena the scratch belongs to, while this Writer holds part of it. */
  private arena: Arena | null = null;
  /** Where this Writer's bytes start in the scratch, where the next goes, and where the scratch ends. */
  private start = 0;
  private position = 0;
  private limit = 0;
  private doneLength = 0;
  /** Each scratch buffer of the Writer's own is twice the last, up to 64 KiB. */
  private nextScratchBytes: number;

  /** `initialSize`: the first buffer of its own, when a field does not fit in the shared arena. */
  constructor(initialSize = 256) {
    this.nextScratchBytes = Math.min(Math.max(initialSize, 1), MAX_SCRATCH_BYTES);
  }

  get length(): number {
    return this.doneLength + this.position - this.start;
  }

  private room(size: number): number {
    if (this.position + size > this.limit) this.newScratch(size);
    const at = this.position;
    this.position += size;
    return at;
  }

  /**
   * Made when something is to be written to it, not at a flush: the last flush of every message
   * (toChunks) would otherwise take memory that nothing fills.
   */
  private newScratch(size: number): void {
    this.flushScratch();
    if (size <= ARENA_BYTES / 4) {
      if (arena.buffer.length - arena.position < Math.max(size, MIN_ARENA_TAKE)) arena = new Arena();
      this.arena = arena;
      this.scratch = arena.buffer;
      this.view = arena.view;
      this.start = this.position = arena.position;
      this.limit = arena.buffer.length;
      arena.position = this.limit;
      return;
    }
    this.scratch = Buffer.allocUnsafe(Math.max(size, this.nextScratchBytes));
    this.view = new DataView(this.scratch.buffer, this.scratch.byteOffset, this.scratch.length);
    this.start = this.position = 0;
    this.limit = this.scratch.length;
    this.nextScratchBytes = Math.min(this.nextScratchBytes * 2, MAX_SCRATCH_BYTES);
  }

  /** Moves what the scratch holds into the finished chunks; an arena gets back the part not written. */
  private flushScratch(): void {
    if (this.position > this.start) {
      this.done.push(this.scratch.subarray(this.start, this.position));
      this.doneLength += this.position - this.start;
    }
    // Gives the arena back what this Writer took and did not use, unless someone took more since.
    if (this.arena !== null && this.arena.position === this.limit) this.arena.position = this.position;
    this.arena = null;
    this.scratch = NO_SCRATCH;
    this.view = NO_VIEW;
    this.start = this.position = this.limit = 0;
  }

  private byte(value: number): void {
    const at = this.room(1);
    this.scratch[at] = value;
  }

  int8(value: number): this {
    checkRange('int8', value, -0x80, 0x7f);
    const at = this.room(1);
    this.view.setInt8(at, value);
    return this;
  }

  bool(value: boolean): this {
    this.byte(value ? 1 : 0);
    return this;
  }

  int16(value: number): this {
    checkRange('int16', value, -0x8000, 0x7fff);
    const at = this.room(2);
    this.view.setInt16(at, value);
    return this;
  }

  uint16(value: number): this {
    checkRange('uint16', value, 0, 0xffff);
    const at = this.room(2);
    this.view.setUint16(at, value);
    return this;
  }

  int32(value: number): this {
    checkRange('int32', value, -0x80000000, 0x7fffffff);
    const at = this.room(4);
    this.view.setInt32(at, value);
    return this;
  }

  uint32(value: number): this {
    checkRange('uint32', value, 0, 0xffffffff);
    const at = this.room(4);
    this.view.setUint32(at, value);
    return this;
  }

  int64(value: number): this {
    checkRange('int64', value, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const at = this.room(8);
    const high = Math.floor(value / TWO_POW_32);
    this.view.setInt32(at, high);
    this.view.setUint32(at + 4, value - high * TWO_POW_32);
    return this;
  }

  float64(value: number): this {
    const at = this.room(8);
    this.view.setFloat64(at, value);
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
    if (value.length <= ASCII_FAST_PATH_LENGTH && isAscii(value)) {
      const at = this.room(2 + value.length);
      this.view.setInt16(at, value.length);
      writeAscii(this.scratch, at + 2, value);
      return this;
    }
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
    if (value.length < 0x7f && value.length <= ASCII_FAST_PATH_LENGTH && isAscii(value)) {
      const at = this.room(1 + value.length);
      this.scratch[at] = value.length + 1;
      writeAscii(this.scratch, at + 1, value);
      return this;
    }
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

function checkRange(type: string, value: number, min: number, max: number): void {
  // Written this way round so that NaN fails too.
  if (!(value >= min && value <= max)) throw new RangeError(`${value} does not fit in ${type} (${min} to ${max})`);
}

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** For strings isAscii accepted: one byte per character, as UTF-8 encodes them. */
function writeAscii(into: Buffer, at: number, value: string): void {
  for (let i = 0; i < value.length; i++) into[at + i] = value.charCodeAt(i);
}
