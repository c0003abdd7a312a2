import type { Socket } from 'node:net';
import { FrameSplitter } from './frame-splitter';
import { ResponseQueue } from './response-queue';

export interface ClientConnection {
  readonly id: number;
  /** The client's address, as DescribeGroups reports it ("/127.0.0.1"). */
  readonly clientHost: string;
}

/**
 * Answers one request frame: the response as chunks (size prefix included), or null when the
 * protocol says not to answer (acks=0). Throwing closes only this connection.
 */
export type FrameHandler = (frame: Buffer, connection: ClientConnection) => Promise<Buffer[] | null>;

export interface ConnectionOptions {
  maxRequestBytes: number;
  /** Requests read ahead of their responses before the socket stops reading (backpressure). */
  maxInFlightRequests: number;
  onClose: (connection: Connection) => void;
  log: (message: string) => void;
}

let nextConnectionId = 1;

/** One client socket: frames in, responses out in request order, never more than it can hold. */
export class Connection implements ClientConnection {
  readonly id = nextConnectionId++;
  readonly clientHost: string;
  private readonly splitter: FrameSplitter;
  private readonly responses: ResponseQueue;
  private closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly handle: FrameHandler,
    private readonly options: ConnectionOptions,
  ) {
    this.clientHost = `/${socket.remoteAddress ?? 'unknown'}`;
    socket.setNoDelay(true);
    this.responses = new ResponseQueue((chunks) => this.write(chunks));
    this.splitter = new FrameSplitter(options.maxRequestBytes, (frame) => this.onFrame(frame));
    socket.on('data', (chunk) => {
      const result = this.splitter.push(chunk);
      if (!result.ok) this.fail(result.reason);
    });
    socket.on('drain', () => this.resumeIfRoom());
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  private onFrame(frame: Buffer): void {
    if (this.closed) return;
    const respond = this.responses.reserve();
    if (this.responses.waiting >= this.options.maxInFlightRequests) this.socket.pause();
    this.handle(frame, this).then(
      (chunks) => {
        respond(chunks);
        this.resumeIfRoom();
      },
      (error: unknown) => this.fail(error instanceof Error ? error.message : String(error)),
    );
  }

  private write(chunks: Buffer[]): void {
    if (this.closed) return;
    if (chunks.length === 1) {
      this.socket.write(chunks[0]!);
      return;
    }
    this.socket.cork();
    for (const chunk of chunks) this.socket.write(chunk);
    this.socket.uncork();
  }

  private resumeIfRoom(): void {
    if (this.closed || !this.socket.isPaused()) return;
    if (this.responses.waiting < this.options.maxInFlightRequests && !this.socket.writableNeedDrain) this.socket.resume();
  }

  /** Closes only this connection, saying why in the broker log. */
  fail(reason: string): void {
    if (this.closed) return;
    this.options.log(`closing connection ${this.id} from ${this.clientHost}: ${reason}`);
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.options.onClose(this);
  }
}
