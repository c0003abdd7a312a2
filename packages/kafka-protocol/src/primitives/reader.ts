import { readInt8, readInt16, readInt32, readInt64, readUInt32 } from './big-endian';
import { ProtocolError } from './protocol-error';
import { RECENT_STRING_MAX_BYTES, recentString } from './recent-strings';

/**
 * Reads Kafka primitive types from a buffer, front to back.
 * See "Protocol Primitive Types" in Kafka's protocol guide. Every read is bounds-checked and
 * throws ProtocolError rather than returning garbage, so a malformed frame can never make a
 * caller allocate or loop on a length it did not actually receive.
 *
 * Byte fields are returned as views (`subarray`) of the input: no copy on the hot path.
 */
export class Reader {
  offset: number;

  constructor(
    readonly buffer: Buffer,
    offset = 0,
    readonly end = buffer.length,
  ) {
    this.offset = offset;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  private take(size: number): number {
    const at = this.offset;
    if (size > this.end - at) {
      throw new ProtocolError(`frame ends early: needed ${size} more bytes at offset ${at}, ${this.end - at} left`);
    }
    this.offset = at + size;
    return at;
  }

  // Integers byte by byte (big-endian.ts says why); take() has checked the bytes are there.

  int8(): number {
    return readInt8(this.buffer, this.take(1));
  }

  bool(): boolean {
    return this.buffer[this.take(1)] !== 0;
  }

  int16(): number {
    return readInt16(this.buffer, this.take(2));
  }

  uint16(): number {
    return readInt16(this.buffer, this.take(2)) & 0xffff;
  }

  int32(): number {
    return readInt32(this.buffer, this.take(4));
  }

  uint32(): number {
    return readUInt32(this.buffer, this.take(4));
  }

  /** int64 as a JS number: exact for every offset, timestamp and id below 2^53. */
  int64(): number {
    return readInt64(this.buffer, this.take(8));
  }

  float64(): number {
    return this.buffer.readDoubleBE(this.take(8));
  }

  /** Unsigned LEB128 varint, at most 5 bytes (32 bits). */
  uvarint(): number {
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 5; i++) {
      const byte = this.buffer[this.take(1)]!;
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
    }
    throw new ProtocolError('varint is longer than 5 bytes');
  }

  /** Zig-zag encoded signed varint (32 bits). */
  varint(): number {
    const raw = this.uvarint();
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  }

  /** Zig-zag encoded signed varlong, exact below 2^53. */
  varlong(): number {
    let raw = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const byte = this.buffer[this.take(1)]!;
      raw += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
      scale *= 128;
    }
    throw new ProtocolError('varlong is longer than 10 bytes');
  }

  uuid(): string {
    const at = this.take(16);
    return this.buffer.toString('hex', at, at + 16);
  }

  raw(size: number): Buffer {
    if (size < 0) throw new ProtocolError(`negative length ${size}`);
    const at = this.take(size);
    return this.buffer.subarray(at, at + size);
  }

  // Strings and bytes: "classic" forms carry an int16/int32 length with -1 for null;
  // "compact" forms (flexible versions) carry an unsigned varint of length + 1 with 0 for null.

  string(): string {
    const value = this.nullableString();
    if (value === null) throw new ProtocolError('null where a non-nullable string is required');
    return value;
  }

  nullableString(): string | null {
    const length = this.int16();
    return this.utf8(length);
  }

  compactString(): string {
    const value = this.compactNullableString();
    if (value === null) throw new ProtocolError('null where a non-nullable compact string is required');
    return value;
  }

  compactNullableString(): string | null {
    return this.utf8(this.uvarint() - 1);
  }

  private utf8(length: number): string | null {
    if (length === -1) return null;
    if (length < -1) throw new ProtocolError(`invalid string length ${length}`);
    const at = this.take(length);
    return length <= RECENT_STRING_MAX_BYTES ? recentString(this.buffer, at, length) : this.buffer.toString('utf8', at, at + length);
  }

  bytes(): Buffer {
    const value = this.nullableBytes();
    if (value === null) throw new ProtocolError('null where non-nullable bytes are required');
    return value;
  }

  nullableBytes(): Buffer | null {
    return this.blob(this.int32());
  }

  compactBytes(): Buffer {
    const value = this.compactNullableBytes();
    if (value === null) throw new ProtocolError('null where non-nullable compact bytes are required');
    return value;
  }

  compactNullableBytes(): Buffer | null {
    return this.blob(this.uvarint() - 1);
  }

  private blob(length: number): Buffer | null {
    if (length === -1) return null;
    if (length < -1) throw new ProtocolError(`invalid bytes length ${length}`);
    return this.raw(length);
  }

  /** An array count: -1 means null. A count larger than the bytes left cannot be honest. */
  arrayLength(): number {
    return this.checkCount(this.int32());
  }

  compactArrayLength(): number {
    return this.checkCount(this.uvarint() - 1);
  }

  private checkCount(count: number): number {
    if (count < -1) throw new ProtocolError(`invalid array length ${count}`);
    if (count > this.remaining) {
      throw new ProtocolError(`array claims ${count} elements but only ${this.remaining} bytes are left`);
    }
    return count;
  }

  /**
   * Reads a tagged-field section (KIP-482). `onTag` returns true when it consumed the field from
   * `reader` (a reader bounded to that field); unknown tags are skipped, as the KIP requires.
   */
  taggedFields(onTag?: (tag: number, reader: Reader) => boolean): void {
    const count = this.uvarint();
    let previousTag = -1;
    for (let i = 0; i < count; i++) {
      const tag = this.uvarint();
      if (tag <= previousTag) throw new ProtocolError(`tagged fields out of order: ${tag} after ${previousTag}`);
      previousTag = tag;
      const size = this.uvarint();
      const start = this.take(size);
      if (onTag) {
        const field = new Reader(this.buffer, start, start + size);
        onTag(tag, field);
      }
    }
  }
}
