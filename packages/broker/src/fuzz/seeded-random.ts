/**
 * A small seeded pseudo-random generator (mulberry32), so a fuzz run that finds a bug can be
 * replayed exactly from its seed. Not for anything that needs real randomness.
 *
 * @example
 *   const random = new SeededRandom(42);
 *   random.int(0, 10); // the same sequence every run
 */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [min, max). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[this.int(0, items.length)]!;
  }

  bytes(length: number): Buffer {
    const result = Buffer.allocUnsafe(length);
    for (let i = 0; i < length; i++) result[i] = this.int(0, 256);
    return result;
  }
}
