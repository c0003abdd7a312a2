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
