import type { Admin, Kafka } from 'kafkajs';
import { isStaleTopicError } from './stale-topic';

/**
 * Calls that run alone on the client. kafkajs's deleteTopics refreshes metadata again after the
 * broker has deleted the topic; a refresh another call started meanwhile still names the topic, and
 * deleteTopics shares that refresh, fails with UNKNOWN_TOPIC_OR_PARTITION and retries a delete that
 * has already happened, until it gives up with an error although the topic is gone.
 */
const RUNS_ALONE: ReadonlySet<PropertyKey> = new Set<keyof Admin>(['deleteTopics']);

/**
 * Calls that ask Kafka only about the topics they name, never about those the client remembers:
 * UNKNOWN_TOPIC_OR_PARTITION from them means a named topic is gone, not that the client is stale,
 * so it goes back to the caller as it is.
 */
const ASKS_ONLY_ABOUT_NAMED_TOPICS: ReadonlySet<PropertyKey> = new Set<keyof Admin>(['fetchTopicMetadata']);

/**
 * An Admin that replaces its kafkajs admin client when a deleted topic has poisoned its metadata
 * (see stale-topic.ts) and retries the call once. Every part of the gateway holds this one object,
 * so a replacement reaches them all. Deleting a topic waits for calls under way and holds new ones
 * until it is done (RUNS_ALONE).
 */
export function createResilientAdmin(kafka: Kafka, log: (message: string) => void): Admin {
  let current = kafka.admin();
  let connected: Promise<void> | null = null;
  const underWay = new Set<Promise<unknown>>();
  let alone: Promise<unknown> | null = null;

  const replace = (): void => {
    const stale = current;
    current = kafka.admin();
    connected = null;
    // Calls already under way on the old client may still finish; let them, then let it go.
    setTimeout(() => void stale.disconnect().catch(() => {}), 15_000).unref();
    log('replaced the kafkajs admin client after a topic it knew was deleted');
  };
  const call = async (method: keyof Admin, args: unknown[]): Promise<unknown> => {
    const invoke = () => (current[method] as (...a: unknown[]) => Promise<unknown>).apply(current, args);
    connected ??= current.connect();
    await connected;
    try {
      return await invoke();
    } catch (error) {
      if (!isStaleTopicError(error) || ASKS_ONLY_ABOUT_NAMED_TOPICS.has(method)) throw error;
      replace();
      connected = current.connect();
      await connected;
      return invoke();
    }
  };
  const schedule = async (method: keyof Admin, args: unknown[]): Promise<unknown> => {
    while (alone) await alone.catch(() => {});
    if (RUNS_ALONE.has(method)) {
      const before = [...underWay];
      const task = Promise.allSettled(before).then(() => call(method, args));
      alone = task;
      try {
        return await task;
      } finally {
        if (alone === task) alone = null;
      }
    }
    const task = call(method, args);
    underWay.add(task);
    const settle = () => underWay.delete(task);
    task.then(settle, settle);
    return task;
  };

  return new Proxy({} as Admin, {
    get(_target, property: string | symbol) {
      if (property === 'events' || property === 'on' || property === 'logger') {
        const value = (current as unknown as Record<string | symbol, unknown>)[property];
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
      }
      if (property === 'connect') {
        return () => {
          connected ??= current.connect();
          return connected;
        };
      }
      if (property === 'disconnect') return () => current.disconnect();
      return (...args: unknown[]) => schedule(property as keyof Admin, args);
    },
  });
}
