/**
 * Listens with createApp(deps), takes the Direct Line WebSocket upgrades when the portal's Direct
 * Line is on, and hands back the URL and a close() that ends open streams and sockets too.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppDeps } from '../app.ts';

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(deps: AppDeps, port = 0, host = '127.0.0.1'): Promise<RunningServer> {
  const app = createApp(deps);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, host, () => resolve(listening));
    listening.once('error', reject);
  });
  // The Direct Line WebSocket stream; any other upgrade is refused.
  server.on('upgrade', (request, socket, head) => {
    if (!deps.directline?.streams.handleUpgrade(request, socket, head)) socket.destroy();
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        deps.directline?.streams.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
