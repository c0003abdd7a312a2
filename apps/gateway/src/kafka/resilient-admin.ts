import type { Admin, Kafka } from 'kafkajs';
import { isStaleTopicError } from './stale-topic';

/**
 * An Admin that replaces its kafkajs admin client when a deleted topic has poisoned its metadata
 * (see stale-topic.ts) and retries the call once. Every part of the gateway holds this one object,
 * so a replacement reaches them all.
 */
export function createResilientAdmin(kafka: Kafka, log: (message: string) => void): Admin {
  let current = kafka.admin();
  let connected: Promise<void> | null = null;
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
    if (method !== 'connect' && method !== 'disconnect') {
      connected ??= current.connect();
      await connected;
    }
    try {
      return await invoke();
    } catch (error) {
      if (!isStaleTopicError(error)) throw error;
      replace();
      connected = current.connect();
      await connected;
      return invoke();
    }
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
      return (...args: unknown[]) => call(property as keyof Admin, args);
    },
  });
}
