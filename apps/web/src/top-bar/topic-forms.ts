import { partitionCountSchema, topicCreateSchema, type CommandError, type TopicCreate } from '@lanes/events';

/**
 * Client-side checks for the topic forms, with the same zod schemas the gateway enforces, so a
 * mistake is named next to its field before anything is sent. The gateway's own errors (a name
 * already taken, Kafka refusing) land next to the field they name too (`error.field`).
 */

export type NewTopicField = 'name' | 'partitions' | 'segmentBytes' | 'retentionMs' | 'retentionBytes';
/** Field errors, plus `form` for errors that belong to no single field. */
export type FieldErrors<F extends string> = Partial<Record<F | 'form', string>>;

export interface NewTopicFields {
  name: string;
  /** As typed, so an empty box or "3.5" is reported rather than silently fixed. */
  partitions: string;
  segmentBytes: number;
  /** null: the broker's default (7 days). */
  retentionMs: number | null;
  /** null: no size limit. */
  retentionBytes: number | null;
}

const KIB = 1024;
const MIB = 1024 * KIB;

/** Small segments roll visibly: a class can watch one close and, with retention, be deleted. */
export const SEGMENT_SIZES: readonly { bytes: number; label: string }[] = [
  { bytes: 4 * KIB, label: '4 KiB: rolls every few dozen records' },
  { bytes: 16 * KIB, label: '16 KiB' },
  { bytes: 64 * KIB, label: '64 KiB' },
  { bytes: 256 * KIB, label: '256 KiB' },
  { bytes: MIB, label: '1 MiB' },
  { bytes: 16 * MIB, label: '16 MiB' },
  { bytes: 1024 * MIB, label: "1 GiB: Kafka's default" },
];

export const DEFAULT_SEGMENT_BYTES = MIB;

export const RETENTION_TIMES: readonly { ms: number | null; label: string }[] = [
  { ms: null, label: "Kafka's default: 7 days" },
  { ms: 60_000, label: '1 minute' },
  { ms: 5 * 60_000, label: '5 minutes' },
  { ms: 60 * 60_000, label: '1 hour' },
  { ms: -1, label: 'Forever' },
];

export const RETENTION_SIZES: readonly { bytes: number | null; label: string }[] = [
  { bytes: null, label: 'No size limit' },
  { bytes: 16 * KIB, label: '16 KiB per partition' },
  { bytes: 64 * KIB, label: '64 KiB per partition' },
  { bytes: MIB, label: '1 MiB per partition' },
];

export function emptyNewTopic(): NewTopicFields {
  return { name: '', partitions: '3', segmentBytes: DEFAULT_SEGMENT_BYTES, retentionMs: null, retentionBytes: null };
}

export type Parsed<T, F extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };

export function parseNewTopic(fields: NewTopicFields, existingTopics: readonly string[]): Parsed<TopicCreate, NewTopicField> {
  const command: Record<string, unknown> = {
    name: fields.name.trim(),
    partitions: numberOrUndefined(fields.partitions),
    segmentBytes: fields.segmentBytes,
  };
  if (fields.retentionMs !== null) command.retentionMs = fields.retentionMs;
  if (fields.retentionBytes !== null) command.retentionBytes = fields.retentionBytes;
  const parsed = topicCreateSchema.safeParse(command);
  if (!parsed.success) {
    const errors: FieldErrors<NewTopicField> = {};
    for (const issue of parsed.error.issues) {
      const field = (String(issue.path[0] ?? 'form') as NewTopicField | 'form');
      errors[field] ??= issue.message;
    }
    return { ok: false, errors };
  }
  if (existingTopics.includes(parsed.data.name)) {
    return { ok: false, errors: { name: `A topic named '${parsed.data.name}' already exists. Pick another name, or select it in the topic list.` } };
  }
  return { ok: true, value: parsed.data };
}

/** The new total for "add partitions": a whole number above the current count (Kafka cannot remove partitions). */
export function parsePartitionTotal(text: string, current: number): Parsed<number, 'partitions'> {
  const parsed = partitionCountSchema.safeParse(numberOrUndefined(text));
  if (!parsed.success) return { ok: false, errors: { partitions: parsed.error.issues[0]!.message } };
  if (parsed.data <= current) {
    return { ok: false, errors: { partitions: `The topic has ${current} ${current === 1 ? 'partition' : 'partitions'}; Kafka can only add partitions, so ask for more than ${current}. To have fewer, create a new topic.` } };
  }
  return { ok: true, value: parsed.data };
}

/**
 * Puts a gateway error next to the field it names. The gateway prefixes schema errors with the
 * field ("partitions: ..."), which reads oddly right beside that field, so the prefix goes.
 */
export function errorsFromCommand<F extends string>(error: CommandError, fields: readonly F[]): FieldErrors<F> {
  const field = fields.find((candidate) => candidate === error.field);
  if (!field) return { form: error.message } as FieldErrors<F>;
  const prefix = `${field}: `;
  const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return { [field]: message } as FieldErrors<F>;
}

function numberOrUndefined(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}
