/**
 * Kafka request and response frames, without the int32 size prefix that precedes each on the wire.
 *
 *   Request  => RequestHeader body      RequestHeader v1 => api_key api_version correlation_id client_id
 *                                       RequestHeader v2 => v1 + TAG_BUFFER (flexible requests, KIP-482)
 *   Response => ResponseHeader body     ResponseHeader v0 => correlation_id; v1 => v0 + TAG_BUFFER
 *
 * ApiVersions responses always use header v0, even for flexible v3+, so that a client can read the
 * answer before it knows which versions the broker speaks (KIP-511).
 */
import { apiSchemas, type ApiSchemas, type RequestByKey, type ResponseByKey } from './generated';
import { Reader } from './primitives/reader';
import { Writer } from './primitives/writer';
import { codecFor, type EncodeInput } from './schema/codec';
import { inRange, isFlexible } from './schema/message-schema';

const API_VERSIONS_KEY = 18;

export interface RequestHeader {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
}

export interface DecodedRequest<K extends keyof RequestByKey = keyof RequestByKey> {
  header: RequestHeader;
  body: RequestByKey[K];
}

export class UnsupportedApiError extends Error {
  override readonly name = 'UnsupportedApiError';
  constructor(
    readonly header: RequestHeader,
    message: string,
  ) {
    super(message);
  }
}

function schemasOf(apiKey: number): ApiSchemas | undefined {
  return apiSchemas.get(apiKey);
}

export function isRequestFlexible(apiKey: number, apiVersion: number): boolean {
  const api = schemasOf(apiKey);
  return api !== undefined && inRange(api.request.validVersions, apiVersion) && isFlexible(api.request, apiVersion);
}

export function responseHeaderVersion(apiKey: number, apiVersion: number): 0 | 1 {
  if (apiKey === API_VERSIONS_KEY) return 0;
  const api = schemasOf(apiKey);
  return api !== undefined && isFlexible(api.response, apiVersion) ? 1 : 0;
}

/**
 * Reads the header fields every request version shares (api key, version, correlation id, client id).
 * They come first in header v1 and v2 alike, so a broker can always learn whom to answer, even for an
 * API or version it does not speak.
 */
export function readRequestHeader(reader: Reader): RequestHeader {
  const apiKey = reader.int16();
  const apiVersion = reader.int16();
  const correlationId = reader.int32();
  const clientId = reader.nullableString();
  return { apiKey, apiVersion, correlationId, clientId };
}

/**
 * Decodes a whole request frame. Throws UnsupportedApiError (carrying the header, so the caller can
 * still answer) for an API key or version this package does not encode, and ProtocolError for bytes
 * that break the grammar.
 */
export function decodeRequestFrame(frame: Buffer): DecodedRequest {
  const reader = new Reader(frame);
  const header = readRequestHeader(reader);
  return { header, body: readRequestBody(reader, header) };
}

/**
 * The body of a request whose header was just read from `reader`, for a caller that looks at the
 * header first (a broker deciding whether it speaks that API). Throws as decodeRequestFrame does.
 */
export function readRequestBody(reader: Reader, header: RequestHeader): RequestByKey[keyof RequestByKey] {
  const api = schemasOf(header.apiKey);
  if (!api) throw new UnsupportedApiError(header, `unknown API key ${header.apiKey}`);
  if (!inRange(api.request.validVersions, header.apiVersion)) {
    throw new UnsupportedApiError(header, `${api.name} v${header.apiVersion} is not supported`);
  }
  const codec = codecFor<RequestByKey[keyof RequestByKey]>(api.request, header.apiVersion);
  if (codec.flexible) reader.taggedFields();
  return codec.read(reader);
}

export function encodeRequestFrame<K extends keyof RequestByKey>(
  header: RequestHeader & { apiKey: K },
  body: EncodeInput<RequestByKey[K]>,
): Buffer {
  const api = schemasOf(header.apiKey);
  if (!api) throw new RangeError(`unknown API key ${header.apiKey}`);
  const codec = codecFor<RequestByKey[K]>(api.request, header.apiVersion);
  const writer = new Writer();
  writer.int16(header.apiKey).int16(header.apiVersion).int32(header.correlationId).nullableString(header.clientId);
  if (codec.flexible) writer.uvarint(0);
  codec.write(writer, body);
  return writer.toBuffer();
}

function writeResponse<K extends keyof ResponseByKey>(
  apiKey: K,
  apiVersion: number,
  correlationId: number,
  body: EncodeInput<ResponseByKey[K]>,
  writer: Writer,
): Writer {
  const api = schemasOf(apiKey);
  if (!api) throw new RangeError(`unknown API key ${apiKey}`);
  const codec = codecFor<ResponseByKey[K]>(api.response, apiVersion);
  writer.int32(correlationId);
  if (responseHeaderVersion(apiKey, apiVersion) === 1) writer.uvarint(0);
  codec.write(writer, body);
  return writer;
}

export function encodeResponseFrame<K extends keyof ResponseByKey>(
  apiKey: K,
  apiVersion: number,
  correlationId: number,
  body: EncodeInput<ResponseByKey[K]>,
): Buffer {
  return writeResponse(apiKey, apiVersion, correlationId, body, new Writer()).toBuffer();
}

/**
 * The response as chunks ready for a vectored socket write, size prefix included. A small response
 * is one chunk; large record batches stay references to the buffers they came in, never copied.
 */
export function encodeResponseChunks<K extends keyof ResponseByKey>(
  apiKey: K,
  apiVersion: number,
  correlationId: number,
  body: EncodeInput<ResponseByKey[K]>,
): Buffer[] {
  const writer = new Writer();
  // The size goes first, in the same scratch buffer; it is known, and filled in, at the end.
  writer.int32(0);
  const chunks = writeResponse(apiKey, apiVersion, correlationId, body, writer).toChunks();
  chunks[0]!.writeInt32BE(writer.length - 4, 0);
  return chunks;
}

export function decodeResponseFrame<K extends keyof ResponseByKey>(
  apiKey: K,
  apiVersion: number,
  frame: Buffer,
): { correlationId: number; body: ResponseByKey[K] } {
  const api = schemasOf(apiKey);
  if (!api) throw new RangeError(`unknown API key ${apiKey}`);
  const reader = new Reader(frame);
  const correlationId = reader.int32();
  if (responseHeaderVersion(apiKey, apiVersion) === 1) reader.taggedFields();
  const body = codecFor<ResponseByKey[K]>(api.response, apiVersion).read(reader);
  return { correlationId, body };
}
