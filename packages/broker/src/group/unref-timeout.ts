/**
 * setTimeout that never keeps the process alive on its own: an embedded broker inside a test or
 * the gateway must let Node exit when nothing else is running.
 */
export function unrefTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  const timer = setTimeout(callback, ms);
  timer.unref();
  return timer;
}
