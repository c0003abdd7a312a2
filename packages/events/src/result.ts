import { z } from 'zod';

/**
 * Every command is acknowledged with a Result: the data it produced, or an error a person can act
 * on. `field` names the input that caused it, so the dashboard can show the message beside that
 * control.
 */
export const commandErrorSchema = z.object({
  /** Stable, machine-readable: 'invalid_input', 'not_found', 'kafka_error', 'rate_limited', ... */
  code: z.string(),
  /** What went wrong and what to do, in words: "Topic names may contain only ...". */
  message: z.string(),
  field: z.string().optional(),
});

export type CommandError = z.infer<typeof commandErrorSchema>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: CommandError };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(code: string, message: string, field?: string): { ok: false; error: CommandError } {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

export function resultSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: commandErrorSchema })]);
}
