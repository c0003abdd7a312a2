import type { CommandError } from '@lanes/events';

/**
 * The gateway names the input that caused an error (`field`, a zod path such as "topics.0") and
 * prefixes the message with it. Beside that input the prefix is noise, so it is dropped there.
 */
export function errorFor(error: CommandError | null, field: string): string | null {
  if (!error?.field) return null;
  if (error.field !== field && !error.field.startsWith(`${field}.`)) return null;
  const prefix = `${error.field}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/** An error not tied to any of `fields`: shown beside the submit button. */
export function generalError(error: CommandError | null, fields: readonly string[]): string | null {
  if (!error) return null;
  return fields.some((field) => errorFor(error, field) !== null) ? null : error.message;
}
