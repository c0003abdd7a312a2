import { createServer } from 'node:net';

/**
 * The ceiling's far end: a TCP server on loopback that reads and discards. When a client
 * half-closes, it answers with the number of bytes it received and closes, so the client's clock
 * stops only once every byte has crossed. Run as a child process by the bench, like the broker.
 */
const server = createServer((socket) => {
  let received = 0;
  socket.on('data', (chunk: Buffer) => {
    received += chunk.length;
  });
  socket.on('end', () => socket.end(`${received}\n`));
  socket.on('error', () => socket.destroy());
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the sink has no TCP address');
  console.log(`loopback sink listening on ${address.address}:${address.port}`);
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
