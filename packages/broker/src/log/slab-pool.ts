/**
 * The memory the broker keeps record batches in: slabs that batches are copied into one after
 * another, used again once nothing in them is wanted any more.
 *
 * Fresh memory costs a Node server more than anything it does with a produced byte: it is faulted
 * in page by page on first write, then found and freed by the garbage collector
 * (docs/performance.md). A slab whose batches are all deleted (retention, a deleted topic) and
 * that no Fetch response still being written refers to goes back on a free list, and later batches
 * are copied into memory that is already there. Free slabs beyond `maxFreeBytes` wait `idleFreeMs`
 * for a use, then `trim` leaves them to the garbage collector: a topic deleted and made again (a
 * demo run twice, a benchmark round) gets its memory back rather than fresh pages, and a broker
 * left idle gives back what it no longer needs.
 *
 * Each partition log fills slabs of its own (a `SlabCursor`), so that one partition's batches never
 * keep another's deleted ones alive, and retention, deleting a log from its oldest end, empties its
 * slabs in order. A log's first slab is small and each next one twice the size, up to the largest:
 * a partition holding a few records keeps little memory, a busy one few slabs. A batch larger than
 * half the largest slab gets memory of its own.
 */
export interface SlabPoolOptions {
  readonly smallestSlabBytes?: number;
  readonly largestSlabBytes?: number;
  readonly maxFreeBytes?: number;
  /** How long free slabs beyond maxFreeBytes wait for a use before `trim` lets them go. */
  readonly idleFreeMs?: number;
  /** The time a slab is freed at (tests pass their own). */
  readonly clock?: () => number;
}

export interface Slab {
  readonly memory: Buffer;
  /** Batches stored in it and not yet released. */
  live: number;
  /** Fetch responses being written that hold batches of it. */
  pins: number;
  /** A cursor still fills it. */
  filling: boolean;
  /** On its size's free list. */
  free: boolean;
  /** When it went on the free list (until then, when it was made). */
  freedAt: number;
}

/**
 * Where one log stores its next batch: the slab it is filling, how much of it is used, and the size
 * of its next slab. The pool's bookkeeping: only the pool reads or changes it.
 */
export class SlabCursor {
  slab: Slab | null = null;
  used = 0;
  nextSlabBytes = 0;
  /** The memory the last copyIn wrote into (a slab's, or a large batch's own). */
  lastMemory: Buffer = NO_MEMORY;
}

const NO_MEMORY = Buffer.alloc(0);

const DEFAULT_SMALLEST_SLAB_BYTES = 16 * 1024;
const DEFAULT_LARGEST_SLAB_BYTES = 1024 * 1024;
const DEFAULT_MAX_FREE_BYTES = 256 * 1024 * 1024;
const DEFAULT_IDLE_FREE_MS = 30_000;

export class SlabPool {
  private readonly smallest: number;
  private readonly largest: number;
  private readonly maxFreeBytes: number;
  private readonly idleFreeMs: number;
  private readonly clock: () => number;
  private readonly slabs = new Map<ArrayBuffer, Slab>();
  /** Free slabs by size. */
  private readonly free = new Map<number, Slab[]>();
  private freeBytes = 0;

  constructor(options: SlabPoolOptions = {}) {
    this.smallest = options.smallestSlabBytes ?? DEFAULT_SMALLEST_SLAB_BYTES;
    this.largest = options.largestSlabBytes ?? DEFAULT_LARGEST_SLAB_BYTES;
    this.maxFreeBytes = options.maxFreeBytes ?? DEFAULT_MAX_FREE_BYTES;
    this.idleFreeMs = options.idleFreeMs ?? DEFAULT_IDLE_FREE_MS;
    this.clock = options.clock ?? Date.now;
  }

  /**
   * Copies `bytes` into the cursor's slab, where they stay as they are until released, and returns
   * where they start in `cursor.lastMemory`. No view is made: a log keeps tens of thousands of
   * batches, and a Buffer object for each would be garbage the collector has to trace, so the log
   * keeps (memory, start, length) and makes views when it reads.
   */
  copyIn(bytes: Uint8Array, cursor: SlabCursor): number {
    if (bytes.length > this.largest / 2) {
      cursor.lastMemory = Buffer.from(bytes);
      return 0;
    }
    let slab = cursor.slab;
    if (!slab || cursor.used + bytes.length > slab.memory.length) slab = this.nextSlab(cursor, bytes.length);
    const start = cursor.used;
    slab.memory.set(bytes, start);
    cursor.used += bytes.length;
    slab.live++;
    cursor.lastMemory = slab.memory;
    return start;
  }

  /**
   * The log no longer holds these batches (each given as the memory `copyIn` wrote it into, or a
   * view of it): a deleted segment's, or a deleted topic's.
   */
  release(batches: readonly Buffer[]): void {
    let slab: Slab | undefined;
    let count = 0;
    let previous: ArrayBufferLike | null = null;
    for (const batch of batches) {
      // A log's batches lie one after another in its slabs: a run of them in one slab is one lookup.
      if (batch.buffer === previous) {
        count++;
        continue;
      }
      if (slab) this.unlive(slab, count);
      previous = batch.buffer;
      slab = this.slabs.get(batch.buffer as ArrayBuffer);
      count = 1;
    }
    if (slab) this.unlive(slab, count);
  }

  /**
   * Keeps the memory of `batches` (views of what `copyIn` stored) from being used again until the
   * returned function is called: for a response that writes them to a socket after the log may have
   * deleted them. Calling the function more than once unpins once.
   */
  pin(batches: readonly Buffer[]): () => void {
    const pinned: Slab[] = [];
    let previous: ArrayBufferLike | null = null;
    for (const batch of batches) {
      // A log's batches lie one after another in its slabs: a run of them in one slab pins it once.
      if (batch.buffer === previous) continue;
      previous = batch.buffer;
      const slab = this.slabs.get(batch.buffer as ArrayBuffer);
      if (!slab) continue;
      slab.pins++;
      pinned.push(slab);
    }
    let done = pinned.length === 0;
    return () => {
      if (done) return;
      done = true;
      for (const slab of pinned) {
        slab.pins--;
        this.recycleIfUnused(slab);
      }
    };
  }

  /** The cursor's log is gone: its slab being filled may be used again once empty. */
  close(cursor: SlabCursor): void {
    const slab = cursor.slab;
    cursor.slab = null;
    if (!slab) return;
    slab.filling = false;
    this.recycleIfUnused(slab);
  }

  /** Slabs on the free lists, for tests and the health figures. */
  get freeSlabCount(): number {
    let count = 0;
    for (const list of this.free.values()) count += list.length;
    return count;
  }

  private nextSlab(cursor: SlabCursor, atLeast: number): Slab {
    if (cursor.slab) this.close(cursor);
    let bytes = Math.max(cursor.nextSlabBytes, this.smallest);
    while (bytes < atLeast) bytes *= 2;
    cursor.nextSlabBytes = Math.min(bytes * 2, this.largest);
    const slab = this.takeFree(bytes) ?? this.newSlab(bytes);
    slab.filling = true;
    cursor.slab = slab;
    cursor.used = 0;
    return slab;
  }

  private takeFree(bytes: number): Slab | undefined {
    const slab = this.free.get(bytes)?.pop();
    if (!slab) return undefined;
    slab.free = false;
    this.freeBytes -= bytes;
    return slab;
  }

  private newSlab(bytes: number): Slab {
    // freedAt starts as a clock reading, not 0: V8 stores a field that has only held small integers
    // as one, and the first slab freed (a clock reading is not one) would change the shape of every
    // slab and make V8 throw away the compiled code that stores batches.
    const slab: Slab = { memory: Buffer.allocUnsafeSlow(bytes), live: 0, pins: 0, filling: false, free: false, freedAt: this.clock() };
    this.slabs.set(slab.memory.buffer as ArrayBuffer, slab);
    return slab;
  }

  private unlive(slab: Slab, batches: number): void {
    slab.live -= batches;
    this.recycleIfUnused(slab);
  }

  private recycleIfUnused(slab: Slab): void {
    if (slab.free || slab.filling || slab.live > 0 || slab.pins > 0) return;
    const bytes = slab.memory.length;
    slab.free = true;
    slab.freedAt = this.clock();
    this.freeBytes += bytes;
    const list = this.free.get(bytes);
    if (list) list.push(slab);
    else this.free.set(bytes, [slab]);
  }

  /**
   * Lets go of free slabs beyond maxFreeBytes that have waited idleFreeMs without a use, the longest
   * waiting first. The broker calls it with its retention check.
   */
  trim(now: number): void {
    while (this.freeBytes > this.maxFreeBytes) {
      // Each list takes from its end and frees onto it, so its first slab has waited longest.
      let oldest: Slab[] | undefined;
      for (const list of this.free.values()) {
        if (list.length > 0 && (!oldest || list[0]!.freedAt < oldest[0]!.freedAt)) oldest = list;
      }
      if (!oldest || now - oldest[0]!.freedAt < this.idleFreeMs) return;
      const slab = oldest.shift()!;
      slab.free = false;
      this.freeBytes -= slab.memory.length;
      this.slabs.delete(slab.memory.buffer as ArrayBuffer);
    }
  }
}
