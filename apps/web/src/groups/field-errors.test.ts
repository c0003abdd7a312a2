import { describe, expect, it } from 'vitest';
import { errorFor, generalError } from './field-errors';

describe('form errors', () => {
  const invalidTopic = { code: 'invalid_input', field: 'topics.0', message: 'topics.0: Topic names may contain only letters, digits, ".", "_" and "-".' };

  it('shows a field error beside its field without the path prefix', () => {
    expect(errorFor(invalidTopic, 'topics')).toBe('Topic names may contain only letters, digits, ".", "_" and "-".');
    expect(errorFor(invalidTopic, 'groupId')).toBeNull();
    expect(errorFor(invalidTopic, 'topic')).toBeNull();
  });

  it('leaves errors without a known field for the submit button', () => {
    const conflict = { code: 'conflict', message: "A group named 'shop' already runs here: pick another id." };
    expect(generalError(conflict, ['groupId', 'topics'])).toBe(conflict.message);
    expect(generalError(invalidTopic, ['groupId', 'topics'])).toBeNull();
    expect(generalError(null, ['groupId'])).toBeNull();
  });
});
