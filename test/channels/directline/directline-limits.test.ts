/**
 * The portal's Direct Line under the per-client limits (issue 13, finding 5), over real HTTP and
 * WebSocket with small limits: an activity POST takes from the same chat bucket as /api/chat, a
 * conversation stored for the first time from the new-conversation bucket — over either 429
 * TooManyRequests with Retry-After and nothing stored; token generation by the portal's server is
 * not throttled per address (it serves every citizen); WebSocket streams share the client's stream
 * slots with the event streams (refused upgrade: 429), freed on close; and a socket is closed
 * (1000 TokenExpired) when the token handed out with its URL expires.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { call, openEventStream } from '../../support/officer-app.ts';
import type { DirectLineOptions } from 'botframework-directlinejs';
import { connectDirectLine, DIRECTLINE_SECRET, generateToken, textOf, turn } from '../../support/directline.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const from = (address: string) => ({ 'x-forwarded-for': address });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Opens a stream URL as `client`; resolves with the open socket, or the refused upgrade's status, headers and body. */
function openStream(url: string, client: string): Promise<{ socket: WebSocket } | { status: number; retryAfter: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: from(client) });
    socket.on('open', () => resolve({ socket }));
    socket.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], body }));
    });
    socket.on('error', (error) => (error.message.includes('Unexpected server response') ? undefined : reject(error)));
  });
}

describe('Direct Line under the per-client limits', () => {
  let app: TestApp;
  const dl = (path: string) => `${app.url}/v3/directline${path}`;
  const start = async (client: string) => {
    const auth = await generateToken(app.url);
    const started = await call(dl('/conversations'), 'POST', {}, { ...bearer(auth.token), ...from(client) });
    return { ...auth, status: started.status, streamUrl: started.body?.streamUrl as string | undefined };
  };
  const post = (auth: { conversationId: string; token: string }, client: string, text: string) =>
    call(dl(`/conversations/${auth.conversationId}/activities`), 'POST', { type: 'message', text, from: { id: 'u' } }, { ...bearer(auth.token), ...from(client) });
  const storedMessages = async (conversationId: string) => (await app.deps.store.messages(conversationId)).length;

  beforeAll(async () => {
    app = await startTestApp({
      config: { directlineSecret: DIRECTLINE_SECRET, rateLimitChatPerMinute: 3, rateLimitConversationsPerHour: 2, maxStreamsPerClient: 2 },
    });
  }, 120_000);
  afterAll(async () => app?.close());

  test('activity POSTs take from the chat bucket /api/chat uses: over it 429 TooManyRequests, Retry-After, the turn not stored', async () => {
    const client = '198.51.100.31';
    const auth = await start(client);
    expect(auth.status).toBe(201);
    const typing = await call(dl(`/conversations/${auth.conversationId}/activities`), 'POST', { type: 'typing', from: { id: 'u' } }, { ...bearer(auth.token), ...from(client) });
    expect(typing.status).toBe(200);
    expect((await post(auth, client, 'lệ phí cấp hộ chiếu')).status).toBe(200);
    expect((await post(auth, client, 'làm hộ chiếu ở đâu')).status).toBe(200);
    const stored = await storedMessages(auth.conversationId);

    const refused = await post(auth, client, 'câu hỏi thứ tư');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(20);
    expect(refused.body).toEqual({ error: { code: 'TooManyRequests', message: expect.stringMatching(/quá nhanh.*thử lại sau \d+ giây/) } });
    expect(await storedMessages(auth.conversationId)).toBe(stored);
    // One bucket per client across channels: the web chat of the same client is refused too.
    expect((await call(`${app.url}/api/chat`, 'POST', { text: 'xin chào' }, from(client))).status).toBe(429);
    // Reading is not a turn; another client is not affected.
    expect((await call(dl(`/conversations/${auth.conversationId}/activities`), 'GET', undefined, { ...bearer(auth.token), ...from(client) })).status).toBe(200);
    const other = await start('198.51.100.32');
    expect((await post(other, '198.51.100.32', 'lệ phí cấp hộ chiếu')).status).toBe(200);
  });

  test('conversations stored for the first time take from the new-conversation bucket; the portal server generates tokens freely', async () => {
    const client = '198.51.100.33';
    // The portal's server asks for every citizen's token from one address: not a citizen's bucket.
    const tokens = [];
    for (let i = 0; i < 4; i += 1) {
      const generated = await call(dl('/tokens/generate'), 'POST', { user: { id: `citizen-${i}` } }, { ...bearer(DIRECTLINE_SECRET), ...from('203.0.113.80') });
      expect(generated.status).toBe(200);
      tokens.push(generated.body as { conversationId: string; token: string });
    }
    const startWith = (token: string) => call(dl('/conversations'), 'POST', {}, { ...bearer(token), ...from(client) });
    expect((await startWith(tokens[0]!.token)).status).toBe(201);
    expect((await startWith(tokens[1]!.token)).status).toBe(201);
    const third = await startWith(tokens[2]!.token);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(third.body.error).toEqual({ code: 'TooManyRequests', message: expect.stringMatching(/thử lại sau \d+ phút/) });
    expect(await app.deps.store.get(tokens[2]!.conversationId)).toBeNull();
    // A token first used without starting (reading its activities) would store its conversation: refused the same way.
    const read = await call(dl(`/conversations/${tokens[3]!.conversationId}/activities`), 'GET', undefined, { ...bearer(tokens[3]!.token), ...from(client) });
    expect(read.status).toBe(429);
    expect(await app.deps.store.get(tokens[3]!.conversationId)).toBeNull();
    // Conversations already started go on: a restart answers 200, a reconnect gives a new stream URL.
    expect((await startWith(tokens[0]!.token)).status).toBe(200);
    expect((await call(dl(`/conversations/${tokens[1]!.conversationId}`), 'GET', undefined, { ...bearer(tokens[1]!.token), ...from(client) })).status).toBe(200);
    // The secret starting conversations is a client like any other.
    const secretClient = '203.0.113.81';
    const bySecret = [];
    for (let i = 0; i < 3; i += 1) bySecret.push((await call(dl('/conversations'), 'POST', {}, { ...bearer(DIRECTLINE_SECRET), ...from(secretClient) })).status);
    expect(bySecret).toEqual([201, 201, 429]);
  });

  test('WebSocket streams share the client’s stream slots with the event streams; refused upgrade 429; a closed socket frees its slot', async () => {
    const client = '198.51.100.34';
    const first = await start(client);
    const second = await start('198.51.100.35');
    const a = await openStream(first.streamUrl!, client);
    const b = await openStream(second.streamUrl!, client);
    expect('socket' in a && 'socket' in b).toBe(true);

    // Stream URLs are for one connection each: ask for a fresh one (reconnect) as Web Chat does.
    const again = await call(dl(`/conversations/${first.conversationId}`), 'GET', undefined, { ...bearer(first.token), ...from(client) });
    const refused = await openStream(again.body.streamUrl, client);
    expect(refused).toMatchObject({ status: 429, retryAfter: '30' });
    expect(JSON.parse((refused as { body: string }).body)).toEqual({ error: { code: 'TooManyRequests', message: expect.stringMatching(/quá nhiều cửa sổ/) } });
    // The event stream of /api/chat counts into the same slots.
    const sse = await fetch(`${app.url}/api/chat/${first.conversationId}/events`, { headers: from(client) });
    expect(sse.status).toBe(429);
    await sse.body?.cancel();
    // Another client still connects.
    const elsewhere = await openStream(again.body.streamUrl, '198.51.100.36');
    expect('socket' in elsewhere).toBe(true);

    (a as { socket: WebSocket }).socket.close();
    await expect.poll(async () => {
      const retry = await openStream(again.body.streamUrl, client);
      if ('socket' in retry) {
        retry.socket.close();
        return 101;
      }
      return retry.status;
    }).toBe(101);
    (b as { socket: WebSocket }).socket.close();
    (elsewhere as { socket: WebSocket }).socket.close();
  });
});

describe('a Direct Line socket when its token expires', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The configuration allows no less than 1,200 s; the test shortens it through deps.
    app = await startTestApp({ warm: false, directlineTokenTtlSeconds: 3, config: { directlineSecret: DIRECTLINE_SECRET, maxStreamsPerClient: 1 } });
  }, 120_000);
  afterAll(async () => app?.close());

  test('is closed with 1000 TokenExpired, frees its slot, and a reconnect with the refreshed token opens a new one', async () => {
    const client = '198.51.100.40';
    const auth = await generateToken(app.url);
    const started = await call(`${app.url}/v3/directline/conversations`, 'POST', {}, { ...bearer(auth.token), ...from(client) });
    const opened = await openStream(started.body.streamUrl, client);
    if (!('socket' in opened)) throw new Error(`stream refused: ${opened.status}`);
    const openedAt = Date.now();
    const closing = new Promise<{ code: number; reason: string }>((resolve) => opened.socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    // Web Chat refreshes its token before it expires (every 15 minutes of 30; here half-way).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(opened.socket.readyState).toBe(WebSocket.OPEN);
    const refreshed = await call(`${app.url}/v3/directline/tokens/refresh`, 'POST', undefined, bearer(started.body.token));
    expect(refreshed.status).toBe(200);
    expect(await closing).toEqual({ code: 1000, reason: 'TokenExpired' });
    expect(Date.now() - openedAt).toBeLessThan(4_000);
    await expect.poll(() => app.deps.directline!.streams.openCount()).toBe(0);
    // Its stream URL (a 2-minute stream token) opens nothing once the token beside it has expired.
    expect(await openStream(started.body.streamUrl, client)).toMatchObject({ status: 403 });

    // Web Chat's next step: a new stream URL with the token it refreshed meanwhile — and the slot is free.
    const reconnect = await call(`${app.url}/v3/directline/conversations/${auth.conversationId}`, 'GET', undefined, { ...bearer(refreshed.body.token), ...from(client) });
    expect(reconnect.status).toBe(200);
    const again = await openStream(reconnect.body.streamUrl, client);
    expect('socket' in again).toBe(true);
    (again as { socket: WebSocket }).socket.close();
  });
});

describe('the event stream and the Direct Line slots of one client', () => {
  test('an open event stream leaves no slot for a socket when the cap is 1', async () => {
    const app = await startTestApp({ warm: false, config: { directlineSecret: DIRECTLINE_SECRET, maxStreamsPerClient: 1 } });
    try {
      const client = '198.51.100.41';
      const auth = await generateToken(app.url);
      const started = await call(`${app.url}/v3/directline/conversations`, 'POST', {}, { ...bearer(auth.token), ...from(client) });
      const sse = openEventStream(`${app.url}/api/chat/${auth.conversationId}/events`, from(client));
      await sse.opened;
      expect(await openStream(started.body.streamUrl, client)).toMatchObject({ status: 429 });
      sse.close();
    } finally {
      await app.close();
    }
  });
});

describe('Web Chat’s own client across a token expiry', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ directlineTokenTtlSeconds: 10, config: { directlineSecret: DIRECTLINE_SECRET } });
  }, 120_000);
  afterAll(async () => app?.close());

  test('botframework-directlinejs reconnects after the TokenExpired close with its refreshed token and keeps receiving', async () => {
    const sockets: Array<{ openedAt: number; closed?: { code: number; reason: string } }> = [];
    class RecordedSocket extends WebSocket {
      constructor(url: string) {
        super(url);
        const entry: (typeof sockets)[number] = { openedAt: Date.now() };
        sockets.push(entry);
        this.on('close', (code, reason) => (entry.closed = { code, reason: reason.toString() }));
      }
    }
    const auth = await generateToken(app.url, 'citizen-expiry');
    // random 0: the client's reconnect delay is its minimum, 3 s.
    const portal = connectDirectLine(app.url, { token: auth.token, webSocket: true, WebSocket: RecordedSocket, random: () => 0 } as DirectLineOptions, 'citizen-expiry');
    try {
      expect((await turn(app.url, portal, auth, 'lệ phí cấp hộ chiếu')).map(textOf).join('\n')).toContain('200.000 đồng');
      // The client refreshes its token on its own schedule (every 15 of 30 minutes): here 6 of 10 s.
      const client = portal.directLine as unknown as { token: string; refreshToken(): { subscribe(next: (token: string) => void): unknown } };
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, sockets[0]!.openedAt + 6_000 - Date.now())));
      await new Promise<void>((resolve) => client.refreshToken().subscribe((token) => ((client.token = token), resolve())));

      await expect.poll(() => sockets.length, { timeout: 15_000, interval: 200 }).toBe(2);
      expect(sockets[0]!.closed).toEqual({ code: 1000, reason: 'TokenExpired' });
      // The new socket carries the conversation on: the next answer arrives on it.
      const next = await turn(app.url, portal, { conversationId: auth.conversationId, token: client.token }, 'làm hộ chiếu ở đâu');
      expect(next.length).toBeGreaterThan(0);
      expect(sockets[1]!.closed).toBeUndefined();
    } finally {
      portal.end();
    }
  }, 40_000);
});
