import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
    const { socket } = readWithReusedBuffer(accepted, (socket) => ({
      socket,
      receive(chunk: Buffer) {
        memory.add(chunk.buffer);
        chunks.push(Buffer.from(chunk));
      },
    }));
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

  it('gives each connection its own reads when several clients send at once', async () => {
    const received = new Map<string, Buffer[]>();
    const ended: Promise<void>[] = [];
    const port = await listen((socket, chunks) => {
      ended.push(
        new Promise((resolve) =>
          socket.on('end', () => {
            const bytes = Buffer.concat(chunks);
            received.set(bytes.subarray(0, 1).toString(), chunks);
            resolve();
          }),
        ),
      );
    });
    const payloads = ['a', 'b', 'c'].map((letter) => Buffer.alloc(1024 * 1024, letter));
    for (const payload of payloads) {
      const client = connect(port, '127.0.0.1', () => {
        // Interleaved writes, so that the server reads from all three in the same turns.
        for (let at = 0; at < payload.length; at += 64 * 1024) client.write(payload.subarray(at, at + 64 * 1024));
        client.end();
      });
      sockets.push(client);
    }
    await vi.waitFor(() => expect(ended).toHaveLength(3));
    await Promise.all(ended);

    for (const payload of payloads) {
      const bytes = Buffer.concat(received.get(payload.subarray(0, 1).toString())!);
      expect(bytes.equals(payload)).toBe(true);
    }
  });

  it('reports the remote address of the client', async () => {
    const address = new Promise<string | undefined>((resolve) => {
      void listen((socket) => resolve(socket.remoteAddress)).then((port) => sockets.push(connect(port, '127.0.0.1')));
    });
    expect(await address).toBe('127.0.0.1');
  });
});
