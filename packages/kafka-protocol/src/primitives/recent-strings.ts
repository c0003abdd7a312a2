/** Strings up to this many bytes are looked up among those decoded recently (see recentString). */
export const RECENT_STRING_MAX_BYTES = 48;
const RECENT_STRING_SLOTS = 64;
const recentBytes: (Buffer | null)[] = new Array<Buffer | null>(RECENT_STRING_SLOTS).fill(null);
const recentText: string[] = new Array<string>(RECENT_STRING_SLOTS).fill('');

/**
 * Every request repeats the same few short strings (its client id, topic names, a group id), and
 * decoding UTF-8 costs a call into Node's C++ each time; a slot per recent string, chosen by its
 * length and first and last bytes, gives back the string already made when the bytes match.
 */
export function recentString(buffer: Buffer, at: number, length: number): string {
  if (length === 0) return '';
  const slot = (length * 31 + buffer[at]! * 7 + buffer[at + length - 1]!) & (RECENT_STRING_SLOTS - 1);
  const known = recentBytes[slot];
  if (known !== null && known !== undefined && known.length === length) {
    let same = true;
    for (let i = 0; i < length; i++) {
      if (known[i] !== buffer[at + i]) {
        same = false;
        break;
      }
    }
    if (same) return recentText[slot]!;
  }
  const text = buffer.toString('utf8', at, at + length);
  recentBytes[slot] = Buffer.from(buffer.subarray(at, at + length));
  recentText[slot] = text;
  return text;
}
