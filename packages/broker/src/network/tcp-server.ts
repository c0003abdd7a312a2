import { createServer, type Server } from 'node:net';
import { Connection, type ConnectionOptions, type FrameHandler } from './connection';
import { readWithReusedBuffer } from './socket-reader';

export interface TcpServerOptions extends Omit<ConnectionOptions, 'onClose'> {
  host: string;
  port: number;
}

/** Listens for Kafka clients and hands each frame to `handle`. */
export class TcpServer {
  private readonly connections = new Set<Connection>();
  private readonly server: Server;

  constructor(
    private readonly options: TcpServerOptions,
    handle: FrameHandler,
  ) {
    const connectionOptions: ConnectionOptions = { ...options, onClose: (connection) => this.connections.delete(connection) };
    this.server = createServer({ pauseOnConnect: true }, (accepted) => {
      const connection = readWithReusedBuffer(accepted, (socket) => new Connection(socket, handle, connectionOptions));
      this.connections.add(connection);
    });
  }

  /** Binds and resolves with the port actually bound (useful with port 0). */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : this.options.port);
      });
    });
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
