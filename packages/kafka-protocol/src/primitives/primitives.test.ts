import { describe, expect, it } from 'vitest';
import { Reader } from './reader';
import { Writer } from './writer';
import { ProtocolError } from './protocol-error';

describe('varints', () => {
  it('encodes unsigned varints as Kafka does (LEB128)', () => {
    expect(new Writer().uvarint(0).toBuffer()).toEqual(Buffer.from([0]));
    expect(new Writer().uvarint(300).toBuffer()).toEqual(Buffer.from([0xac, 0x02]));
    expect(new Writer().uvarint(0xffffffff).toBuffer()).toEqual(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]));
  });

  it('zig-zags signed varints and varlongs', () => {
    expect(new Writer().varint(-1).toBuffer()).toEqual(Buffer.from([1]));
    expect(new Writer().varint(1).toBuffer()).toEqual(Buffer.from([2]));
    for (const value of [0, 1, -1, 63, -64, 2 ** 31 - 1, -(2 ** 31)]) {
      expect(new Reader(new Writer().varint(value).toBuffer()).varint()).toBe(value);
    }
    for (const value of [0, -1, 2 ** 40, -(2 ** 40), Number.MAX_SAFE_INTEGER, 1_700_000_000_000]) {
      expect(new Reader(new Writer().varlong(value).toBuffer()).varlong()).toBe(value);
    }
  });

  it('rejects a varint longer than five bytes', () => {
    expect(() => new Reader(Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x01])).uvarint()).toThrow(ProtocolError);
  });
});

describe('int64 as numbers', () => {
  it('round-trips negative and large values exactly', () => {
    for (const value of [0, -1, -2, 2 ** 32, 2 ** 32 + 5, -(2 ** 40) - 3, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
      const bytes = new Writer().int64(value).toBuffer();
      expect(bytes.readBigInt64BE(0)).toBe(BigInt(value));
      expect(new Reader(bytes).int64()).toBe(value);
    }
  });
});

describe('strings and bytes', () => {
  it('reads classic and compact nullable forms', () => {
    const bytes = new Writer().nullableString(null).nullableString('ab').compactNullableString(null).compactString('héllo').toBuffer();
    const reader = new Reader(bytes);
    expect(reader.nullableString()).toBeNull();
    expect(reader.string()).toBe('ab');
    expect(reader.compactNullableString()).toBeNull();
    expect(reader.compactString()).toBe('héllo');
    expect(reader.remaining).toBe(0);
  });

  it('keeps large byte fields by reference instead of copying them', () => {
    const big = Buffer.alloc(64 * 1024, 7);
    const writer = new Writer().int32(1).bytes(big).int8(2);
    const chunks = writer.toChunks();
    expect(chunks.some((chunk) => chunk === big)).toBe(true);
    expect(writer.length).toBe(4 + 4 + big.length + 1);
  });

  it('writes a bytes field given as chunks exactly as the joined bytes, keeping large chunks by reference', () => {
    const large = Buffer.alloc(4096, 7);
    const chunks = [Buffer.from('small'), large, Buffer.alloc(0), Buffer.from('tail')];
    const joined = Buffer.concat(chunks);
    for (const [plain, inChunks] of [
      [new Writer().nullableBytes(joined), new Writer().nullableBytes(chunks)],
      [new Writer().compactNullableBytes(joined), new Writer().compactNullableBytes(chunks)],
      [new Writer().bytes(joined), new Writer().bytes(chunks)],
      [new Writer().compactBytes(joined), new Writer().compactBytes(chunks)],
    ] as const) {
      expect(inChunks.length).toBe(plain.length);
      expect(Buffer.concat(inChunks.toChunks())).toEqual(Buffer.concat(plain.toChunks()));
    }
    expect(new Writer().nullableBytes(chunks).toChunks()).toContain(large);
    expect(new Reader(Buffer.concat(new Writer().nullableBytes(chunks).toChunks())).nullableBytes()).toEqual(joined);
  });

  it('grows its scratch buffer across many small writes', () => {
    const writer = new Writer(8);
    for (let i = 0; i < 1000; i++) writer.int32(i).compactString(`k${i}`);
    const reader = new Reader(writer.toBuffer());
    for (let i = 0; i < 1000; i++) {
      expect(reader.int32()).toBe(i);
      expect(reader.compactString()).toBe(`k${i}`);
    }
  });

  it('fails clearly on a length past the end', () => {
    expect(() => new Reader(Buffer.from([0, 0, 0, 9, 1, 2])).bytes()).toThrow(/frame ends early/);
    expect(() => new Reader(Buffer.from([0xff, 0xfe])).nullableString()).toThrow(/invalid string length/);
  });
});

describe('Writer memory and checks', () => {
  it('refuses integers outside their type, and NaN, instead of writing something else', () => {
    expect(() => new Writer().int8(128)).toThrow(/128 does not fit in int8/);
    expect(() => new Writer().int16(-32769)).toThrow(/does not fit in int16/);
    expect(() => new Writer().uint16(-1)).toThrow(/does not fit in uint16/);
    expect(() => new Writer().int32(2 ** 31)).toThrow(/does not fit in int32/);
    expect(() => new Writer().uint32(2 ** 32)).toThrow(/does not fit in uint32/);
    expect(() => new Writer().int32(Number.NaN)).toThrow(/NaN does not fit in int32/);
    expect(() => new Writer().int64(2 ** 53)).toThrow(/does not fit in int64/);
    const edges = new Writer().int8(-128).int16(32767).uint16(65535).int32(-(2 ** 31)).uint32(2 ** 32 - 1).int64(-(2 ** 53 - 1)).toBuffer();
    const reader = new Reader(edges);
    expect([reader.int8(), reader.int16(), reader.uint16(), reader.int32(), reader.uint32(), reader.int64()]).toEqual([
      -128, 32767, 65535, -(2 ** 31), 2 ** 32 - 1, -(2 ** 53 - 1),
    ]);
  });

  it('writes ASCII, non-ASCII and long strings alike, in both string forms', () => {
    const strings = ['', 'p', 'rdkafka', 'x'.repeat(126), 'y'.repeat(127), 'z'.repeat(300), 'héllo', '日本', 'a\u007fb', 'emoji 🙂'];
    const writer = new Writer();
    for (const value of strings) writer.string(value).compactString(value);
    const reader = new Reader(writer.toBuffer());
    for (const value of strings) {
      expect(reader.string()).toBe(value);
      expect(reader.compactString()).toBe(value);
    }
  });

  it('keeps two writers in use at once apart, however their writes interleave', () => {
    const outer = new Writer();
    const inner = new Writer();
    for (let i = 0; i < 5000; i++) {
      outer.int32(i);
      inner.string(`inner-${i}`);
    }
    const fromOuter = new Reader(outer.toBuffer());
    const fromInner = new Reader(inner.toBuffer());
    for (let i = 0; i < 5000; i++) {
      expect(fromOuter.int32()).toBe(i);
      expect(fromInner.string()).toBe(`inner-${i}`);
    }
  });

  it('leaves finished output untouched by the writers that come after it', () => {
    const finished = Array.from({ length: 2000 }, (_, i) => new Writer().int32(i).string(`answer ${i}`).toBuffer());
    finished.forEach((bytes, i) => {
      const reader = new Reader(bytes);
      expect([reader.int32(), reader.string(), reader.remaining]).toEqual([i, `answer ${i}`, 0]);
    });
  });
});

describe('Reader strings', () => {
  it('decodes every short string right while many share its length and its first and last bytes', () => {
    const values = Array.from({ length: 3000 }, (_, i) => `t${String(i).padStart(4, '0')}x`);
    values.push('héllo', '日本', '', 'a'.repeat(48), 'b'.repeat(49), 't0000x');
    const writer = new Writer();
    for (let pass = 0; pass < 2; pass++) for (const value of values) writer.string(value).compactNullableString(value);
    const reader = new Reader(writer.toBuffer());
    for (let pass = 0; pass < 2; pass++) {
      for (const value of values) {
        expect(reader.string()).toBe(value);
        expect(reader.compactNullableString()).toBe(value);
      }
    }
  });

  it('decodes bytes that are not UTF-8 as Buffer.toString does', () => {
    const bad = Buffer.from([0, 3, 0x61, 0xff, 0x62]);
    expect(new Reader(bad).string()).toBe(bad.toString('utf8', 2));
    expect(new Reader(bad).string()).toBe('a\ufffdb');
  });
});
