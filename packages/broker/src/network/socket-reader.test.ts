import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readWithReusedBuffer } from './socket-reader';

let server: Server | undefined;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A server whose accepted sockets read through readWithReusedBuffer; resolves with its port. */
function listen(onAccepted: (socket: Socket, chunks: Buffer[], memory: Set<ArrayBufferLike>) => void): Promise<number> {
  server = createServer({ pauseOnConnect: true }, (accepted) => {
    const chunks: Buffer[] = [];
    const memory = new Set<ArrayBufferLike>();
    const socket = readWithReusedBuffer(accepted, (chunk) => {
      memory.add(chunk.buffer);
      chunks.push(Buffer.from(chunk));
    });
    sockets.push(socket);
    onAccepted(socket, chunks, memory);
  });
  return new Promise((resolve) => server!.listen(0, '127.0.0.1', () => resolve((server!.address() as { port: number }).port)));
}

describe('readWithReusedBuffer', () => {
  it('reads everything a client sends into one buffer, and the socket still writes, pauses and ends', async () => {
    const sent = Buffer.alloc(4 * 1024 * 1024);
    for (let i = 0; i < sent.length; i++) sent[i] = (i * 31) % 256;
    let seen: { bytes: Buffer; readBuffers: number } | undefined;
    const port = await listen((socket, chunks, memory) => {
      socket.pause();
      setTimeout(() => socket.resume(), 50);
      socket.on('end', () => {
        seen = { bytes: Buffer.concat(chunks), readBuffers: memory.size };
        socket.end('got it');
      });
    });
    const client = connect(port, '127.0.0.1', () => client.end(sent));
    sockets.push(client);
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      client.on('data', (data) => (text += data.toString()));
      client.on('close', () => resolve(text));
    });

    expect(answer).toBe('got it');
    expect(seen!.bytes.equals(sent)).toBe(true);
    expect(seen!.readBuffers).toBe(1);
  });

  it('reports the remote address of the client', async () => {
    const address = new Promise<string | undefined>((resolve) => {
      void listen((socket) => resolve(socket.remoteAddress)).then((port) => sockets.push(connect(port, '127.0.0.1')));
    });
    expect(await address).toBe('127.0.0.1');
  });
});
