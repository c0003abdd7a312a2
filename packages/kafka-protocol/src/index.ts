/**
 * @lanes/kafka-protocol: Kafka wire protocol codecs with no I/O. Bytes in, objects out.
 *
 * @example
 *   const { header, body } = decodeRequestFrame(frame);        // frame: bytes after the size prefix
 *   const chunks = encodeResponseChunks(ApiKey.Metadata, header.apiVersion, header.correlationId, { brokers: [] });
 */
export * from './generated';
export { ErrorCode, errorName, type ErrorCodeName } from './error-codes';
export { Reader, Writer, ProtocolError, bytesLength, readInt16, readInt32, type Bytes } from './primitives';
export { codecFor, type EncodeInput, type MessageCodec } from './schema/codec';
export { MAX_VERSION, inRange, isFlexible, type MessageSchema, type FieldSchema, type VersionRange } from './schema/message-schema';
export {
  decodeRequestFrame,
  encodeRequestFrame,
  decodeResponseFrame,
  encodeResponseFrame,
  encodeResponseChunks,
  readRequestHeader,
  readRequestBody,
  isRequestFlexible,
  responseHeaderVersion,
  UnsupportedApiError,
  type RequestHeader,
  type DecodedRequest,
} from './frames';
export * from './records';
