import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { serveBenchIpc } from './server-ipc';

/**
 * The webhook receiver of the `deliveries-*` rows: bare node:http on 127.0.0.1, in its own process (so that
 * neither side of the row pays for it on its own CPU), reading each body and answering 204. Both sides of
 * the row post to it; it accepts keep-alive and one-shot connections alike.
 */
function main(): void {
  const server = createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      res.statusCode = 204;
      res.end();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    serveBenchIpc(
      port,
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
  });
}

main();
