import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, CommandInput, CommandName, CommandResults, Result, ServerToClientEvents } from '@lanes/events';

export type LanesSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The presenter token, from the presenter link (`/?token=...`), kept for this tab only. */
function presenterToken(): string | undefined {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) sessionStorage.setItem('lanes-token', fromUrl);
  return fromUrl ?? sessionStorage.getItem('lanes-token') ?? undefined;
}

/** One socket to the gateway that served this page, reconnecting forever. */
export function connectSocket(url?: string): LanesSocket {
  const token = presenterToken();
  return io(url ?? window.location.origin, {
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
    auth: token ? { token } : {},
  });
}

const COMMAND_TIMEOUT_MS = 15_000;

/**
 * Sends a command and resolves with the gateway's Result. A command that gets no answer (the gateway
 * is gone) resolves as an error a person can act on; it never rejects.
 */
export function sendCommand<C extends CommandName>(socket: LanesSocket, name: C, payload: CommandInput<C>): Promise<Result<CommandResults[C]>> {
  return new Promise((resolve) => {
    if (!socket.connected) {
      resolve({ ok: false, error: { code: 'unavailable', message: 'Not connected to the Lanes gateway. Wait for the banner to clear, then try again.' } });
      return;
    }
    const timed = socket.timeout(COMMAND_TIMEOUT_MS);
    // socket.io's types cannot follow a command name chosen at run time; the contract is in @lanes/events.
    const emit = timed.emit as unknown as (event: C, payload: CommandInput<C>, ack: (error: Error | null, result: Result<CommandResults[C]>) => void) => void;
    emit.call(timed, name, payload, (error, result) => {
      if (error) resolve({ ok: false, error: { code: 'unavailable', message: 'The gateway did not answer in time. Check the connection banner and try again.' } });
      else resolve(result);
    });
  });
}
