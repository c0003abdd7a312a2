/**
 * The two changes the recording proxy makes to responses, both in place at fixed offsets so every
 * length stays the same and the result is still a valid response of the same version (and it is
 * what gets recorded: the bytes the client really received).
 *
 * 1. Broker ports in Metadata and FindCoordinator answers point at the proxy, so clients keep
 *    talking through it after their first Metadata instead of dialling the mock broker directly.
 *    The proxy listens on the host the mock advertises, so only the int32 port changes.
 * 2. librdkafka 2.0.2's mock answers Metadata v1+ with controller_id 0, a broker that does not
 *    exist (its broker is node 1). Real Kafka always names a live broker, and kafkajs looks the
 *    controller up for InitProducerId and admin calls, so with one broker we name that broker.
 *
 * Grammar: MetadataResponse.json and FindCoordinatorResponse.json in Kafka's message definitions;
 * flexible versions (KIP-482) use compact strings/arrays and a tagged-field section in the
 * response header (header v1) and at the end of every struct.
 */
import { Reader } from '../../src/primitives';

export interface BrokerAddress {
  host: string;
  port: number;
}

const METADATA = 3;
const FIND_COORDINATOR = 10;
const METADATA_FIRST_FLEXIBLE = 9;
const FIND_COORDINATOR_FIRST_FLEXIBLE = 3;
const FIND_COORDINATOR_FIRST_BATCHED = 4; // KIP-699: one response may name many coordinators

interface AdvertisedBroker extends BrokerAddress {
  nodeId: number;
  /** Where the int32 port sits in the frame. */
  portOffset: number;
}

interface BrokerMentions {
  brokers: AdvertisedBroker[];
  controller?: { nodeId: number; offset: number };
}

/** Returns the frame rewritten for the proxy at `proxyPort`, or the frame itself when nothing applies. */
export function redirectToProxy(
  apiKey: number,
  apiVersion: number,
  frame: Buffer,
  upstream: BrokerAddress,
  proxyPort: number,
): Buffer {
  let mentions: BrokerMentions;
  if (apiKey === METADATA) mentions = metadataMentions(apiVersion, frame);
  else if (apiKey === FIND_COORDINATOR) mentions = findCoordinatorMentions(apiVersion, frame);
  else return frame;

  const rewritten = Buffer.from(frame);
  for (const { host, port, portOffset } of mentions.brokers) {
    if (port === -1) continue; // an error answer (e.g. COORDINATOR_NOT_AVAILABLE) names no broker
    if (host !== upstream.host || port !== upstream.port) {
      throw new Error(
        `response advertises ${host}:${port}, but the proxy only fronts ${upstream.host}:${upstream.port}: ` +
          'start the mock cluster with one broker',
      );
    }
    rewritten.writeInt32BE(proxyPort, portOffset);
  }
  const { controller, brokers } = mentions;
  const onlyBroker = brokers.length === 1 ? brokers[0] : undefined;
  if (controller && onlyBroker && controller.nodeId !== onlyBroker.nodeId) {
    rewritten.writeInt32BE(onlyBroker.nodeId, controller.offset);
  }
  return rewritten;
}

function readBroker(reader: Reader, nodeId: number, flexible: boolean): AdvertisedBroker {
  const host = flexible ? reader.compactString() : reader.string();
  const portOffset = reader.offset;
  return { nodeId, host, port: reader.int32(), portOffset };
}

function openResponse(frame: Buffer, flexible: boolean): Reader {
  const reader = new Reader(frame, 4); // skip the correlation id
  if (flexible) reader.taggedFields();
  return reader;
}

function nullableString(reader: Reader, flexible: boolean): void {
  if (flexible) reader.compactNullableString();
  else reader.nullableString();
}

function metadataMentions(version: number, frame: Buffer): BrokerMentions {
  const flexible = version >= METADATA_FIRST_FLEXIBLE;
  const reader = openResponse(frame, flexible);
  if (version >= 3) reader.int32(); // throttle_time_ms
  const brokerCount = flexible ? reader.compactArrayLength() : reader.arrayLength();
  const brokers: AdvertisedBroker[] = [];
  for (let i = 0; i < brokerCount; i++) {
    brokers.push(readBroker(reader, reader.int32(), flexible));
    if (version >= 1) nullableString(reader, flexible); // rack
    if (flexible) reader.taggedFields();
  }
  if (version < 1) return { brokers };
  if (version >= 2) nullableString(reader, flexible); // cluster_id
  const offset = reader.offset;
  return { brokers, controller: { nodeId: reader.int32(), offset } };
}

function findCoordinatorMentions(version: number, frame: Buffer): BrokerMentions {
  const flexible = version >= FIND_COORDINATOR_FIRST_FLEXIBLE;
  const reader = openResponse(frame, flexible);
  if (version >= 1) reader.int32(); // throttle_time_ms
  if (version < FIND_COORDINATOR_FIRST_BATCHED) {
    reader.int16(); // error_code
    if (version >= 1) nullableString(reader, flexible); // error_message
    return { brokers: [readBroker(reader, reader.int32(), flexible)] };
  }
  const brokers: AdvertisedBroker[] = [];
  const coordinatorCount = reader.compactArrayLength();
  for (let i = 0; i < coordinatorCount; i++) {
    reader.compactString(); // key
    brokers.push(readBroker(reader, reader.int32(), true));
    reader.int16(); // error_code
    reader.compactNullableString(); // error_message
    reader.taggedFields();
  }
  return { brokers };
}
