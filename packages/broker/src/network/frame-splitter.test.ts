import { describe, expect, it } from 'vitest';
import { FrameSplitter } from './frame-splitter';

function sized(body: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length, 0);
  return Buffer.concat([size, body]);
}

function collect(maxFrameBytes = 1024) {
  const frames: Buffer[] = [];
  const splitter = new FrameSplitter(maxFrameBytes, (frame) => frames.push(Buffer.from(frame)));
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

describe('FrameSplitter, a request split across reads', () => {
  /** A frame that begins with API key 0: a Produce request, as far as the splitter looks. */
  const produce = Buffer.concat([Buffer.from([0, 0, 0, 7]), Buffer.from('the body of a produce request, long enough to cut anywhere')]);
  /** Separate reads are separate memory, as Node's socket reads are (not Node's shared pool). */
  const reads = (wire: Buffer, ...cuts: number[]) =>
    [0, ...cuts].map((from, i) => {
      const bytes = wire.subarray(from, cuts[i] ?? wire.length);
      const read = Buffer.allocUnsafeSlow(bytes.length);
      bytes.copy(read);
      return read;
    });

  it('decodes a Produce request split in two from scratch memory, and keeps what its handler keeps as views of the two reads', () => {
    const [head, tail] = reads(sized(produce), 24);
    const seen: Buffer[] = [];
    const kept: unknown[] = [];
    const splitter = new FrameSplitter(1024, (frame, keep) => {
      seen.push(Buffer.from(frame));
      kept.push(keep(frame.subarray(10, 40)), keep(frame.subarray(0, 5)), keep(frame.subarray(30)));
    });
    splitter.push(head!);
    splitter.push(tail!);

    expect(seen).toEqual([produce]);
    const [across, inHead, inTail] = kept as [[Buffer, Buffer], Buffer, Buffer];
    expect(across.map((piece) => piece.buffer)).toEqual([head!.buffer, tail!.buffer]);
    expect(Buffer.concat(across)).toEqual(produce.subarray(10, 40));
    expect(inHead.buffer).toBe(head!.buffer);
    expect(inHead).toEqual(produce.subarray(0, 5));
    expect(inTail.buffer).toBe(tail!.buffer);
    expect(inTail).toEqual(produce.subarray(30));
  });

  it('reuses its scratch memory for the next split request, so a handler keeps nothing but what it keeps through keep', () => {
    const other = Buffer.from(produce).fill(0x7a, 4);
    const wire = Buffer.concat([sized(produce), sized(other)]);
    const frames: Buffer[] = [];
    const splitter = new FrameSplitter(1024, (frame) => frames.push(frame));
    for (const read of reads(wire, 24, sized(produce).length + 24)) splitter.push(read);

    expect(frames).toHaveLength(2);
    expect(frames[0]!.buffer).toBe(frames[1]!.buffer);
    expect(frames[1]).toEqual(other);
  });

  it('copies any other request split in two into memory of its own, which its handler may keep as it is', () => {
    const fetch = Buffer.concat([Buffer.from([0, 1]), produce.subarray(2)]);
    const [head, tail] = reads(sized(fetch), 24);
    let kept: unknown;
    let frame: Buffer | undefined;
    const splitter = new FrameSplitter(1024, (received, keep) => {
      frame = received;
      kept = keep(received.subarray(10, 40));
    });
    splitter.push(head!);
    splitter.push(tail!);
    head!.fill(0);
    tail!.fill(0);

    expect(frame).toEqual(fetch);
    expect(Buffer.isBuffer(kept) && kept.buffer).toBe(frame!.buffer);
    expect(kept).toEqual(fetch.subarray(10, 40));
  });

  it('keeps what a handler keeps of a Produce request that spans three reads as views of each read it touches', () => {
    const [a, b, c] = reads(sized(produce), 20, 40);
    const kept: unknown[] = [];
    const splitter = new FrameSplitter(1024, (frame, keep) => kept.push(keep(frame), keep(frame.subarray(20, 30))));
    for (const read of [a!, b!, c!]) splitter.push(read);

    const [whole, inMiddle] = kept as [Buffer[], Buffer];
    expect(whole.map((piece) => piece.buffer)).toEqual([a!.buffer, b!.buffer, c!.buffer]);
    expect(Buffer.concat(whole)).toEqual(produce);
    expect(inMiddle.buffer).toBe(b!.buffer);
    expect(inMiddle).toEqual(produce.subarray(20, 30));
  });
});
