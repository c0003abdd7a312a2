import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBroker, type Broker } from '../index';
import { runFuzzConnection } from './fuzz-connection';
import { FuzzFrames, type FuzzFrame } from './fuzz-frames';
import { reachableHeapBytes } from './heap';
import { kafkajsRoundTrip } from './kafkajs-round-trip';
import { FUZZ_TOPIC, sampleRequests } from './sample-requests';
import { SeededRandom } from './seeded-random';

// Throws thousands of damaged and random frames at a real broker over loopback, then checks that
// it is still up and serving real clients, that its connections are all gone, and that a second
// round of the same size does not grow the heap. Replay a failure with FUZZ_SEED=<seed>.

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed);
const MAX_REQUEST_BYTES = 64 * 1024;
const FRAMES_PER_ROUND = 6000;
const PARALLEL_CONNECTIONS = 40;
const ALLOWED_HEAP_GROWTH_BYTES = 20 * 1024 * 1024;

interface RoundReport {
  frames: number;
  connections: number;
  answers: number;
  problems: string[];
}

let broker: Broker;
/** Connections the broker closed, by its own log: counted there, so a slow test machine cannot skew it. */
let connectionsClosedByBroker = 0;
const samples = sampleRequests();

beforeAll(async () => {
  const log = (line: string) => {
    if (line.startsWith('closing connection')) connectionsClosedByBroker++;
  };
  broker = await startBroker({ port: 0, maxRequestBytes: MAX_REQUEST_BYTES, log });
  broker.topics.create(FUZZ_TOPIC, 3);
});

afterAll(async () => {
  await broker?.close();
});

/**
 * Splits a round's frames over connections of 1-20 frames, some ending in a size prefix that lies.
 * One connection in five is a pipeline of valid requests only, so answers (and their order) are
 * checked in bulk too: a damaged frame closes its connection and drops what was still owed on it.
 */
function planConnections(random: SeededRandom): FuzzFrame[][] {
  const frames = new FuzzFrames(random, samples, MAX_REQUEST_BYTES);
  const connections: FuzzFrame[][] = [];
  let total = 0;
  while (total < FRAMES_PER_ROUND) {
    const pipeline = random.chance(0.2);
    const planned = Array.from({ length: random.int(1, 21) }, () => (pipeline ? frames.nextValid() : frames.next()));
    if (!pipeline && random.chance(0.15)) planned.push(frames.lyingSize());
    connections.push(planned);
    total += planned.length;
  }
  return connections;
}

async function fuzzRound(seed: number): Promise<RoundReport> {
  const random = new SeededRandom(seed);
  const connections = planConnections(random);
  const report: RoundReport = { frames: 0, connections: connections.length, answers: 0, problems: [] };
  let nextConnection = 0;
  const worker = async () => {
    while (nextConnection < connections.length) {
      const index = nextConnection++;
      const frames = connections[index]!;
      const result = await runFuzzConnection(broker.port, frames, random, { quietMs: 250, maxMs: 3000 });
      report.frames += frames.length;
      report.answers += result.answers;
      if (result.problem) report.problems.push(`seed ${seed}, connection ${index} [${frames.map((f) => f.kind).join(' | ')}]: ${result.problem}`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_CONNECTIONS }, worker));
  return report;
}

/** Every fuzz socket is closed by now; the broker must let go of all of them. */
async function expectNoConnectionsLeft(): Promise<void> {
  await expect.poll(() => broker.connectionCount, { timeout: 5000, interval: 20 }).toBe(0);
}

async function heapAfterSettling(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  return reachableHeapBytes();
}

describe('broker under fuzzed input', () => {
  const heap: number[] = [];

  it('survives a first round of damaged, random and oversized frames, answering in request order', async () => {
    const report = await fuzzRound(SEED);
    expect(report.problems).toEqual([]);
    await expectNoConnectionsLeft();
    heap.push(await heapAfterSettling());
    expect(report.frames).toBeGreaterThanOrEqual(FRAMES_PER_ROUND);
    // The fuzz reached both outcomes: damaged requests closed connections, and some were answered.
    expect(connectionsClosedByBroker).toBeGreaterThan(report.connections / 2);
    expect(report.answers).toBeGreaterThan(FRAMES_PER_ROUND / 20);
  });

  it('keeps the heap flat over a second round of the same size', async () => {
    const report = await fuzzRound(SEED + 1);
    expect(report.problems).toEqual([]);
    await expectNoConnectionsLeft();
    heap.push(await heapAfterSettling());
    const growth = heap[1]! - heap[0]!;
    expect(growth, `heap grew by ${(growth / 1048576).toFixed(1)} MB between rounds`).toBeLessThan(ALLOWED_HEAP_GROWTH_BYTES);
  });

  it('still lets a kafkajs client create a topic, produce and consume', async () => {
    const values = ['after', 'the', 'storm'];
    expect(await kafkajsRoundTrip(broker.bootstrap, 'survivor-topic', values)).toEqual(values);
    await expectNoConnectionsLeft();
  });
});
