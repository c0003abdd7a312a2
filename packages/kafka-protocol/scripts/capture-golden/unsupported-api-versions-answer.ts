/**
 * Replaces the librdkafka mock's answer to an ApiVersions request it does not support with the
 * bytes Apache Kafka sends instead.
 *
 * librdkafka 2.0.2's mock speaks ApiVersions 0-2. Asked for v3 (librdkafka's first request, KIP-511)
 * it answers error 35 with a hand-made body that is neither v0 nor v3: a one-byte array count that
 * is not count+1, no tagged fields (its own source marks this "FIXME: uvarint"). Kafka instead
 * serialises the error at version 0 (RequestContext.apiVersion: "Use v0 when serializing an
 * unhandled ApiVersion response") with ApiKeys holding only the ApiVersions range (KIP-511), and
 * clients parse it as v0 (ApiVersionsResponse.parse falls back to v0). Recording the mock's bytes
 * would make a golden fixture out of a frame no Kafka broker sends.
 *
 *   ApiVersions Response (Version: 0) => error_code [api_keys]
 *     api_keys => api_key min_version max_version
 */
import { Reader, Writer } from '../../src/primitives';

const API_VERSIONS = 18;
const UNSUPPORTED_VERSION = 35;
const FIRST_FLEXIBLE = 3;

/** The Kafka-style v0 error answer, or undefined when `frame` is not the mock's unsupported-version answer. */
export function kafkaStyleUnsupportedVersionAnswer(apiKey: number, requestVersion: number, frame: Buffer): Buffer | undefined {
  if (apiKey !== API_VERSIONS || requestVersion < FIRST_FLEXIBLE) return undefined;
  const reader = new Reader(frame);
  const correlationId = reader.int32();
  if (reader.int16() !== UNSUPPORTED_VERSION) return undefined;
  const count = reader.int8(); // the mock writes the plain count in one byte
  const ranges: { apiKey: number; minVersion: number; maxVersion: number }[] = [];
  for (let i = 0; i < count; i++) ranges.push({ apiKey: reader.int16(), minVersion: reader.int16(), maxVersion: reader.int16() });
  const own = ranges.find((range) => range.apiKey === API_VERSIONS);
  if (!own) throw new Error('the mock answered ApiVersions UNSUPPORTED_VERSION without its own version range');

  return new Writer()
    .int32(correlationId)
    .int16(UNSUPPORTED_VERSION)
    .arrayLength(1)
    .int16(own.apiKey)
    .int16(own.minVersion)
    .int16(own.maxVersion)
    .toBuffer();
}
