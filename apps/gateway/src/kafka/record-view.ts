import type { IHeaders, KafkaMessage } from 'kafkajs';
import { limits, type RecordExtras, type RecordView } from '@lanes/events';

/** The header outside producers may set to name themselves on the dashboard; Lanes sets it too. */
export const PRODUCER_HEADER = 'lanes-producer';

/** Shared by every record without headers; never written to. */
const NO_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** What a browser is shown of a record: key, a bounded preview of the value, where it sits, when. */
export function toRecordView(topic: string, partition: number, message: KafkaMessage): RecordView {
  const value = message.value;
  const { headers, producer } = message.headers ? recordExtras(message.headers) : { headers: NO_HEADERS, producer: undefined };
  const view: RecordView = {
    topic,
    partition,
    offset: Number(message.offset),
    key: message.key ? utf8Prefix(message.key, limits.maxKeyBytes) : null,
    value: value ? utf8Prefix(value, limits.valuePreviewBytes) : '',
    valueBytes: value?.length ?? 0,
    timestamp: Number(message.timestamp),
    headers,
  };
  if (producer !== undefined) view.producer = producer;
  return view;
}

/** A record's headers as text, with the producer's name taken out of them. */
export function recordExtras(raw: IHeaders): RecordExtras {
  let headers = NO_HEADERS;
  let producer: string | undefined;
  // for-in rather than Object.entries: most records have no headers, and this runs per record.
  for (const name in raw) {
    if (headers === NO_HEADERS && name !== PRODUCER_HEADER) headers = {};
    const text = headerText(raw[name]);
    if (name === PRODUCER_HEADER) producer = text;
    else headers[name] = text;
  }
  return producer === undefined ? { headers } : { headers, producer };
}

/** The first `maxBytes` as text; toString() with no range takes Node's shortest path. */
function utf8Prefix(bytes: Buffer, maxBytes: number): string {
  return bytes.length <= maxBytes ? bytes.toString() : bytes.toString('utf8', 0, maxBytes);
}

function headerText(raw: unknown): string {
  if (raw === undefined || raw === null) return '';
  if (Array.isArray(raw)) return raw.map(headerText).join(',');
  if (Buffer.isBuffer(raw)) return utf8Prefix(raw, 512);
  return String(raw).slice(0, 512);
}
