import { describe, expect, it } from 'vitest';
import { SlabCursor, SlabPool } from './slab-pool';

const KIB = 1024;

function pool(options: ConstructorParameters<typeof SlabPool>[0] = {}) {
  return new SlabPool({ smallestSlabBytes: 16 * KIB, largestSlabBytes: 64 * KIB, ...options });
}

/** Copies `source` into the pool and returns a view of the copy, as a log reads it back. */
function store(slabs: SlabPool, source: Buffer, cursor: SlabCursor): Buffer {
  const start = slabs.copyIn(source, cursor);
  return cursor.lastMemory.subarray(start, start + source.length);
}

/** `length` bytes of `value`. */
function bytes(length: number, value: number): Buffer {
  return Buffer.alloc(length, value);
}

describe('SlabPool', () => {
  it('stores copies, one after another in a slab, that later changes to the source do not touch', () => {
    const slabs = pool();
    const cursor = new SlabCursor();
    const source = bytes(100, 1);
    const first = store(slabs, source, cursor);
    source.fill(9);
    const second = store(slabs, bytes(50, 2), cursor);
    expect(first).toEqual(bytes(100, 1));
    expect(second).toEqual(bytes(50, 2));
    expect(second.buffer).toBe(first.buffer);
    expect(second.byteOffset).toBe(first.byteOffset + 100);
  });

  it('copies in without a view: the memory it used and where, and a large batch in memory of its own', () => {
    const slabs = pool();
    const cursor = new SlabCursor();
    const at = [slabs.copyIn(bytes(100, 1), cursor), slabs.copyIn(bytes(50, 2), cursor)];
    const slab = cursor.lastMemory;
    expect(at).toEqual([0, 100]);
    expect(slab.subarray(0, 100)).toEqual(bytes(100, 1));
    expect(slab.subarray(100, 150)).toEqual(bytes(50, 2));
    const large = bytes(40 * KIB, 3);
    expect(slabs.copyIn(large, cursor)).toBe(0);
    expect(cursor.lastMemory).toEqual(large);
    expect(cursor.lastMemory.buffer).not.toBe(slab.buffer);
    expect(cursor.lastMemory.buffer).not.toBe(large.buffer);
  });

  it('gives a log small slabs first and doubles their size up to the largest', () => {
    const slabs = pool();
    const cursor = new SlabCursor();
    const sizes = new Set<number>();
    for (let i = 0; i < 40; i++) sizes.add(store(slabs, bytes(10 * KIB, i), cursor).buffer.byteLength);
    expect([...sizes]).toEqual([16 * KIB, 32 * KIB, 64 * KIB]);
  });

  it('never puts two logs in one slab', () => {
    const slabs = pool();
    const [a, b] = [new SlabCursor(), new SlabCursor()];
    expect(store(slabs, bytes(10, 1), a).buffer).not.toBe(store(slabs, bytes(10, 2), b).buffer);
  });

  it('uses a slab again once every batch in it is released, and not before', () => {
    const slabs = pool();
    const cursor = new SlabCursor();
    const inFirst = [store(slabs, bytes(8 * KIB, 1), cursor), store(slabs, bytes(8 * KIB, 2), cursor)];
    store(slabs, bytes(8 * KIB, 3), cursor); // a second slab; the first is full and no longer filled
    slabs.release([inFirst[0]!]);
    expect(slabs.freeSlabCount).toBe(0);
    slabs.release([inFirst[1]!]);
    expect(slabs.freeSlabCount).toBe(1);

    const other = new SlabCursor();
    const reused = store(slabs, bytes(100, 7), other);
    expect(reused.buffer).toBe(inFirst[0]!.buffer);
    expect(reused).toEqual(bytes(100, 7));
    expect(slabs.freeSlabCount).toBe(0);
  });

  it('releases a run of batches across slabs in one call, freeing each slab once all of its batches are gone', () => {
    const slabs = pool();
    const cursor = new SlabCursor();
    const batches = [8, 8, 8, 4].map((kib, i) => store(slabs, bytes(kib * KIB, i), cursor));
    expect(new Set(batches.map((batch) => batch.buffer)).size).toBe(2);
    slabs.close(cursor);
    slabs.release(batches.slice(0, 3));
    expect(slabs.freeSlabCount).toBe(1);
    slabs.release(batches.slice(3));
    expect(slabs.freeSlabCount).toBe(2);
  });

  it('keeps a pinned slab out of use until it is unpinned, however often the unpin is called', () => {
    const slabs = pool();
    const cursor = new SlabCursor();
    const batch = store(slabs, bytes(16 * KIB, 1), cursor);
    store(slabs, bytes(16 * KIB, 2), cursor); // moves the log on to its next slab
    const unpin = slabs.pin([batch, batch]);
    slabs.release([batch]);
    expect(slabs.freeSlabCount).toBe(0);
    expect(store(slabs, bytes(100, 3), new SlabCursor()).buffer).not.toBe(batch.buffer);
    expect(batch).toEqual(bytes(16 * KIB, 1));
    unpin();
    unpin();
    expect(slabs.freeSlabCount).toBe(1);
  });

  it('recycles the slab a closed log was filling once its batches are released', () => {
    const slabs = pool();
    const cursor = new SlabCursor();
    const batch = store(slabs, bytes(100, 1), cursor);
    slabs.close(cursor);
    expect(slabs.freeSlabCount).toBe(0);
    slabs.release([batch]);
    expect(slabs.freeSlabCount).toBe(1);
  });

  it('keeps free slabs beyond maxFreeBytes for idleFreeMs, for reuse, then leaves the longest idle to the garbage collector', () => {
    let now = 1000;
    const slabs = pool({ smallestSlabBytes: 16 * KIB, largestSlabBytes: 16 * KIB, maxFreeBytes: 32 * KIB, idleFreeMs: 30_000, clock: () => now });
    const cursors = [1, 2, 3].map(() => new SlabCursor());
    const stored = cursors.map((cursor, i) => store(slabs, bytes(100, i), cursor));
    cursors.forEach((cursor) => slabs.close(cursor));
    stored.forEach((batch) => {
      slabs.release([batch]);
      now += 1000;
    });
    expect(slabs.freeSlabCount).toBe(3);
    slabs.trim(30_500);
    expect(slabs.freeSlabCount).toBe(3);

    slabs.trim(31_000);
    expect(slabs.freeSlabCount).toBe(2);
    // The one let go was the first freed; the two kept are the later ones, and are used again.
    const again = [new SlabCursor(), new SlabCursor()].map((cursor) => store(slabs, bytes(10, 9), cursor).buffer);
    expect(again).not.toContain(stored[0]!.buffer);
    expect(new Set(again)).toEqual(new Set([stored[1]!.buffer, stored[2]!.buffer]));
    slabs.trim(1_000_000);
    expect(slabs.freeSlabCount).toBe(0);
  });

  it('gives a batch larger than half the largest slab memory of its own, which release and pin leave alone', () => {
    const slabs = pool();
    const cursor = new SlabCursor();
    const large = store(slabs, bytes(40 * KIB, 4), cursor);
    expect(large.buffer.byteLength).toBeGreaterThanOrEqual(40 * KIB);
    expect(large).toEqual(bytes(40 * KIB, 4));
    slabs.pin([large])();
    slabs.release([large]);
    expect(slabs.freeSlabCount).toBe(0);
  });
});
