/**
 * Where responses go, in order: an object with a method (a Connection) rather than a closure made
 * for each connection (socket-reader.ts says why).
 */
export interface ResponseWriter<Response> {
  writeResponse(response: Response): void;
}

/**
 * Keeps responses in request order on one connection. Kafka clients match responses by position as
 * well as correlation id (kafka-python raises CorrelationIdError otherwise), so a fast Metadata answer
 * must wait behind a slow, parked Fetch that came before it.
 */
export class ResponseQueue<Response> {
  private readonly slots: { ready: boolean; response: Response | null }[] = [];
  private onDrained: (() => void) | null = null;

  constructor(private readonly writer: ResponseWriter<Response>) {}

  /** Reserves the next place in line; call the returned function with the response (or null for none). */
  reserve(): (response: Response | null) => void {
    const slot = { ready: false, response: null as Response | null };
    this.slots.push(slot);
    return (response) => {
      slot.ready = true;
      slot.response = response;
      this.drain();
    };
  }

  /**
   * A response that is ready now, for a request that came after every reserved one: written at once
   * when nothing waits ahead of it (most Produce and Metadata answers), otherwise queued behind them.
   */
  ready(response: Response | null): void {
    if (this.slots.length === 0) {
      if (response) this.writer.writeResponse(response);
      return;
    }
    this.slots.push({ ready: true, response });
  }

  get waiting(): number {
    return this.slots.length;
  }

  /** Calls `callback` once every reserved response has been written (at once if none is waiting). */
  whenDrained(callback: () => void): void {
    if (this.slots.length === 0) callback();
    else this.onDrained = callback;
  }

  private drain(): void {
    while (this.slots.length > 0 && this.slots[0]!.ready) {
      const slot = this.slots.shift()!;
      if (slot.response) this.writer.writeResponse(slot.response);
    }
    if (this.slots.length === 0 && this.onDrained) {
      const callback = this.onDrained;
      this.onDrained = null;
      callback();
    }
  }
}
