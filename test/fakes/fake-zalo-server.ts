/**
 * A fake Zalo on loopback, speaking the documented JSON over real HTTP: the OA API's
 * customer-service endpoint (POST /v3.0/oa/message/cs, `access_token` header, `error` in a 200
 * answer), the OAuth refresh (POST /v4/oa/access_token, form body, `secret_key` header,
 * single-use refresh tokens) and ZNS (POST /message/template). Tests script outages (5xx,
 * timeouts, rate limits, Zalo error codes), expire the token, and read what each user received.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedMessage {
  userId: string;
  /** `cs` message or a ZNS `template`. */
  kind: 'cs' | 'template';
  body: any;
  /** The message's text (a template: its data joined). */
  text: string;
  /** Titles and payloads of the message's buttons. */
  buttons: Array<{ title: string; type: string; payload: any }>;
  at: number;
}

/** What the next cs/template calls answer instead of success ('ok': this call goes through). */
export type Trouble = { http: number } | { zaloError: number } | 'hang' | 'ok';

export interface FakeZalo {
  url: string;
  appId: string;
  appSecret: string;
  /** Messages received, in order of arrival. */
  received: ReceivedMessage[];
  to(userId: string): ReceivedMessage[];
  /** The token pair Zalo currently honours. */
  tokens: { access: string; refresh: string };
  /** How many refreshes were honoured. */
  refreshes: number;
  /** Every cs/template call, accepted or not. */
  calls: number;
  /** Troubles answered to the next calls, in order. */
  troubles: Trouble[];
  /** While true every call answers HTTP 503. */
  down: boolean;
  /** Makes the current access token invalid (the next call answers -216). */
  expireAccessToken(): void;
  /** Waits until `predicate` holds for some received message (polls). */
  waitFor(predicate: (message: ReceivedMessage) => boolean, timeoutMs?: number): Promise<ReceivedMessage>;
  close(): Promise<void>;
}

const read = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

function textOf(kind: 'cs' | 'template', body: any): string {
  if (kind === 'template') return Object.values(body.template_data ?? {}).join(' · ');
  return String(body.message?.text ?? body.message?.attachment?.payload?.text ?? '');
}

export async function startFakeZalo(options: { appId?: string; appSecret?: string; access?: string; refresh?: string } = {}): Promise<FakeZalo> {
  let serial = 0;
  const hanging = new Set<ServerResponse>();
  const fake: Omit<FakeZalo, 'url' | 'close'> = {
    appId: options.appId ?? '1234567890123456789',
    appSecret: options.appSecret ?? 'app-secret-for-tests',
    received: [],
    to: (userId) => fake.received.filter((m) => m.userId === userId),
    tokens: { access: options.access ?? 'access-0', refresh: options.refresh ?? 'refresh-0' },
    refreshes: 0,
    calls: 0,
    troubles: [],
    down: false,
    expireAccessToken() {
      fake.tokens.access = `expired-${serial++}`;
    },
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = fake.received.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`fake Zalo: no matching message within ${timeoutMs} ms; got ${JSON.stringify(fake.received.map((m) => m.text.slice(0, 80)))}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };

  async function message(kind: 'cs' | 'template', request: IncomingMessage, response: ServerResponse) {
    fake.calls += 1;
    const body = JSON.parse(await read(request));
    if (fake.down) return json(response, 503, { error: 'unavailable' });
    const trouble = fake.troubles.shift();
    if (trouble === 'hang') {
      hanging.add(response);
      return;
    }
    if (trouble && trouble !== 'ok' && 'http' in trouble) return json(response, trouble.http, { error: trouble.http });
    if (trouble && trouble !== 'ok' && 'zaloError' in trouble) return json(response, 200, { error: trouble.zaloError, message: 'scripted failure' });
    if (request.headers.access_token !== fake.tokens.access) return json(response, 200, { error: -216, message: 'Access token is invalid' });
    const userId = String(kind === 'cs' ? body.recipient?.user_id : body.user_id);
    const buttons = (body.message?.attachment?.payload?.buttons ?? []) as ReceivedMessage['buttons'];
    fake.received.push({ userId, kind, body, text: textOf(kind, body), buttons, at: Date.now() });
    // Ids beyond 2^53, as Zalo's are.
    const id = `98${String(Date.now()).padStart(15, '0')}${serial++}`;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(`{"error":0,"message":"Success","data":{"message_id":"${id}","user_id":"${userId}"}}`);
  }

  async function refresh(request: IncomingMessage, response: ServerResponse) {
    const form = new URLSearchParams(await read(request));
    if (request.headers.secret_key !== fake.appSecret || form.get('app_id') !== fake.appId || form.get('grant_type') !== 'refresh_token') {
      return json(response, 200, { error: -14002, error_name: 'Invalid app' });
    }
    if (form.get('refresh_token') !== fake.tokens.refresh) return json(response, 200, { error: -14014, error_name: 'Invalid refresh token' });
    fake.refreshes += 1;
    fake.tokens = { access: `access-${fake.refreshes}`, refresh: `refresh-${fake.refreshes}` };
    json(response, 200, { access_token: fake.tokens.access, refresh_token: fake.tokens.refresh, expires_in: '90000' });
  }

  const server: Server = createServer((request, response) => {
    const route = `${request.method} ${request.url?.split('?')[0]}`;
    const handled =
      route === 'POST /v3.0/oa/message/cs' ? message('cs', request, response)
      : route === 'POST /message/template' ? message('template', request, response)
      : route === 'POST /v4/oa/access_token' ? refresh(request, response)
      : Promise.resolve(json(response, 404, { error: -404 }));
    handled.catch(() => json(response, 500, { error: -1 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as FakeZalo;
}
