import { TopicError } from './log-errors';

/** Kafka's limit (org.apache.kafka.common.internals.Topic.MAX_NAME_LENGTH): 255 minus room for a partition suffix in directory names. */
export const MAX_TOPIC_NAME_LENGTH = 249;

const LEGAL_CHARACTER = /[a-zA-Z0-9._-]/;

/**
 * Throws TopicError INVALID_TOPIC_EXCEPTION unless `name` follows Kafka's topic name rules
 * (Topic.validate): non-empty, at most 249 characters, only ASCII letters, digits, '.', '_', '-',
 * and not "." or "..".
 */
export function validateTopicName(name: string): void {
  if (name.length === 0) throw new TopicError('INVALID_TOPIC_EXCEPTION', 'Topic name must not be empty.');
  if (name === '.' || name === '..') {
    throw new TopicError('INVALID_TOPIC_EXCEPTION', `Topic name cannot be "${name}": Kafka reserves "." and "..".`);
  }
  if (name.length > MAX_TOPIC_NAME_LENGTH) {
    throw new TopicError(
      'INVALID_TOPIC_EXCEPTION',
      `Topic names may be at most ${MAX_TOPIC_NAME_LENGTH} characters; this one has ${name.length}.`,
    );
  }
  const illegal = [...new Set([...name].filter((character) => !LEGAL_CHARACTER.test(character)))];
  if (illegal.length > 0) {
    const shown = illegal.map((character) => `'${character}'`).join(', ');
    throw new TopicError(
      'INVALID_TOPIC_EXCEPTION',
      `Topic names may contain only letters, digits, '.', '_' and '-'; '${name}' contains ${shown}.`,
    );
  }
}

/**
 * Kafka turns '.' into '_' in metric names, so "a.b" and "a_b" would share metrics; it refuses
 * to create one when the other exists (Topic.hasCollision). Names that collide share this key.
 */
export function topicCollisionKey(name: string): string {
  return name.replaceAll('.', '_');
}
