const TWO_POW_32 = 4294967296;

/**
 * int64 fields at fixed positions, as JS numbers: exact below 2^53, which every offset,
 * timestamp and producer id is. (Reader and Writer do the same for streamed fields.)
 */
export function readInt64(buf: Buffer, at: number): number {
  return buf.readInt32BE(at) * TWO_POW_32 + buf.readUInt32BE(at + 4);
}

export function writeInt64(buf: Buffer, value: number, at: number): void {
  const high = Math.floor(value / TWO_POW_32);
  buf.writeInt32BE(high, at);
  buf.writeUInt32BE(value - high * TWO_POW_32, at + 4);
}
