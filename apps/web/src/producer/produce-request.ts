import { limits, parseProducerLines, type MessageInput, type ProduceCommand } from '@lanes/events';
import { parsePartitionInput } from './explicit-partition-input';

/** acks as the gateway takes them: -1 is "all". */
export type Acks = 0 | 1 | -1;

/** The controls of the producer form; errors are shown next to the one they name. */
export type ProduceTarget = 'messages' | 'marker' | 'partition' | 'profile' | 'acks' | 'send';

export interface ProduceForm {
  topic: string | null;
  partitionCount: number;
  text: string;
  noKeyMarker: string;
  partitionText: string;
  profile: string;
  acks: Acks;
}

export type PreparedProduce = { ok: true; command: ProduceCommand; messages: MessageInput[] } | { ok: false; target: ProduceTarget; message: string };

/** The seed lab's own example (seed 000): two keys, u1 twice, so per-key order is visible. */
export const SEED_EXAMPLE = 'u1 click 10\nu2 purchase 99\nu1 view 1';

const utf8 = new TextEncoder();

/**
 * Turns the form into a `records:produce` command, or says which control is wrong and why. Checks
 * what the browser can know (syntax, explicit partition, sizes) so a mistake never reaches Kafka;
 * the gateway checks again.
 */
export function prepareProduce(form: ProduceForm): PreparedProduce {
  const marker = checkMarker(form.noKeyMarker);
  if (!marker.ok) return { ok: false, target: 'marker', message: marker.message };
  const parsed = parseProducerLines(form.text, marker.marker);
  if (!parsed.ok) return { ok: false, target: 'messages', message: parsed.message };
  if (parsed.messages.length === 0) return { ok: false, target: 'messages', message: 'Type at least one message: a key, a space, then the value (e.g. "u1 click 10").' };
  if (parsed.messages.length > limits.maxMessagesPerProduce) {
    return { ok: false, target: 'messages', message: `That is ${parsed.messages.length} messages; send at most ${limits.maxMessagesPerProduce} at once, or use the load generator below.` };
  }
  const lines = messageLineNumbers(form.text);
  for (let index = 0; index < parsed.messages.length; index++) {
    const message = parsed.messages[index]!;
    const bytes = utf8.encode(message.key ?? '').length + utf8.encode(message.value).length;
    if (bytes > limits.maxMessageBytes) {
      return { ok: false, target: 'messages', message: `Line ${lines[index]} is ${bytes} bytes; a message is at most ${limits.maxMessageBytes} bytes. Shorten it.` };
    }
    if (message.key !== null && message.key.length > limits.maxKeyBytes) {
      return { ok: false, target: 'messages', message: `Line ${lines[index]}: keys are at most ${limits.maxKeyBytes} characters.` };
    }
  }
  const partition = parsePartitionInput(form.partitionText, form.partitionCount, form.topic);
  if (!partition.ok) return { ok: false, target: 'partition', message: partition.message };
  if (!form.topic) return { ok: false, target: 'send', message: 'Choose or create a topic in the top bar first.' };
  const messages = partition.partition === null ? parsed.messages : parsed.messages.map((message) => ({ ...message, partition: partition.partition }));
  return { ok: true, messages, command: { topic: form.topic, messages, profile: form.profile, acks: form.acks } };
}

/**
 * The 1-based line of each message, as parseProducerLines skips blank lines: so an error about
 * `messages.3` can point at the line a person typed.
 */
export function messageLineNumbers(text: string): number[] {
  const numbers: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() !== '') numbers.push(index + 1);
  });
  return numbers;
}

/** "3 messages: 2 keyed (u1, u2), 1 without a key". */
export function summarizeMessages(messages: readonly MessageInput[]): string {
  const keys = new Set<string>();
  let keyless = 0;
  for (const message of messages) {
    if (message.key === null) keyless++;
    else keys.add(message.key);
  }
  const keyed = messages.length - keyless;
  const parts: string[] = [];
  if (keyed > 0) {
    const shown = [...keys].slice(0, 4).join(', ');
    parts.push(`${keyed} keyed (${keys.size === 1 ? 'key' : `${keys.size} keys`}: ${shown}${keys.size > 4 ? ', …' : ''})`);
  }
  if (keyless > 0) parts.push(`${keyless} without a key`);
  return `${plural(messages.length, 'message')}: ${parts.join(', ')}`;
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

type MarkerCheck = { ok: true; marker: string } | { ok: false; message: string };

function checkMarker(marker: string): MarkerCheck {
  if (marker === '') return { ok: false, message: 'The no-key marker cannot be empty; use "-" (a line starting with a space has no key too).' };
  if (/\s/.test(marker)) return { ok: false, message: 'The no-key marker cannot contain spaces: the first space ends the key.' };
  if (marker.startsWith('{')) return { ok: false, message: "The no-key marker cannot start with '{': such lines are JSON values." };
  return { ok: true, marker };
}
