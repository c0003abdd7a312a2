/**
 * The few Kafka primitive types the consumer protocol uses (protocol.html, "Protocol Primitive
 * Types"): big-endian int16/int32, STRING (int16 length + UTF-8), BYTES (int32 length, -1 for null)
 * and ARRAY (int32 count). Kept here, not imported, because this package depends on no other of ours.
 */

export class ConsumerProtocolError extends Error {
  override readonly name = 'ConsumerProtocolError';
}

export class ProtocolReader {
  private offset = 0;

  constructor(
    private readonly bytes: Buffer,
    /** Names the structure in error messages, e.g. "ConsumerProtocolSubscription". */
    private readonly what: string,
  ) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  int16(field: string): number {
    this.need(2, field);
    const value = this.bytes.readInt16BE(this.offset);
    this.offset += 2;
    return value;
  }

  int32(field: string): number {
    this.need(4, field);
    const value = this.bytes.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  string(field: string): string {
    const length = this.int16(`${field} length`);
    if (length < 0) throw this.error(`${field} is null but must be a string`);
    return this.take(length, field).toString('utf8');
  }

  nullableString(field: string): string | null {
    const length = this.int16(`${field} length`);
    return length < 0 ? null : this.take(length, field).toString('utf8');
  }

  nullableBytes(field: string): Buffer | null {
    const length = this.int32(`${field} length`);
    return length < 0 ? null : Buffer.from(this.take(length, field));
  }

  /** A null array (-1) reads as empty, as kafkajs and librdkafka treat it. */
  array<T>(field: string, minItemBytes: number, readItem: () => T): T[] {
    const length = this.int32(`${field} count`);
    if (length < 0) return [];
    if (length * minItemBytes > this.remaining) {
      throw this.error(`${field} claims ${length} entries but only ${this.remaining} bytes remain`);
    }
    return Array.from({ length }, readItem);
  }

  private take(length: number, field: string): Buffer {
    this.need(length, field);
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  private need(length: number, field: string): void {
    if (this.remaining < length) throw this.error(`truncated at ${field}: needs ${length} bytes at offset ${this.offset}, ${this.remaining} left`);
  }

  private error(detail: string): ConsumerProtocolError {
    return new ConsumerProtocolError(`Malformed ${this.what} (${this.bytes.length} bytes): ${detail}.`);
  }
}

export class ProtocolWriter {
  private readonly chunks: Buffer[] = [];

  int16(value: number): this {
    const chunk = Buffer.alloc(2);
    chunk.writeInt16BE(value);
    this.chunks.push(chunk);
    return this;
  }

  int32(value: number): this {
    const chunk = Buffer.alloc(4);
    chunk.writeInt32BE(value);
    this.chunks.push(chunk);
    return this;
  }

  string(value: string): this {
    const encoded = Buffer.from(value, 'utf8');
    if (encoded.length > 0x7fff) throw new ConsumerProtocolError(`A protocol string holds at most 32767 bytes; "${value.slice(0, 40)}…" has ${encoded.length}.`);
    this.int16(encoded.length);
    this.chunks.push(encoded);
    return this;
  }

  nullableString(value: string | null): this {
    return value === null ? this.int16(-1) : this.string(value);
  }

  nullableBytes(value: Uint8Array | null): this {
    if (value === null) return this.int32(-1);
    this.int32(value.length);
    this.chunks.push(Buffer.from(value));
    return this;
  }

  array<T>(items: readonly T[], writeItem: (item: T) => void): this {
    this.int32(items.length);
    for (const item of items) writeItem(item);
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}
