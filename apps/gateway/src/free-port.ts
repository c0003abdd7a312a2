import { createServer } from 'node:net';

/** The first port from `preferred` up that `host` can bind, trying `attempts` ports; 0 means any. */
export async function firstFreePort(host: string, preferred: number, attempts = 20): Promise<number> {
  if (preferred === 0) return 0;
  for (let port = preferred; port < preferred + attempts && port <= 65535; port++) {
    if (await canBind(host, port)) return port;
  }
  return 0;
}

function canBind(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
