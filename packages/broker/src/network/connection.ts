import type { Socket } from 'node:net';
import { FrameSplitter, type FrameReceiver } from './frame-splitter';
import { OutgoingChunks } from './outgoing-chunks';
import { ResponseQueue, type ResponseWriter } from './response-queue';
import type { ChunkReceiver } from './socket-reader';

export interface ClientConnection {
  readonly id: number;
  /** The client's address, as DescribeGroups reports it ("/127.0.0.1"). */
  readonly clientHost: string;
  /**
   * Aborted when the connection closes or is about to (after a bad request), so requests parked for
   * it (a long-poll Fetch) answer at once or let go.
   */
  readonly released: AbortSignal;
}

/**
 * A response as chunks (size prefix included), or null when the protocol says not to answer
 * (acks=0). `written` is called once the chunks are handed to the operating system, or once they
 * never will be (the connection closed): until then the chunks' memory must stay as it is.
 */
export type Answer = { readonly chunks: Buffer[]; readonly written?: () => void } | null;

/**
 * Answers one request frame: at once when it can (Produce, Metadata), as a promise when it must
 * wait (a long-poll Fetch, a JoinGroup). A frame that cannot be understood throws synchronously,
 * so that nothing after it on the connection is acted on; the answers to earlier requests still go
 * out, then the connection closes. A rejected promise closes the connection the same way.
 */
export type FrameHandler = (frame: Buffer, connection: ClientConnection) => Answer | Promise<Answer>;

export interface ConnectionOptions {
  maxRequestBytes: number;
  /** Requests read ahead of their responses before the socket stops reading (backpressure). */
  maxInFlightRequests: number;
  onClose: (connection: Connection) => void;
  log: (message: string) => void;
}

let nextConnectionId = 1;

/** One client socket: frames in, responses out in request order, never more than it can hold. */
export class Connection implements ClientConnection, ChunkReceiver, FrameReceiver, ResponseWriter<NonNullable<Answer>> {
  readonly id = nextConnectionId++;
  readonly clientHost: string;
  private readonly splitter: FrameSplitter;
  private readonly responses: ResponseQueue<NonNullable<Answer>>;
  /**
   * A plain flag rather than an AbortSignal: it is read for every request, and aborting a signal
   * when a client leaves made V8 throw away the optimized code of the functions that read it.
   */
  private isClosed = false;
  private readonly releasing = new AbortController();
  /** Read for every request (dispatch.ts): the signal itself, not AbortController's checked getter each time. */
  readonly released: AbortSignal = this.releasing.signal;
  /** Set once a request failed: later frames are ignored and the connection closes when earlier answers are out. */
  private stopping = false;
  /** Answers not yet handed to the socket (see write). */
  private readonly outgoing = new OutgoingChunks();
  /** Inside receive: its answers are written when it has handled the whole read. */
  private receiving = false;
  private flushScheduled = false;

  constructor(
    private readonly socket: Socket,
    private readonly handle: FrameHandler,
    private readonly options: ConnectionOptions,
  ) {
    this.clientHost = `/${socket.remoteAddress ?? 'unknown'}`;
    socket.setNoDelay(true);
    this.responses = new ResponseQueue(this);
    this.splitter = new FrameSplitter(options.maxRequestBytes, this);
    socket.on('drain', () => this.resumeIfRoom());
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  /** Bytes read from the socket, valid only until this returns (socket-reader.ts). */
  receive(chunk: Buffer): void {
    this.receiving = true;
    const result = this.splitter.push(chunk);
    this.receiving = false;
    if (!result.ok) this.fail(result.reason);
    else this.flush();
  }

  /** One whole request, from the frame splitter. */
  receiveFrame(frame: Buffer): void {
    if (this.stopping || this.isClosed) return;
    // The answer's place in line is taken once the handler returns: nothing else can take one in
    // between (a handler never answers another request synchronously).
    let answer: Answer | Promise<Answer>;
    try {
      answer = this.handle(frame, this);
    } catch (error) {
      this.stopAfterEarlierAnswers(error);
      return;
    }
    if (!(answer instanceof Promise)) {
      this.responses.ready(answer);
      this.pauseIfFull();
      return;
    }
    const respond = this.responses.reserve();
    this.pauseIfFull();
    answer.then(
      (settled) => {
        respond(settled);
        this.resumeIfRoom();
      },
      (error: unknown) => {
        respond(null);
        this.stopAfterEarlierAnswers(error);
      },
    );
  }

  private stopAfterEarlierAnswers(error: unknown): void {
    if (this.stopping) return;
    this.stopping = true;
    this.socket.pause();
    this.releasing.abort();
    const reason = error instanceof Error ? error.message : String(error);
    this.responses.whenDrained(() => this.fail(reason));
  }

  /**
   * Answers leave together: those to the requests of one read once the whole read is handled,
   * others (a long-poll Fetch, a JoinGroup, settled later) at the end of the event loop's turn,
   * with whatever else settles in it (setImmediate runs after the poll phase). On loopback a write
   * system call also pays for the receiver's TCP processing, so fewer, larger writes matter, and
   * each socket.write costs a stream's bookkeeping too. Answers encoded one after another sit side
   * by side in memory (Writer's arena) and go out as one piece.
   */
  writeResponse({ chunks, written }: NonNullable<Answer>): void {
    if (this.isClosed) {
      written?.();
      return;
    }
    for (const chunk of chunks) this.outgoing.add(chunk);
    if (written) this.outgoing.afterWrite(written);
    if (!this.receiving && !this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
  }

  /** Hands what was answered to the socket, or, once closed, lets its memory go. */
  private flush(): void {
    if (this.outgoing.isEmpty) return;
    const { chunks, written } = this.outgoing.take();
    if (this.isClosed || chunks.length === 0) {
      written?.();
      return;
    }
    if (chunks.length === 1) {
      this.socket.write(chunks[0]!, written);
      return;
    }
    this.socket.cork();
    const last = chunks.length - 1;
    // Node calls a write's callback once it is done, or when the socket is destroyed before.
    for (let i = 0; i < last; i++) this.socket.write(chunks[i]!);
    this.socket.write(chunks[last]!, written);
    this.socket.uncork();
  }

  private pauseIfFull(): void {
    if (this.responses.waiting >= this.options.maxInFlightRequests) this.socket.pause();
  }

  private resumeIfRoom(): void {
    if (this.stopping || this.isClosed || !this.socket.isPaused()) return;
    if (this.responses.waiting < this.options.maxInFlightRequests && !this.socket.writableNeedDrain) this.socket.resume();
  }

  /**
   * Closes only this connection, saying why in the broker log. What was already written (answers to
   * earlier requests) is flushed first; a peer that does not read it is cut off after a second.
   */
  fail(reason: string): void {
    if (this.isClosed) return;
    this.options.log(`closing connection ${this.id} from ${this.clientHost}: ${reason}`);
    this.flush();
    this.releasing.abort();
    this.isClosed = true;
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 1000).unref();
    this.options.onClose(this);
  }

  /** Closes at once: the peer has gone, or the broker is shutting down. */
  close(): void {
    if (this.isClosed) return;
    this.releasing.abort();
    this.isClosed = true;
    this.socket.destroy();
    this.flush();
    this.options.onClose(this);
  }
}
