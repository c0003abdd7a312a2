/**
 * Reads just enough of a request frame to pair it with its response: the request header
 * (protocol.html, "Request Header v1/v2") and, for Produce, the acks field, because a Produce
 * with acks=0 gets no response at all (ProduceRequest.json: "0 for no acknowledgments").
 */
import { Reader } from '../../src/primitives';

export interface PeekedRequest {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
  expectsResponse: boolean;
}

const PRODUCE = 0;
const PRODUCE_FIRST_FLEXIBLE = 9;

export function peekRequest(frame: Buffer): PeekedRequest {
  const reader = new Reader(frame);
  const apiKey = reader.int16();
  const apiVersion = reader.int16();
  const correlationId = reader.int32();
  // The client id keeps its int16 length even in header v2 (it predates KIP-482).
  const clientId = reader.nullableString();
  return { apiKey, apiVersion, correlationId, clientId, expectsResponse: !isFireAndForgetProduce(apiKey, apiVersion, reader) };
}

function isFireAndForgetProduce(apiKey: number, apiVersion: number, reader: Reader): boolean {
  if (apiKey !== PRODUCE) return false;
  const flexible = apiVersion >= PRODUCE_FIRST_FLEXIBLE;
  if (flexible) reader.taggedFields(); // request header v2
  if (apiVersion >= 3) {
    if (flexible) reader.compactNullableString();
    else reader.nullableString(); // transactional_id
  }
  return reader.int16() === 0;
}
