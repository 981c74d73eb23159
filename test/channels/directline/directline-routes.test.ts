/**
 * The Direct Line API's edges, over real HTTP and WebSocket: off (404) without DIRECTLINE_SECRET;
 * the secret generates tokens and only the secret does; tokens are scoped to one conversation,
 * refreshable, and answered as Direct Line does when wrong (401 Unauthorized) or expired
 * (403 TokenExpired) — on REST and on the stream URL; non-message activities are accepted and not
 * stored; the portal's origin gets CORS for Web Chat's headers.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { createDirectLineTokens } from '../../../channels/directline/directline-tokens.ts';
import { call } from '../../support/officer-app.ts';
import { DIRECTLINE_SECRET, generateToken } from '../../support/directline.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const PORTAL = 'https://dichvucong.example.gov.vn';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let app: TestApp;
let dl: (path: string) => string;

beforeAll(async () => {
  app = await startTestApp({ config: { directlineSecret: DIRECTLINE_SECRET, directlineTokenTtlSeconds: 1200, allowedOrigins: [PORTAL] } });
  dl = (path) => `${app.url}/v3/directline${path}`;
}, 120_000);
afterAll(async () => app?.close());

/** The HTTP status a WebSocket upgrade to `url` is answered with (101 when it opens). */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('error', (error) => (error.message.includes('Unexpected server response') ? undefined : reject(error)));
  });
}

describe('without DIRECTLINE_SECRET', () => {
  test('the Direct Line routes do not exist', async () => {
    const off = await startTestApp({ warm: false });
    try {
      const response = await call(`${off.url}/v3/directline/conversations`, 'POST', {}, bearer(DIRECTLINE_SECRET));
      expect(response.status).toBe(404);
      expect(await upgradeStatus(`${off.url.replace('http', 'ws')}/v3/directline/conversations/x/stream?t=y`).catch(() => 0)).not.toBe(101);
    } finally {
      await off.close();
    }
  });
});

describe('tokens', () => {
  test('generate needs the secret: none → 401, a wrong one → 401, a token → 403', async () => {
    const none = await call(dl('/tokens/generate'), 'POST', {});
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ code: 'Unauthorized', message: expect.stringContaining('mã xác thực') });
    expect((await call(dl('/tokens/generate'), 'POST', {}, bearer('not-the-secret-but-long-enough-0123456789'))).status).toBe(401);
    const { token } = await generateToken(app.url);
    const withToken = await call(dl('/tokens/generate'), 'POST', {}, bearer(token));
    expect(withToken.status).toBe(403);
    expect(JSON.stringify(withToken.body)).not.toContain(DIRECTLINE_SECRET);
  });

  test('a generated token opens its own conversation only, and refreshes', async () => {
    const mine = await generateToken(app.url);
    expect(mine).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), expires_in: 1200 });
    const started = await call(dl('/conversations'), 'POST', {}, bearer(mine.token));
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ conversationId: mine.conversationId, expires_in: 1200, streamUrl: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/[\w-]+\/stream\?t=/) });
    expect((await call(dl('/conversations'), 'POST', {}, bearer(mine.token))).status).toBe(200);

    const other = await generateToken(app.url);
    await call(dl('/conversations'), 'POST', {}, bearer(other.token));
    const crossed = await call(dl(`/conversations/${other.conversationId}/activities`), 'GET', undefined, bearer(mine.token));
    expect(crossed.status).toBe(403);
    expect(crossed.body.error.code).toBe('Forbidden');
    const posted = await call(dl(`/conversations/${other.conversationId}/activities`), 'POST', { type: 'message', text: 'chào' }, bearer(mine.token));
    expect(posted.status).toBe(403);

    const refreshed = await call(dl('/tokens/refresh'), 'POST', undefined, bearer(mine.token));
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ conversationId: mine.conversationId, expires_in: 1200 });
    expect((await call(dl(`/conversations/${mine.conversationId}/activities`), 'GET', undefined, bearer(refreshed.body.token))).status).toBe(200);
    // Refresh is for tokens: the secret has nothing to refresh.
    expect((await call(dl('/tokens/refresh'), 'POST', undefined, bearer(DIRECTLINE_SECRET))).status).toBe(403);
  });

  test('an expired token gets 403 TokenExpired; a forged or altered one 401', async () => {
    const { conversationId, token } = await generateToken(app.url);
    const past = createDirectLineTokens({ secret: DIRECTLINE_SECRET, ttlSeconds: 600, now: () => new Date(Date.now() - 3_600_000) });
    const expired = past.issue({ conversationId, userId: 'u' }).token;
    for (const [method, path] of [['POST', '/conversations'], ['GET', `/conversations/${conversationId}/activities`], ['POST', '/tokens/refresh'], ['GET', `/conversations/${conversationId}`]] as const) {
      const response = await call(dl(path), method, method === 'POST' ? {} : undefined, bearer(expired));
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.body.error.code).toBe('TokenExpired');
    }
    const forger = createDirectLineTokens({ secret: 'another-deployment-secret-0123456789abc', ttlSeconds: 600 });
    const forged = forger.issue({ conversationId, userId: 'u' }).token;
    const altered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [forged, altered, 'abc', `${token}.x`]) {
      const response = await call(dl(`/conversations/${conversationId}/activities`), 'GET', undefined, bearer(bad));
      expect(response.status, bad.slice(0, 12)).toBe(401);
      expect(response.body.error.code).toBe('Unauthorized');
    }
  });

  test('the secret starts conversations and may act on any existing one; an unknown one is 404', async () => {
    const started = await call(dl('/conversations'), 'POST', { user: { id: 'portal-server' } }, bearer(DIRECTLINE_SECRET));
    expect(started.status).toBe(201);
    const id = started.body.conversationId;
    expect((await call(dl(`/conversations/${id}/activities`), 'GET', undefined, bearer(DIRECTLINE_SECRET))).body).toEqual({ activities: [], watermark: '0' });
    expect((await call(dl('/conversations/khong-co/activities'), 'GET', undefined, bearer(DIRECTLINE_SECRET))).status).toBe(404);
  });
});

describe('the stream URL', () => {
  test('opens with its stream token; refused without one, with a REST token, another conversation or when expired', async () => {
    const mine = await generateToken(app.url);
    const { streamUrl } = (await call(dl('/conversations'), 'POST', {}, bearer(mine.token))).body as { streamUrl: string };
    expect(await upgradeStatus(streamUrl)).toBe(101);

    const base = streamUrl.split('?')[0]!;
    expect(await upgradeStatus(base)).toBe(401);
    expect(await upgradeStatus(`${base}?t=${mine.token}`)).toBe(403);
    const other = await generateToken(app.url);
    const otherStream = (await call(dl('/conversations'), 'POST', {}, bearer(other.token))).body.streamUrl as string;
    expect(await upgradeStatus(`${base}?${otherStream.split('?')[1]}`)).toBe(403);
    const past = createDirectLineTokens({ secret: DIRECTLINE_SECRET, ttlSeconds: 60, now: () => new Date(Date.now() - 3_600_000) });
    expect(await upgradeStatus(`${base}?t=${past.issue({ conversationId: mine.conversationId, userId: 'u', kind: 'stream' }).token}`)).toBe(403);
    // A stream token opens only the stream, never the REST API.
    const streamToken = new URL(streamUrl).searchParams.get('t')!;
    expect((await call(dl(`/conversations/${mine.conversationId}/activities`), 'GET', undefined, bearer(streamToken))).status).toBe(401);
  });
});

describe('activities', () => {
  test('typing and events are accepted and not stored; a message becomes a turn; bad input is 400 in Vietnamese', async () => {
    const { conversationId, token } = await generateToken(app.url);
    await call(dl('/conversations'), 'POST', {}, bearer(token));
    const typing = await call(dl(`/conversations/${conversationId}/activities`), 'POST', { type: 'typing', from: { id: 'u' } }, bearer(token));
    expect(typing.status).toBe(200);
    expect(typing.body.id).toEqual(expect.any(String));
    expect((await call(dl(`/conversations/${conversationId}/activities`), 'GET', undefined, bearer(token))).body.activities).toEqual([]);

    const empty = await call(dl(`/conversations/${conversationId}/activities`), 'POST', { type: 'message', text: '  ' }, bearer(token));
    expect(empty.status).toBe(400);
    expect(empty.body.error).toEqual({ code: 'BadArgument', message: 'Vui lòng nhập nội dung câu hỏi.' });

    const asked = await call(dl(`/conversations/${conversationId}/activities`), 'POST', { type: 'message', text: 'lệ phí cấp hộ chiếu', from: { id: 'someone-else' } }, bearer(token));
    expect(asked.status).toBe(200);
    const read = await call(dl(`/conversations/${conversationId}/activities`), 'GET', undefined, bearer(token));
    expect(read.body.activities[0]).toMatchObject({ id: asked.body.id, from: { role: 'user' }, text: 'lệ phí cấp hộ chiếu' });
    // The user is the token's, whatever the body claims.
    expect(read.body.activities[0].from.id).not.toBe('someone-else');
    expect(read.body.activities.slice(1).map((a: { text: string }) => a.text).join('\n')).toContain('200.000 đồng');
    const later = await call(dl(`/conversations/${conversationId}/activities?watermark=${read.body.watermark}`), 'GET', undefined, bearer(token));
    expect(later.body).toEqual({ activities: [], watermark: read.body.watermark });
  });

  test('a portal page on an allowed origin gets CORS for Web Chat headers; another origin none', async () => {
    const preflight = await fetch(dl('/conversations'), { method: 'OPTIONS', headers: { origin: PORTAL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-ms-bot-agent' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-ms-bot-agent/);
    const elsewhere = await fetch(dl('/conversations'), { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });
});
