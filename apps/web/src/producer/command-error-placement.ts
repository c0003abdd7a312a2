import type { CommandError } from '@lanes/events';
import type { ProduceTarget } from './produce-request';

export interface PlacedError<T extends string> {
  target: T;
  message: string;
}

/**
 * Puts a `records:produce` error from the gateway next to the control it names. `error.field` is the
 * zod path ("messages.1.partition", "profile"); message-level errors are rewritten to name the line
 * the person typed, since "message 2" is not what they see when blank lines are skipped.
 *
 * @example
 *   placeProduceError({ code: 'invalid_input', message: 'Message 2: ...', field: 'messages.1.key' }, [1, 3])
 *   // { target: 'messages', message: 'Line 3: ...' }
 */
export function placeProduceError(error: CommandError, lineNumbers: readonly number[]): PlacedError<ProduceTarget> {
  const field = error.field ?? '';
  const message = withoutFieldPrefix(error.message, field);
  const perMessage = /^messages\.(\d+)(?:\.(\w+))?/.exec(field);
  if (perMessage) {
    const index = Number(perMessage[1]);
    const line = lineNumbers[index] ?? index + 1;
    // The explicit partition applies to every line, so its errors belong to the partition field.
    const target: ProduceTarget = perMessage[2] === 'partition' ? 'partition' : 'messages';
    return { target, message: `Line ${line}: ${message.replace(/^Message \d+:\s*/, '')}` };
  }
  if (field === 'messages') return { target: 'messages', message };
  if (field === 'profile') return { target: 'profile', message };
  if (field === 'acks') return { target: 'acks', message };
  return { target: 'send', message };
}

/** Load generator fields as the gateway names them; anything else shows beside the Start button. */
export type LoadTarget = 'ratePerSecond' | 'distribution' | 'keyCount' | 'hotKeyShare' | 'valueBytes' | 'profile' | 'start';

const LOAD_FIELDS: ReadonlySet<string> = new Set(['ratePerSecond', 'distribution', 'keyCount', 'hotKeyShare', 'valueBytes', 'profile']);

export function placeLoadError(error: CommandError): PlacedError<LoadTarget> {
  const field = error.field ?? '';
  const message = withoutFieldPrefix(error.message, field);
  return LOAD_FIELDS.has(field) ? { target: field as LoadTarget, message } : { target: 'start', message };
}

/** The gateway prefixes validation messages with their path ("messages.0.value: ..."); people need only the words. */
function withoutFieldPrefix(message: string, field: string): string {
  return field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}
