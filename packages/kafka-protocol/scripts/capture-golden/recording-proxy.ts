/**
 * A loopback TCP proxy that records every Kafka request with its response.
 *
 * Each client connection gets its own upstream connection to the broker. Frames are reassembled
 * in both directions. Requests pass through untouched. Responses pass through untouched except
 * where the proxy must redirect clients to itself or where librdkafka's mock differs from Kafka
 * (response-rewrite.ts, unsupported-api-versions-answer.ts, and no answer to acks=0 Produce).
 * What is recorded is exactly what the client received.
 */
import net from 'node:net';
import { FrameSplitter, withSizePrefix } from './frame-splitter';
import { peekRequest } from './request-peek';
import { redirectToProxy, type BrokerAddress } from './response-rewrite';
import { kafkaStyleUnsupportedVersionAnswer } from './unsupported-api-versions-answer';

export interface RecordedExchange {
  connection: number;
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
  request: Buffer;
  /** null when the request expects no response (Produce with acks=0). */
  response: Buffer | null;
}

export class RecordingProxy {
  readonly exchanges: RecordedExchange[] = [];
  /** Failures that make the capture untrustworthy. */
  readonly problems: string[] = [];
  /** Things the proxy corrected, with how often, worth a line in the log. */
  readonly notes = new Map<string, number>();
  private readonly server = net.createServer((client) => this.relay(client));
  private readonly sockets = new Set<net.Socket>();
  private connectionCount = 0;

  private constructor(private readonly upstream: BrokerAddress) {}

  /** Example: `const proxy = await RecordingProxy.start({ host: '127.0.0.1', port: 9092 })`. */
  static async start(upstream: BrokerAddress): Promise<RecordingProxy> {
    const proxy = new RecordingProxy(upstream);
    await new Promise<void>((resolve, reject) => {
      proxy.server.once('error', reject);
      // Same host as the upstream, so rewriting the port alone redirects clients to us.
      proxy.server.listen(0, upstream.host, resolve);
    });
    return proxy;
  }

  get address(): BrokerAddress {
    const bound = this.server.address() as net.AddressInfo;
    return { host: this.upstream.host, port: bound.port };
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private note(text: string): void {
    this.notes.set(text, (this.notes.get(text) ?? 0) + 1);
  }

  private relay(client: net.Socket): void {
    const connection = ++this.connectionCount;
    const broker = net.connect(this.upstream.port, this.upstream.host);
    this.sockets.add(client).add(broker);
    const waiting = new Map<number, RecordedExchange>();
    const answerless = new Set<number>(); // correlation ids of acks=0 Produce requests
    const fail = (message: string): void => {
      this.problems.push(`connection ${connection}: ${message}`);
      client.destroy();
      broker.destroy();
    };

    const requests = new FrameSplitter((frame) => {
      const peeked = peekRequest(frame);
      const exchange: RecordedExchange = { connection, ...withoutFlag(peeked), request: frame, response: null };
      if (peeked.expectsResponse) waiting.set(peeked.correlationId, exchange);
      else {
        this.exchanges.push(exchange);
        answerless.add(peeked.correlationId);
      }
      broker.write(withSizePrefix(frame));
    });
    const responses = new FrameSplitter((frame) => {
      const correlationId = frame.readInt32BE(0);
      const exchange = waiting.get(correlationId);
      if (!exchange) {
        // librdkafka 2.0.2's mock answers Produce with acks=0; Kafka sends nothing (ProduceRequest.json),
        // so the client is not waiting for it. Drop it, as if a real broker had never sent it.
        if (answerless.delete(correlationId)) return this.note('dropped the mock\'s answer to an acks=0 Produce');
        return fail(`response with unknown correlation id ${correlationId}`);
      }
      waiting.delete(correlationId);
      const kafkaStyle = kafkaStyleUnsupportedVersionAnswer(exchange.apiKey, exchange.apiVersion, frame);
      if (kafkaStyle) this.note(`answered ApiVersions v${exchange.apiVersion} as Kafka does (v0 body, error 35)`);
      const delivered = redirectToProxy(exchange.apiKey, exchange.apiVersion, kafkaStyle ?? frame, this.upstream, this.address.port);
      exchange.response = delivered;
      this.exchanges.push(exchange);
      client.write(withSizePrefix(delivered));
    });

    const guarded = (splitter: FrameSplitter) => (chunk: Buffer) => {
      try {
        splitter.push(chunk);
      } catch (error) {
        fail((error as Error).message);
      }
    };
    client.on('data', guarded(requests));
    broker.on('data', guarded(responses));
    const close = (): void => {
      client.destroy();
      broker.destroy();
      this.sockets.delete(client);
      this.sockets.delete(broker);
    };
    client.on('close', close);
    broker.on('close', close);
    client.on('error', () => {}); // a client resetting its connection on shutdown is normal; 'close' follows
    broker.on('error', (error) => this.problems.push(`connection ${connection}: broker ${error.message}`));
  }
}

function withoutFlag<T extends { expectsResponse: boolean }>(peeked: T): Omit<T, 'expectsResponse'> {
  const { expectsResponse: _expectsResponse, ...rest } = peeked;
  return rest;
}
