import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** One record size of the benchmark: `records` values of exactly `valueBytes` bytes each. */
export interface RecordWorkload {
  label: string;
  valueBytes: number;
  records: number;
  /** One value per line, for `kcat -P -l`. */
  file: string;
}

const CHUNK_BYTES = 1024 * 1024;

/**
 * Writes the file kcat produces from: `records` lines, each a value of `valueBytes` printable bytes
 * (the record number, then 'x' padding) and a newline. Values carry no newline, so kcat's line
 * splitting yields exactly these records; compression is off everywhere, so their content does not
 * matter for speed.
 */
export function writeRecordFile(dir: string, label: string, valueBytes: number, records: number): RecordWorkload {
  const lineBytes = valueBytes + 1;
  const template = Buffer.alloc(lineBytes, 'x');
  template[valueBytes] = 0x0a;
  const linesPerChunk = Math.max(1, Math.floor(CHUNK_BYTES / lineBytes));
  const chunk = Buffer.alloc(linesPerChunk * lineBytes);
  const file = join(dir, `records-${valueBytes}.txt`);
  const fd = openSync(file, 'w');
  try {
    for (let first = 0; first < records; first += linesPerChunk) {
      const lines = Math.min(linesPerChunk, records - first);
      for (let line = 0; line < lines; line++) {
        const at = line * lineBytes;
        template.copy(chunk, at);
        chunk.write(String(first + line).slice(0, valueBytes), at, 'latin1');
      }
      writeSync(fd, chunk, 0, lines * lineBytes);
    }
  } finally {
    closeSync(fd);
  }
  return { label, valueBytes, records, file };
}
