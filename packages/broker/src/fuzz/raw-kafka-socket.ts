import { connect, type Socket } from 'node:net';
import {
  decodeResponseFrame,
  encodeRequestFrame,
  type EncodeInput,
  type RequestByKey,
  type ResponseByKey,
} from '@lanes/kafka-protocol';

type ApiKeyWithBoth = keyof RequestByKey & keyof ResponseByKey;

/**
 * A bare TCP connection to a broker for tests that must control every byte: it sends frames
 * exactly as given (valid, broken, or split) and hands back each response frame as it arrived,
 * without the size prefix. Deliberately independent of the broker's own network code, so tests of
 * that code do not grade their own homework.
 *
 * @example
 *   const socket = await RawKafkaSocket.connect(broker.port);
 *   const { body } = await socket.request(ApiKey.Metadata, 1, { topics: null });
 */
export class RawKafkaSocket {
  /** Bytes received and not yet handed out as frames, in the chunks they came in. */
  private unjoined: Buffer[] = [];
  private unjoinedBytes = 0;
  private readonly frames: Buffer[] = [];
  private readonly waiters: (() => void)[] = [];
  private serverClosed = false;
  /** Set when the broker broke framing itself; a test should fail on it. */
  violation: string | null = null;
  private nextCorrelationId = 1;
  /** Resolves once the connection is closed, by either side. */
  readonly closed: Promise<void>;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => this.onData(chunk));
    // A reset from the broker (it destroys sockets it rejects) is a close like any other here.
    socket.on('error', () => {});
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.serverClosed = true;
        this.wake();
        resolve();
      }),
    );
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RawKafkaSocket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host, noDelay: true });
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new RawKafkaSocket(socket));
      });
    });
  }

  get isClosed(): boolean {
    return this.serverClosed;
  }

  /** Frames received and not yet taken by nextFrame. */
  get bufferedFrames(): number {
    return this.frames.length;
  }

  /** Writes bytes as they are: no size prefix added. */
  writeRaw(bytes: Buffer): void {
    if (!this.socket.destroyed) this.socket.write(bytes);
  }

  /** Writes one frame with its int32 size prefix. */
  sendFrame(frame: Buffer): void {
    const size = Buffer.allocUnsafe(4);
    size.writeInt32BE(frame.length, 0);
    this.writeRaw(Buffer.concat([size, frame]));
  }

  /** Encodes a request, sends it, and returns the correlation id it carries. */
  send<K extends keyof RequestByKey>(
    apiKey: K,
    apiVersion: number,
    body: EncodeInput<RequestByKey[K]>,
    correlationId = this.nextCorrelationId++,
  ): number {
    this.sendFrame(encodeRequestFrame({ apiKey, apiVersion, correlationId, clientId: 'raw-socket-test' }, body));
    return correlationId;
  }

  /** Sends a request and decodes the next response frame as its answer. */
  async request<K extends ApiKeyWithBoth>(
    apiKey: K,
    apiVersion: number,
    body: EncodeInput<RequestByKey[K]>,
    timeoutMs = 2000,
  ): Promise<{ correlationId: number; body: ResponseByKey[K] }> {
    const sent = this.send(apiKey, apiVersion, body);
    const answer = decodeResponseFrame(apiKey, apiVersion, await this.nextFrame(timeoutMs));
    if (answer.correlationId !== sent) throw new Error(`expected correlation id ${sent}, got ${answer.correlationId}`);
    return answer;
  }

  /** The next response frame (without its size prefix); rejects on timeout or when the connection closed first. */
  async nextFrame(timeoutMs = 2000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length === 0) {
      if (this.serverClosed) throw new Error(this.violation ?? 'connection closed before a response arrived');
      const left = deadline - Date.now();
      if (left <= 0) {
        // Timers run before I/O in Node's event loop: after a busy stretch a timeout can fire while
        // the bytes (or the close) it waited for sit unread. Let pending I/O in once before giving up.
        await new Promise((resolve) => setImmediate(resolve));
        if (this.frames.length > 0 || this.serverClosed) continue;
        throw new Error(`no response within ${timeoutMs} ms`);
      }
      await this.waitForActivity(left);
    }
    return this.frames.shift()!;
  }

  /** True when the connection closes within `timeoutMs`. */
  async closesWithin(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const result = await Promise.race([this.closed.then(() => true as const), timedOut]);
    clearTimeout(timer);
    if (result) return true;
    await new Promise((resolve) => setImmediate(resolve));
    return this.serverClosed;
  }

  /** Stops reading: what the broker writes piles up in its socket, as with a client that is busy. */
  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  destroy(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    // Chunks are joined only once a whole frame is there: joining at every chunk would copy a large
    // response over and over.
    this.unjoined.push(chunk);
    this.unjoinedBytes += chunk.length;
    while (this.unjoinedBytes >= 4) {
      if (this.unjoined.length > 1 && this.unjoined[0]!.length < 4) this.join();
      const size = this.unjoined[0]!.readInt32BE(0);
      if (size < 0) {
        this.violation = `broker sent a negative frame size ${size}`;
        this.socket.destroy();
        return;
      }
      if (this.unjoinedBytes < 4 + size) break;
      if (this.unjoined[0]!.length < 4 + size) this.join();
      const first = this.unjoined[0]!;
      this.frames.push(first.subarray(4, 4 + size));
      const rest = first.subarray(4 + size);
      this.unjoinedBytes -= 4 + size;
      if (rest.length > 0) this.unjoined[0] = rest;
      else this.unjoined.shift();
    }
    this.wake();
  }

  private join(): void {
    this.unjoined = [Buffer.concat(this.unjoined)];
  }

  private waitForActivity(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(done);
    });
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
