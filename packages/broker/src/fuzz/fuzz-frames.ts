import { Writer } from '@lanes/kafka-protocol';
import { SUPPORTED_API_VERSIONS } from '../supported-apis';
import type { SampleRequest } from './sample-requests';
import type { SeededRandom } from './seeded-random';

/** One thing a fuzzing client puts on the wire. */
export interface FuzzFrame {
  /** What generated it, for reports: 'mutated Fetch v11: truncate, flip', 'random bytes', ... */
  kind: string;
  /** Exactly the bytes written, size prefix included. */
  wire: Buffer;
  /**
   * True when the size prefix tells the truth about the bytes after it, so the broker still sees
   * frame boundaries where the client put them. A lying prefix desynchronises the stream for good,
   * so the generator only puts one last on a connection.
   */
  honestSize: boolean;
}

/** Values that break code which trusts a length, a count, an offset or a timeout. */
const HOSTILE_INT32 = [0x7fffffff, -0x80000000, -1, -2, 0, 0x10000, 0x7ffffff0, 1_000_000_000];
const HOSTILE_INT16 = [0x7fff, -0x8000, -1, -2, 0];

function withSize(frame: Buffer, declared = frame.length): Buffer {
  const wire = Buffer.allocUnsafe(4 + frame.length);
  wire.writeInt32BE(declared, 0);
  frame.copy(wire, 4);
  return wire;
}

type Mutation = (random: SeededRandom, frame: Buffer) => Buffer;

/** Byte-level damage, applied to valid requests. Each returns a new buffer. */
const mutations: Record<string, Mutation> = {
  flip: (random, frame) => {
    const copy = Buffer.from(frame);
    const flips = random.int(1, 5);
    for (let i = 0; i < flips && copy.length > 0; i++) copy[random.int(0, copy.length)]! ^= 1 << random.int(0, 8);
    return copy;
  },
  truncate: (random, frame) => frame.subarray(0, random.int(0, frame.length)),
  extend: (random, frame) => Buffer.concat([frame, random.bytes(random.int(1, 64))]),
  hostileInt32: (random, frame) => {
    const copy = Buffer.from(frame);
    if (copy.length >= 4) copy.writeInt32BE(random.pick(HOSTILE_INT32), random.int(0, copy.length - 3));
    return copy;
  },
  hostileInt16: (random, frame) => {
    const copy = Buffer.from(frame);
    if (copy.length >= 2) copy.writeInt16BE(random.pick(HOSTILE_INT16), random.int(0, copy.length - 1));
    return copy;
  },
  // Compact lengths and tagged-field counts are unsigned varints: a run of 0xff makes them huge or overlong.
  varintRun: (random, frame) => {
    const copy = Buffer.from(frame);
    const at = random.int(0, Math.max(1, copy.length));
    copy.fill(0xff, at, Math.min(copy.length, at + random.int(1, 7)));
    return copy;
  },
  splice: (random, frame) => {
    const at = random.int(0, frame.length + 1);
    const cut = random.int(0, 16);
    return Buffer.concat([frame.subarray(0, at), random.bytes(random.int(0, 16)), frame.subarray(at + cut)]);
  },
  repeat: (random, frame) => {
    const at = random.int(0, frame.length + 1);
    const end = Math.min(frame.length, at + random.int(1, 32));
    return Buffer.concat([frame.subarray(0, end), frame.subarray(at, end), frame.subarray(end)]);
  },
};
const mutationNames = Object.keys(mutations);

function header(apiKey: number, apiVersion: number, correlationId: number): Writer {
  return new Writer().int16(apiKey).int16(apiVersion).int32(correlationId).nullableString('fuzz-client');
}

/**
 * Makes fuzz frames from a seeded generator: damaged valid requests of every API and version,
 * valid headers with random bodies, random bytes, and size prefixes near or past the broker's
 * limit. Every honest frame gets a fresh correlation id (when it is long enough to carry one),
 * so the test can check that answers come back in request order.
 *
 * @example
 *   const frames = new FuzzFrames(new SeededRandom(1), sampleRequests(), 64 * 1024);
 *   socket.writeRaw(frames.next().wire);
 */
export class FuzzFrames {
  private correlationId = 1000;

  constructor(
    private readonly random: SeededRandom,
    private readonly samples: readonly SampleRequest[],
    private readonly maxRequestBytes: number,
  ) {}

  /** A frame whose size prefix is honest; the broker may still find its contents unacceptable. */
  next(): FuzzFrame {
    const roll = this.random.next();
    if (roll < 0.05) return this.nextValid();
    if (roll < 0.7) return this.mutated();
    if (roll < 0.85) return this.headerWithRandomBody();
    if (roll < 0.95) return this.randomBytes();
    return this.nearMaxSize();
  }

  /** A size prefix that lies or breaks the limit; nothing after it on the connection means anything. */
  lyingSize(): FuzzFrame {
    const random = this.random;
    const max = this.maxRequestBytes;
    switch (random.int(0, 4)) {
      case 0:
        return { kind: 'size just over the limit', wire: withSize(random.bytes(64), max + random.int(1, 4)), honestSize: false };
      case 1:
        return { kind: 'negative size', wire: withSize(random.bytes(16), random.pick([-1, -2, -0x80000000, -random.int(1, 1 << 30)])), honestSize: false };
      case 2:
        return { kind: 'huge size', wire: withSize(random.bytes(8), random.int(max + 1, 0x7fffffff)), honestSize: false };
      default: {
        // Declares more than it sends: the broker must wait, then forget it when the client leaves.
        const frame = this.stamp(Buffer.from(random.pick(this.samples).frame));
        return { kind: 'size longer than the bytes sent', wire: withSize(frame, frame.length + random.int(1, max - frame.length)), honestSize: false };
      }
    }
  }

  /** A valid request of a random API and version, unharmed. */
  nextValid(): FuzzFrame {
    const sample = this.random.pick(this.samples);
    return { kind: `valid ${sample.apiKey} v${sample.apiVersion}`, wire: withSize(this.stamp(Buffer.from(sample.frame))), honestSize: true };
  }

  private mutated(): FuzzFrame {
    const sample = this.random.pick(this.samples);
    let frame = this.stamp(Buffer.from(sample.frame));
    const applied: string[] = [];
    // Mostly one mutation: a frame damaged in one place gets furthest into the decoder and handler.
    const count = this.random.chance(0.6) ? 1 : this.random.int(2, 4);
    for (let i = 0; i < count; i++) {
      const name = this.random.pick(mutationNames);
      applied.push(name);
      // Mostly damage the body, so requests get past the header into each API's decoder and handler.
      const keepHeader = frame.length > 8 && this.random.chance(0.8);
      frame = keepHeader ? Buffer.concat([frame.subarray(0, 8), mutations[name]!(this.random, frame.subarray(8))]) : mutations[name]!(this.random, frame);
    }
    return { kind: `mutated ${sample.apiKey} v${sample.apiVersion}: ${applied.join(', ')}`, wire: withSize(frame), honestSize: true };
  }

  private headerWithRandomBody(): FuzzFrame {
    const random = this.random;
    let apiKey: number;
    let apiVersion: number;
    if (random.chance(0.9)) {
      [apiKey] = random.pick([...SUPPORTED_API_VERSIONS]);
      const [min, max] = SUPPORTED_API_VERSIONS.get(apiKey)!;
      apiVersion = random.int(min, max + 1);
    } else {
      apiKey = random.int(-2, 80);
      apiVersion = random.int(-2, 20);
    }
    const frame = header(apiKey, apiVersion, this.correlationId++).raw(random.bytes(random.int(0, 200))).toBuffer();
    return { kind: `header ${apiKey} v${apiVersion} with random body`, wire: withSize(frame), honestSize: true };
  }

  private randomBytes(): FuzzFrame {
    return { kind: 'random bytes', wire: withSize(this.random.bytes(this.random.int(0, 300))), honestSize: true };
  }

  /** A frame right at the limit: a valid header, then filler up to maxRequestBytes minus 0-2 bytes. */
  private nearMaxSize(): FuzzFrame {
    const sample = this.random.pick(this.samples);
    const size = this.maxRequestBytes - this.random.int(0, 3);
    const frame = Buffer.alloc(size, this.random.int(0, 256));
    this.stamp(Buffer.from(sample.frame)).copy(frame, 0, 0, Math.min(size, sample.frame.length));
    return { kind: `near max size ${size}, ${sample.apiKey} v${sample.apiVersion} header`, wire: withSize(frame), honestSize: true };
  }

  /** Gives a frame a fresh correlation id (bytes 4-7 of the header). */
  private stamp(frame: Buffer): Buffer {
    if (frame.length >= 8) frame.writeInt32BE(this.correlationId++, 4);
    return frame;
  }
}
