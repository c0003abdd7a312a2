const PADDING = 'lanes-load-';

/**
 * The value of load record number `sequence`: readable JSON naming the generator and the sequence,
 * padded to exactly `bytes` bytes so a person can see what a message size means for throughput.
 * Below the size of that JSON, the value is just the sequence number, padded or cut to fit.
 *
 * @example
 *   loadValue('load-1', 7, 60) // {"generator":"load-1","seq":7,"pad":"lanes-load-lanes-l"}
 */
export function loadValue(generatorId: string, sequence: number, bytes: number): string {
  const head = `{"generator":${JSON.stringify(generatorId)},"seq":${sequence},"pad":"`;
  const tail = '"}';
  const room = bytes - byteLength(head) - tail.length;
  if (room < 0) return String(sequence).padEnd(bytes, '.').slice(0, bytes);
  return `${head}${PADDING.repeat(Math.ceil(room / PADDING.length)).slice(0, room)}${tail}`;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
