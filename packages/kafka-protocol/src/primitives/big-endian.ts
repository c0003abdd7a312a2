const TWO_POW_32 = 4294967296;

/*
 * Big-endian integers at a position, read byte by byte: V8 compiles these to plain typed-array
 * loads, where Buffer's readInt32BE and friends are method calls with range checks of their own.
 * Reader (after its bounds check), the record batch header (after checking its length once) and
 * the broker's frame splitter read every integer through them: a few nanoseconds each instead of
 * ten to twenty, some twenty a Produce request. Callers check that the bytes are there: past the
 * end these read zeros. int64 values are JS numbers: exact below 2^53, which every offset,
 * timestamp and producer id is.
 */

export function readInt8(buf: Uint8Array, at: number): number {
  return (buf[at]! << 24) >> 24;
}

export function readInt16(buf: Uint8Array, at: number): number {
  return ((buf[at]! << 24) | (buf[at + 1]! << 16)) >> 16;
}

export function readInt32(buf: Uint8Array, at: number): number {
  return (buf[at]! << 24) | (buf[at + 1]! << 16) | (buf[at + 2]! << 8) | buf[at + 3]!;
}

export function readUInt32(buf: Uint8Array, at: number): number {
  return readInt32(buf, at) >>> 0;
}

export function readInt64(buf: Uint8Array, at: number): number {
  return readInt32(buf, at) * TWO_POW_32 + readUInt32(buf, at + 4);
}

/** Through Buffer's checked writes: a value out of range throws rather than wrapping. */
export function writeInt64(buf: Buffer, value: number, at: number): void {
  const high = Math.floor(value / TWO_POW_32);
  buf.writeInt32BE(high, at);
  buf.writeUInt32BE(value - high * TWO_POW_32, at + 4);
}
