import type { FuzzFrame } from './fuzz-frames';
import { RawKafkaSocket } from './raw-kafka-socket';
import type { SeededRandom } from './seeded-random';

export interface FuzzConnectionResult {
  /** Responses received. */
  answers: number;
  /** A broken promise of the protocol seen on this connection, or null. */
  problem: string | null;
}

/**
 * Opens one connection, writes `frames` split into a few random chunks (so frames straddle TCP
 * writes), reads until the broker closes it or goes quiet, then hangs up. Checks what a client
 * relies on: answers come back as whole frames, each for a request that was sent, in request
 * order (requests may go unanswered: acks=0, or the connection was closed).
 */
export async function runFuzzConnection(
  port: number,
  frames: readonly FuzzFrame[],
  random: SeededRandom,
  options: { quietMs: number; maxMs: number },
): Promise<FuzzConnectionResult> {
  const socket = await RawKafkaSocket.connect(port);
  const wire = Buffer.concat(frames.map((f) => f.wire));
  let at = 0;
  while (at < wire.length) {
    const end = random.chance(0.5) ? wire.length : random.int(at + 1, wire.length + 1);
    socket.writeRaw(wire.subarray(at, end));
    at = end;
  }

  // Correlation ids the broker could answer, in order: those of frames whose boundaries it saw.
  const expected: number[] = [];
  for (const frame of frames) {
    if (!frame.honestSize) break;
    if (frame.wire.length >= 12) expected.push(frame.wire.readInt32BE(8));
  }

  const answered: number[] = [];
  const deadline = Date.now() + options.maxMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    try {
      const answer = await socket.nextFrame(Math.min(options.quietMs, left));
      if (answer.length < 4) return finish(socket, answered.length, `an answer of ${answer.length} bytes has no correlation id`);
      answered.push(answer.readInt32BE(0));
    } catch {
      break;
    }
  }
  if (socket.violation) return finish(socket, answered.length, socket.violation);
  let next = 0;
  for (const id of answered) {
    while (next < expected.length && expected[next] !== id) next++;
    if (next === expected.length) {
      return finish(socket, answered.length, `answers ${answered.join(',')} are not in request order ${expected.join(',')}`);
    }
    next++;
  }
  return finish(socket, answered.length, null);
}

function finish(socket: RawKafkaSocket, answers: number, problem: string | null): FuzzConnectionResult {
  socket.destroy();
  return { answers, problem };
}
