import type { RecordsBatch } from './views';

/**
 * `records:batch` travels as UTF-8 JSON bytes: the gateway encodes a flush once and sends the same
 * bytes to every browser (socket.io passes binary attachments through untouched), instead of
 * serialising the same records once per connected student.
 */
export function encodeRecordsBatch(batch: RecordsBatch): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(batch));
}

export function decodeRecordsBatch(bytes: Uint8Array | ArrayBuffer): RecordsBatch {
  return JSON.parse(new TextDecoder().decode(bytes)) as RecordsBatch;
}
