/**
 * A fake Bot Connector service on loopback, as far as a bot's messages go: it records every
 * activity posted to `/v3/conversations/:id/activities[/:replyToId]` (what the Agents SDK's
 * connector client sends to an activity's serviceUrl) and answers `{"id"}` like the service.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message activity as the Emulator posts it to `/api/messages` (fields to add or replace in `fields`). */
export function emulatorActivity(serviceUrl: string, conversationId: string, fields: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: `act-${Math.random().toString(36).slice(2, 10)}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'emulator',
    from: { id: 'user-emulator', name: 'Người dùng', role: 'user' },
    conversation: { id: conversationId },
    recipient: { id: 'tro-ly-bot', name: 'Trợ lý', role: 'bot' },
    locale: 'vi-VN',
    textFormat: 'plain',
    ...fields,
  };
}

export interface ReceivedActivity {
  /** The request path, percent-decoded. */
  path: string;
  /** The Bot Framework conversation the path names. */
  conversationId: string;
  body: any;
}

export interface FakeBotConnector {
  url: string;
  received: ReceivedActivity[];
  /** Waits until an activity matching `predicate` has arrived. */
  waitFor(predicate: (activity: ReceivedActivity) => boolean, timeoutMs?: number): Promise<ReceivedActivity>;
  close(): Promise<void>;
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const received: ReceivedActivity[] = [];
  const waiters: Array<() => void> = [];
  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      const path = decodeURIComponent(request.url ?? '');
      const match = /^\/v3\/conversations\/(.+?)\/activities(?:\/[^/]+)?$/.exec(path);
      if (request.method !== 'POST' || !match) {
        response.writeHead(404).end();
        return;
      }
      received.push({ path, conversationId: match[1]!, body: raw ? JSON.parse(raw) : null });
      for (const wake of waiters.splice(0)) wake();
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sent-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching activity within ${timeoutMs} ms; got ${JSON.stringify(received.map((r) => [r.path, r.body?.text]))}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
