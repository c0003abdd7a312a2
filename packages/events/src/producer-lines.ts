import type { MessageInput } from './commands';

/**
 * Parses the producer panel's text, one message per line, in the form the seed labs type:
 *
 *   u1 click 10          key "u1", value "click 10"
 *    click 10            (leading space) no key, value "click 10"
 *   - click 10           (the no-key marker) no key, value "click 10"
 *   {"priority":"high"}  a JSON object: no key, the object is the value
 *   u1 {"page":"/home"}  key "u1", a JSON value
 *
 * Blank lines are skipped. A line that starts with '{' but is not valid JSON is an error that names
 * the line, so nothing is sent half-parsed.
 */
export const NO_KEY_MARKER = '-';

export type ParsedLines = { ok: true; messages: MessageInput[] } | { ok: false; line: number; message: string };

export function parseProducerLines(text: string, noKeyMarker: string = NO_KEY_MARKER): ParsedLines {
  const messages: MessageInput[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    if (line.startsWith('{')) {
      if (!isJsonObject(line)) return { ok: false, line: index + 1, message: `Line ${index + 1} starts with '{' but is not a valid JSON object.` };
      messages.push({ key: null, value: line });
      continue;
    }
    if (line.startsWith(' ') || line.startsWith('\t')) {
      messages.push({ key: null, value: line.trim() });
      continue;
    }
    const space = line.indexOf(' ');
    const key = space === -1 ? line : line.slice(0, space);
    const value = space === -1 ? '' : line.slice(space + 1);
    messages.push({ key: key === noKeyMarker ? null : key, value });
  }
  return { ok: true, messages };
}

function isJsonObject(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}
