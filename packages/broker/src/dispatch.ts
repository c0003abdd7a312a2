import {
  ApiKey,
  ErrorCode,
  ProtocolError,
  Reader,
  UnsupportedApiError,
  encodeResponseChunks,
  readRequestBody,
  readRequestHeader,
  type RequestByKey,
  type RequestHeader,
} from '@lanes/kafka-protocol';
import type { BrokerContext, RequestContext } from './broker-context';
import { handlers } from './handlers';
import type { Answer, ClientConnection, FrameHandler } from './network/connection';
import { advertisedApiKeys, isSupported } from './supported-apis';

/** Thrown to close one connection on purpose; the message goes to the broker log. */
export class CloseConnection extends Error {}

/**
 * Turns request frames into response chunks. Bad input never escapes as a broker failure: a frame
 * that breaks the grammar, or an API or version we do not speak, closes only its own connection —
 * except ApiVersions, which always gets an UNSUPPORTED_VERSION answer in v0 so clients can
 * negotiate (broker-notes pitfall 1; KIP-511).
 */
export function createFrameHandler(broker: BrokerContext): FrameHandler {
  // Not async: decoding happens before anything is awaited, so a malformed frame throws at once and
  // the connection stops acting on anything that came after it. A handler that answers at once
  // (most do) is encoded at once, with no promise in between.
  return (frame, connection) => {
    let header: RequestHeader;
    let body: unknown;
    try {
      const reader = new Reader(frame);
      header = readRequestHeader(reader);
      if (!isSupported(header.apiKey, header.apiVersion)) {
        if (header.apiKey === ApiKey.ApiVersions) return apiVersionsUnsupported(header.correlationId);
        throw new CloseConnection(`unsupported API key ${header.apiKey} version ${header.apiVersion} from client ${JSON.stringify(header.clientId)}`);
      }
      body = readRequestBody(reader, header);
    } catch (error) {
      if (error instanceof ProtocolError || error instanceof UnsupportedApiError) throw new CloseConnection(`malformed request: ${error.message}`);
      throw error;
    }
    const handler = handlers[header.apiKey as keyof RequestByKey] as (b: BrokerContext, r: unknown, c: RequestContext) => unknown;
    const context = new HandlerContext(header, connection);
    // A handler that throws closes the connection through the caller, as a rejected answer does.
    try {
      const response = handler(broker, body, context);
      if (!(response instanceof Promise)) return encodeAnswer(context, response);
      return response
        .then((settled) => encodeAnswer(context, settled))
        .catch((error: unknown) => {
          context.runAfterWrite();
          throw error;
        });
    } catch (error) {
      context.runAfterWrite();
      throw error;
    }
  };
}

function encodeAnswer(context: HandlerContext, response: unknown): Answer {
  if (response === null) {
    context.runAfterWrite();
    return null;
  }
  const { header } = context;
  const chunks = encodeResponseChunks(header.apiKey as keyof RequestByKey, header.apiVersion, header.correlationId, response as never);
  return context.waitsForWrite ? { chunks, written: () => context.runAfterWrite() } : { chunks };
}

/**
 * What a handler knows of its request, and what it asked to run once the response is written (or
 * dropped). A class rather than an object literal with an arrow function: made for every request,
 * and a named closure costs a property definition each time under tsx (its keepNames).
 */
class HandlerContext implements RequestContext {
  readonly clientHost: string;
  readonly connectionReleased: AbortSignal;
  private callbacks: (() => void)[] | null = null;

  constructor(
    readonly header: RequestHeader,
    connection: ClientConnection,
  ) {
    this.clientHost = connection.clientHost;
    this.connectionReleased = connection.released;
  }

  afterWrite(callback: () => void): void {
    (this.callbacks ??= []).push(callback);
  }

  get waitsForWrite(): boolean {
    return this.callbacks !== null;
  }

  /** Runs each callback once. */
  runAfterWrite(): void {
    const callbacks = this.callbacks;
    this.callbacks = null;
    if (callbacks) for (const callback of callbacks) callback();
  }
}

function apiVersionsUnsupported(correlationId: number): Answer {
  const chunks = encodeResponseChunks(ApiKey.ApiVersions, 0, correlationId, {
    errorCode: ErrorCode.UNSUPPORTED_VERSION,
    apiKeys: advertisedApiKeys(),
  });
  return { chunks };
}
