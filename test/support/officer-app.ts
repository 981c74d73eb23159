/**
 * The app as main.ts wires it — officer console and handoff desk included — on an ephemeral
 * port, plus small HTTP helpers for the officer API and the citizen's event stream.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino, { type Logger } from 'pino';
import { createApp } from '../../app.ts';
import { loadConfig, type Config } from '../../config.ts';
import type { Services } from '../../channels/http/readiness.ts';
import { createMemoryEventHub, type EventHub } from '../../bot/events/event-hub.ts';
import { createSqlTicketStore } from '../../bot/handoff/sql-ticket-store.ts';
import { createSqlConversationStore } from '../../bot/store/sql-conversation-store.ts';
import { createOfficerDeps, type OfficerAppDeps } from '../../channels/officer/setup.ts';
import type { Db } from '../../knowledge/db/db.ts';
import { warmUp } from '../../startup.ts';

export interface OfficerApp {
  url: string;
  services: Services;
  events: EventHub;
  officer: OfficerAppDeps;
  close(): Promise<void>;
}

export interface OfficerAppOptions {
  config?: Partial<Config>;
  events?: EventHub;
  now?: () => Date;
  logger?: Logger;
  /** Load the bundled catalog (CATALOG=curated unless `config` says otherwise) and the bot (default true). */
  warm?: boolean;
}

export async function startOfficerApp(db: Db, options: OfficerAppOptions = {}): Promise<OfficerApp> {
  const config = loadConfig({ officeHours: 'always', catalog: 'curated', ...options.config }, {});
  const logger = options.logger ?? pino({ level: 'silent' });
  const events = options.events ?? createMemoryEventHub();
  const store = createSqlConversationStore(db);
  const tickets = createSqlTicketStore(db);
  const services: Services = {};
  const officer = createOfficerDeps({ db, config, store, tickets, events, log: logger, ...(options.now ? { now: options.now } : {}) });
  const app = createApp({ logger, services, store, tickets, events, officer });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  if (options.warm !== false) await warmUp({ config, db, logger: pino({ level: 'silent' }), services });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    events,
    officer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = any>(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
  const response = await fetch(url, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

export async function login(base: string, username: string, password: string): Promise<{ token: string; csrfToken: string; cookie: string; auth: Record<string, string> }> {
  const response = await call(`${base}/api/officer/login`, 'POST', { username, password });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return { token: response.body.token, csrfToken: response.body.csrfToken, cookie, auth: { authorization: `Bearer ${response.body.token}` } };
}

export async function chat(base: string, text: string, conversationId?: string, payload?: string): Promise<any> {
  const response = await call(`${base}/api/chat`, 'POST', { text, ...(conversationId ? { conversationId } : {}), ...(payload ? { payload } : {}) });
  if (response.status !== 200) throw new Error(`chat: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Reads a server-sent event stream, collecting parsed `data:` lines; `next(predicate)` waits for one. */
export function openEventStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const received: any[] = [];
  const waiters: Array<{ predicate: (event: any) => boolean; resolve: (event: any) => void }> = [];
  let resolveOpen!: () => void;
  const opened = new Promise<void>((resolve) => (resolveOpen = resolve));
  void (async () => {
    try {
      const response = await fetch(url, { headers, signal: controller.signal });
      resolveOpen();
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (!data) continue;
          const event = JSON.parse(data);
          received.push(event);
          for (const waiter of [...waiters]) {
            if (waiter.predicate(event)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(event);
            }
          }
        }
      }
    } catch {
      resolveOpen();
    }
  })();
  return {
    received,
    opened,
    next(predicate: (event: any) => boolean, timeoutMs = 5000): Promise<any> {
      const already = received.find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(received)}`)), timeoutMs);
        waiters.push({ predicate, resolve: (event) => { clearTimeout(timer); resolve(event); } });
      });
    },
    close: () => controller.abort(),
  };
}
