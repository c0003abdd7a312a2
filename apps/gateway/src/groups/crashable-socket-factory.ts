import net from 'node:net';
import tls from 'node:tls';
import type { ISocketFactory } from 'kafkajs';

/** kafkajs's own keep-alive (src/network/socketFactory.js). */
const KEEP_ALIVE_DELAY_MS = 60_000;

export interface CrashableSocketFactory {
  /** Give this to `new Kafka({ socketFactory })`: one client per consumer that can crash. */
  readonly socketFactory: ISocketFactory;
  readonly crashed: boolean;
  /** Cuts every connection at once and refuses new ones, sending nothing: a killed process. */
  crash(): void;
}

/**
 * kafkajs cannot die the way a process does: `disconnect()` sends LeaveGroup and the group
 * rebalances at once. A crashed member must instead vanish, so that only its session timeout tells
 * the coordinator (the lesson: a crash costs up to session.timeout.ms of unconsumed partitions).
 * This factory makes the same sockets kafkajs would and remembers them; `crash()` destroys them and
 * every later connection fails before it reaches the broker, so whatever kafkajs tries afterwards
 * (a LeaveGroup while giving up, a reconnect) goes nowhere.
 *
 * @example
 *   const sockets = createCrashableSocketFactory();
 *   const kafka = new Kafka({ brokers, socketFactory: sockets.socketFactory });
 *   // ...later, to crash:
 *   sockets.crash();
 */
export function createCrashableSocketFactory(): CrashableSocketFactory {
  const open = new Set<net.Socket>();
  let crashed = false;

  const socketFactory: ISocketFactory = ({ host, port, ssl, onConnect }) => {
    if (crashed) return refusedSocket();
    const socket = ssl
      ? tls.connect({ host, port, ...(net.isIP(host) ? {} : { servername: host }), ...ssl }, onConnect)
      : net.connect({ host, port }, onConnect);
    socket.setKeepAlive(true, KEEP_ALIVE_DELAY_MS);
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    return socket;
  };

  return {
    socketFactory,
    get crashed() {
      return crashed;
    },
    crash() {
      crashed = true;
      // With an error, so kafkajs notices at once ('error' handler) rather than at its request timeout.
      for (const socket of open) socket.destroy(new Error('The consumer crashed (simulated by Lanes).'));
      open.clear();
    },
  };
}

/** A socket that never connects: it fails on the next turn, once kafkajs has attached its handlers. */
function refusedSocket(): net.Socket {
  const socket = new net.Socket();
  setImmediate(() => socket.destroy(new Error('The consumer crashed (simulated by Lanes); it cannot reconnect.')));
  return socket;
}
