/** Starts createApp(deps) on an ephemeral loopback port for HTTP tests. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino from 'pino';
import { createApp } from '../../app.ts';
import type { Services } from '../../channels/http/readiness.ts';
import { createMemoryEventHub, type EventHub } from '../../bot/events/event-hub.ts';
import { createSqlTicketStore } from '../../adapters/sql/sql-ticket-store.ts';
import { createSqlConversationStore } from '../../adapters/sql/sql-conversation-store.ts';
import type { Db } from '../../adapters/sql/db/db.ts';

export interface RunningApp {
  url: string;
  services: Services;
  events: EventHub;
  close(): Promise<void>;
}

export async function startApp(db: Db, services: Services = {}, events: EventHub = createMemoryEventHub()): Promise<RunningApp> {
  const app = createApp({
    logger: pino({ level: 'silent' }),
    services,
    store: createSqlConversationStore(db),
    tickets: createSqlTicketStore(db),
    events,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    events,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
