import { describe, expect, it } from 'vitest';
import { FrameSplitter, type FrameReceiver } from './frame-splitter';

function frameReceiver(receiveFrame: (frame: Buffer) => void): FrameReceiver {
  return { receiveFrame };
}

function sized(body: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length, 0);
  return Buffer.concat([size, body]);
}

function collect(maxFrameBytes = 1024) {
  const frames: Buffer[] = [];
  const splitter = new FrameSplitter(maxFrameBytes, frameReceiver((frame) => frames.push(Buffer.from(frame))));
  return { frames, splitter };
}

const first = Buffer.from('first frame body');
const second = Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
const empty = Buffer.alloc(0);
const stream = Buffer.concat([sized(first), sized(empty), sized(second)]);

describe('FrameSplitter', () => {
  it('reassembles frames split in two at every byte boundary', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      const { frames, splitter } = collect();
      expect(splitter.push(stream.subarray(0, cut))).toEqual({ ok: true });
      expect(splitter.push(stream.subarray(cut))).toEqual({ ok: true });
      expect(frames, `cut at byte ${cut}`).toEqual([first, empty, second]);
    }
  });

  it('reassembles frames fed one byte at a time', () => {
    const { frames, splitter } = collect();
    for (let i = 0; i < stream.length; i++) expect(splitter.push(stream.subarray(i, i + 1)).ok).toBe(true);
    expect(frames).toEqual([first, empty, second]);
  });

  it('reassembles frames cut at every pair of boundaries', () => {
    const wanted = [first, empty, second].map((f) => f.toString('hex')).join(',');
    const wrong: string[] = [];
    for (let a = 0; a <= stream.length; a++) {
      for (let b = a; b <= stream.length; b++) {
        const { frames, splitter } = collect();
        splitter.push(stream.subarray(0, a));
        splitter.push(stream.subarray(a, b));
        splitter.push(stream.subarray(b));
        if (frames.map((f) => f.toString('hex')).join(',') !== wanted) wrong.push(`${a}/${b}`);
      }
    }
    expect(wrong, 'cut points that lost or garbled a frame').toEqual([]);
  });

  it('delivers many frames that arrive in one chunk, in order', () => {
    const bodies = Array.from({ length: 500 }, (_, i) => Buffer.from(`frame number ${i}`));
    const { frames, splitter } = collect();
    expect(splitter.push(Buffer.concat(bodies.map(sized)))).toEqual({ ok: true });
    expect(frames).toEqual(bodies);
  });

  it('holds a partial frame until the rest arrives', () => {
    const { frames, splitter } = collect();
    splitter.push(sized(first).subarray(0, 10));
    expect(frames).toEqual([]);
    splitter.push(sized(first).subarray(10));
    expect(frames).toEqual([first]);
  });

  it('accepts a frame of exactly the maximum size', () => {
    const body = Buffer.alloc(1024, 7);
    const { frames, splitter } = collect(1024);
    expect(splitter.push(sized(body))).toEqual({ ok: true });
    expect(frames).toEqual([body]);
  });

  it('reports an oversized frame from its size prefix alone, before its body arrives', () => {
    const { frames, splitter } = collect(1024);
    const prefix = Buffer.alloc(4);
    prefix.writeInt32BE(1025, 0);
    const result = splitter.push(prefix);
    expect(result).toEqual({ ok: false, reason: 'request of 1025 bytes exceeds the maximum of 1024 bytes' });
    expect(frames).toEqual([]);
  });

  it('reports an oversized size prefix that arrives split across chunks', () => {
    const { splitter } = collect(1024);
    const prefix = Buffer.alloc(4);
    prefix.writeInt32BE(0x7fffffff, 0);
    expect(splitter.push(prefix.subarray(0, 3))).toEqual({ ok: true });
    expect(splitter.push(prefix.subarray(3))).toEqual({
      ok: false,
      reason: 'request of 2147483647 bytes exceeds the maximum of 1024 bytes',
    });
  });

  it('reports a negative size', () => {
    const { frames, splitter } = collect();
    const prefix = Buffer.alloc(4);
    prefix.writeInt32BE(-1, 0);
    expect(splitter.push(prefix)).toEqual({ ok: false, reason: 'negative frame size -1' });
    expect(frames).toEqual([]);
  });

  it('delivers the good frames before a bad size prefix in the same chunk, then stops for good', () => {
    const { frames, splitter } = collect();
    const bad = Buffer.alloc(4);
    bad.writeInt32BE(-5, 0);
    expect(splitter.push(Buffer.concat([sized(first), bad, sized(second)])).ok).toBe(false);
    expect(frames).toEqual([first]);
    expect(splitter.push(sized(second))).toEqual({ ok: false, reason: 'connection already failed' });
    expect(frames).toEqual([first]);
  });
});

/** A frame that begins with API key 0: a Produce request, as far as the splitter looks. */
const produce = Buffer.concat([Buffer.from([0, 0, 0, 7]), Buffer.from('the body of a produce request, long enough to cut anywhere')]);
/** API key 3: Metadata. */
const metadata = Buffer.concat([Buffer.from([0, 3, 0, 12]), Buffer.from('a metadata request body')]);

/** Pushes `wire` through one read buffer of `readBytes`, reused for every push, as the broker's sockets read. */
function pushThroughOneReadBuffer(splitter: FrameSplitter, wire: Buffer, readBytes: number): Buffer {
  const read = Buffer.alloc(readBytes);
  for (let at = 0; at < wire.length; at += readBytes) {
    const n = wire.copy(read, 0, at, at + readBytes);
    expect(splitter.push(read.subarray(0, n))).toEqual({ ok: true });
    read.fill(0xee);
  }
  return read;
}

describe('FrameSplitter, reads into one reused buffer', () => {
  it('hands a Produce request that lies in one read on as a view of that read, for its handler to use before returning', () => {
    const read = sized(produce);
    const seen: { inRead: boolean; bytes: Buffer }[] = [];
    const splitter = new FrameSplitter(1024, frameReceiver((frame) => seen.push({ inRead: frame.buffer === read.buffer, bytes: Buffer.from(frame) })));
    splitter.push(read);
    expect(seen).toEqual([{ inRead: true, bytes: produce }]);
  });

  it('hands every other request on in memory of its own, which its handler may keep after the read buffer is reused', () => {
    const kept: Buffer[] = [];
    const splitter = new FrameSplitter(1024, frameReceiver((frame) => kept.push(frame)));
    const wire = Buffer.concat([sized(metadata), sized(metadata), sized(empty)]);
    pushThroughOneReadBuffer(splitter, wire, wire.length);
    pushThroughOneReadBuffer(splitter, wire, 5);
    expect(kept).toEqual([metadata, metadata, empty, metadata, metadata, empty]);
  });

  it('reassembles requests of both kinds cut at every pair of read sizes, through one reused buffer', () => {
    const wire = Buffer.concat([sized(produce), sized(metadata), sized(empty), sized(produce), sized(metadata)]);
    const wrong: number[] = [];
    for (let readBytes = 1; readBytes <= wire.length; readBytes++) {
      const seen: Buffer[] = [];
      // A Produce frame is valid only while its handler runs; a copy is what a handler would store.
      const splitter = new FrameSplitter(1024, frameReceiver((frame) => seen.push(frame.length >= 2 && frame.readInt16BE(0) === 0 ? Buffer.from(frame) : frame)));
      pushThroughOneReadBuffer(splitter, wire, readBytes);
      if (Buffer.concat(seen).compare(Buffer.concat([produce, metadata, produce, metadata])) !== 0 || seen.length !== 5) wrong.push(readBytes);
    }
    expect(wrong, 'read sizes that lost or garbled a frame').toEqual([]);
  });

  it('assembles split Produce requests in one scratch buffer it reuses, and other split requests in memory of their own', () => {
    const frames: Buffer[] = [];
    const splitter = new FrameSplitter(1024, frameReceiver((frame) => frames.push(frame)));
    pushThroughOneReadBuffer(splitter, Buffer.concat([sized(produce), sized(produce), sized(metadata), sized(metadata)]), 9);
    const [firstProduce, secondProduce, firstMetadata, secondMetadata] = frames;
    expect(firstProduce!.buffer).toBe(secondProduce!.buffer);
    expect(firstMetadata!.buffer).not.toBe(firstProduce!.buffer);
    expect(secondMetadata!.buffer).not.toBe(firstProduce!.buffer);
    expect(firstMetadata).toEqual(metadata);
    expect(secondMetadata).toEqual(metadata);
  });

  it('assembles a split request larger than its scratch memory (1 MiB) in memory of its own', () => {
    const large = Buffer.concat([Buffer.from([0, 0, 0, 7]), Buffer.alloc(1024 * 1024, 3)]);
    const frames: Buffer[] = [];
    const splitter = new FrameSplitter(2 * 1024 * 1024, frameReceiver((frame) => frames.push(frame)));
    pushThroughOneReadBuffer(splitter, Buffer.concat([sized(large), sized(produce)]), 64 * 1024);
    expect(frames[0]!.equals(large)).toBe(true);
    expect(frames[0]!.buffer).not.toBe(frames[1]!.buffer);
  });
});
