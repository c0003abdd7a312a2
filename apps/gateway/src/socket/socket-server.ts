import type { Server, Socket } from 'socket.io';
import { commandSchemas, fail, type ClientToServerEvents, type ServerToClientEvents } from '@lanes/events';
import { isCommandName, runCommand } from '../commands/run-command';
import { Session } from '../commands/session';
import type { GatewayServices } from '../services';
import { RateLimiter } from './rate-limiter';

export type LanesServer = Server<ClientToServerEvents, ServerToClientEvents>;
type LanesSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/**
 * Wires socket.io: every browser gets a snapshot on connect (and on request), then deltas from the
 * StreamHub. Every incoming event is a command: validated, rate-limited, authorised, acknowledged
 * with a Result. Unknown events and malformed calls get a notice and change nothing.
 */
export function attachSockets(io: LanesServer, services: GatewayServices): void {
  io.on('connection', (socket: LanesSocket) => {
    const session = new Session(services.config.presenterToken ?? null, services.tokenRequired, socket.handshake.auth?.token);
    const limiter = new RateLimiter(services.config.commandRatePerSecond, services.config.commandRatePerSecond * 2);

    services.hub.addClient(socket.id, {
      sendRecords: (bytes, onAck) => socket.emit('records:batch', bytes, () => onAck()),
      sendAggregates: (aggregates) => {
        for (const aggregate of aggregates) socket.emit('records:aggregate', aggregate);
      },
      sendConsumed: (batch) => socket.emit('consumed:batch', batch),
    });
    socket.emit('snapshot', services.snapshot(session.canControl));

    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args.at(-1);
      const respond = typeof ack === 'function' ? (ack as (result: unknown) => void) : null;
      if (!isCommandName(event)) {
        const known = Object.keys(commandSchemas).join(', ');
        const error = fail('unknown_event', `Lanes does not know the event '${event.slice(0, 64)}'. Known commands: ${known}.`);
        if (respond) respond(error);
        else socket.emit('notice', { level: 'error', message: error.error.message, at: Date.now() });
        return;
      }
      if (!respond) {
        socket.emit('notice', { level: 'error', message: `'${event}' needs an acknowledgement callback to answer to; nothing was done.`, at: Date.now() });
        return;
      }
      if (!limiter.take()) {
        respond(fail('rate_limited', `Slow down: at most ${services.config.commandRatePerSecond} commands a second. Nothing was done; try again in a moment.`));
        return;
      }
      const payload = args.length > 1 ? args[0] : undefined;
      void runCommand(services, event, payload, session).then((result) => {
        if (event === 'session:auth' && result.ok) socket.emit('connection:state', services.connectionView(session.canControl));
        respond(result);
      });
    });

    socket.on('disconnect', () => services.hub.removeClient(socket.id));
  });
}
