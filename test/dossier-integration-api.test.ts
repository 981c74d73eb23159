/**
 * PUT /api/integration/dossiers/:code over HTTP through createApp: authentication (503 when not
 * configured, 401 wrong/missing token), validation naming the field, idempotency and history —
 * and end to end: a pushed dossier is found by asking the web chat in Vietnamese, and a
 * subscribed conversation hears about the next status change on its event stream.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { warmUp } from '../startup.ts';
import type { Services } from '../channels/http/readiness.ts';
import { dossierAppDeps } from '../channels/dossiers/dossier-setup.ts';
import { bearerMatches } from '../channels/integration/dossier-routes.ts';
import { createMemoryEventHub } from '../bot/events/event-hub.ts';
import { createSqlTicketStore } from '../bot/handoff/sql-ticket-store.ts';
import { createSqlConversationStore } from '../bot/store/sql-conversation-store.ts';
import { createSqlDossierStore } from '../knowledge/dossiers/sql-dossier-store.ts';
import { DB_FACTORIES, type TestDatabase } from './support/databases.ts';

const pglite = DB_FACTORIES.find((f) => f.name === 'pglite')!;
const TOKEN = 'test-integration-token-0123456789';
const CODE = '000.00.19.H53-240101-0001';

const body = (extra: Record<string, unknown> = {}) => ({
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  receivedAt: '2024-01-01T08:00:00+07:00',
  dueAt: '2024-01-05',
  status: 'processing',
  step: 'Thẩm định hồ sơ',
  agency: 'UBND phường Bến Nghé',
  applicant: { name: 'Lê Văn Công', phone: '0901 234 567' },
  ...extra,
});

async function start(db: TestDatabase['db'], integrationToken?: string, bot = true) {
  const config = loadConfig({ catalog: 'curated', ...(integrationToken ? { integrationToken } : {}) }, {});
  const services: Services = {};
  const app = createApp({
    logger: pino({ level: 'silent' }),
    services,
    store: createSqlConversationStore(db),
    tickets: createSqlTicketStore(db),
    events: createMemoryEventHub(),
    dossiers: dossierAppDeps(config, db),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  if (bot) await warmUp({ config, db, logger: pino({ level: 'silent' }), services });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const put = (url: string, code: string, payload: unknown, token: string | null = TOKEN) =>
  fetch(`${url}/api/integration/dossiers/${encodeURIComponent(code)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...(token !== null ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(payload),
  });

const chat = async (url: string, text: string, conversationId?: string) => {
  const response = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, ...(conversationId ? { conversationId } : {}) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { conversationId: string; intent: string; replies: Array<{ text: string }> };
};

describe('dossier integration API', () => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    database = await pglite.create();
    server = await start(database.db, TOKEN);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  test('bearer comparison', () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(bearerMatches(TOKEN, TOKEN)).toBe(false);
    expect(bearerMatches(undefined, TOKEN)).toBe(false);
  });

  test('without INTEGRATION_TOKEN the endpoint answers 503, never open', async () => {
    const fresh = await pglite.create();
    const open = await start(fresh.db, undefined, false);
    try {
      for (const token of [null, '', 'anything']) {
        const response = await put(open.url, CODE, body(), token);
        expect(response.status).toBe(503);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('integration_not_configured');
      }
      expect(await createSqlDossierStore(fresh.db).find(CODE)).toBeNull();
    } finally {
      await open.close();
      await fresh.dispose();
    }
  });

  test('a missing or wrong token is 401, and nothing is stored', async () => {
    for (const token of [null, '', 'wrong-token-wrong-token-wrong', TOKEN.slice(0, -1), `${TOKEN}0`]) {
      const response = await put(server.url, '000.00.19.H53-240101-0401', body(), token);
      expect(response.status, String(token)).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const text = await response.text();
      expect(text).not.toContain(TOKEN);
      expect(JSON.parse(text).error.message).toMatch(/xác thực/);
    }
    const raw = await fetch(`${server.url}/api/integration/dossiers/000.00.19.H53-240101-0401`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` },
      body: JSON.stringify(body()),
    });
    expect(raw.status).toBe(401);
    expect(await createSqlDossierStore(database.db).find('000.00.19.H53-240101-0401')).toBeNull();
  });

  test.each([
    [{ status: 'done' }, 'status'],
    [{ status: undefined }, 'status'],
    [{ procedureCode: '' }, 'procedureCode'],
    [{ receivedAt: '01/01/2024' }, 'receivedAt'],
    [{ dueAt: '2023-12-31' }, 'dueAt'],
    [{ applicant: { name: 'Lê Văn Công' } }, 'applicant.phone'],
    [{ applicant: { name: '', phone: '0901234567' } }, 'applicant.name'],
    [{ applicant: { name: 'A', phone: '12345' } }, 'applicant.phone'],
    [{ status: 'need_supplement', note: null }, 'note'],
    [{ status: 'rejected' }, 'note'],
  ])('invalid body %o → 400 naming %s', async (change, field) => {
    const response = await put(server.url, '000.00.19.H53-240101-0400', body(change));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string; detail: string } };
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain(`"${field}"`);
    expect(error.detail).toContain(field);
    expect(JSON.stringify(error)).not.toContain('0901234567');
  });

  test('a body that is not an object, a bad JSON and a bad code are 400', async () => {
    expect((await put(server.url, CODE, [1, 2])).status).toBe(400);
    const badJson = await fetch(`${server.url}/api/integration/dossiers/${CODE}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: '{"status":',
    });
    expect(badJson.status).toBe(400);
    const badCode = await put(server.url, 'not-a-code', body());
    expect(badCode.status).toBe(400);
    expect(((await badCode.json()) as { error: { message: string } }).error.message).toMatch(/"code"[\s\S]*000\.00\.19\.H53-240101-0001/);
  });

  test('pushes are idempotent and keep a history of status changes; the code is canonicalised', async () => {
    const code = '000.00.19.H53-240101-0002';
    const first = await put(server.url, code.toLowerCase(), body({ status: 'received' }));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ code, result: 'created', statusChanged: true });
    const again = await put(server.url, code, body({ status: 'received' }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ result: 'unchanged', statusChanged: false, notified: 0 });
    expect(await (await put(server.url, code, body({ status: 'processing' }))).json()).toMatchObject({ result: 'updated', statusChanged: true });
    expect(await (await put(server.url, code, body({ status: 'processing' }))).json()).toMatchObject({ result: 'unchanged' });
    const history = await createSqlDossierStore(database.db).history(code);
    expect(history.map((h) => h.status)).toEqual(['received', 'processing']);
    const stored = await createSqlDossierStore(database.db).find(code);
    expect(stored?.applicant.phone).toBe('0901234567');
    expect(stored?.dueAt).toBe('2024-01-04T17:00:00.000Z'); // 05/01/2024 00:00 in Vietnam
  });

  test('GET returns what the store holds with its history; it needs the token, and an unknown code is 404', async () => {
    const code = '000.00.19.H53-240101-0003';
    await put(server.url, code, body({ status: 'received' }));
    await put(server.url, code, body({ status: 'need_supplement', note: 'Thiếu bản sao giấy khai sinh' }));
    const get = (path: string, token: string | null = TOKEN) =>
      fetch(`${server.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    const found = await get(`/api/integration/dossiers/${code.toLowerCase()}`);
    expect(found.status).toBe(200);
    const json = (await found.json()) as { dossier: { code: string; status: string }; history: Array<{ status: string; note: string | null }> };
    expect(json.dossier).toMatchObject({ code, status: 'need_supplement' });
    expect(json.history.map((h) => h.status)).toEqual(['received', 'need_supplement']);
    expect(json.history[1]!.note).toBe('Thiếu bản sao giấy khai sinh');
    expect((await get(`/api/integration/dossiers/${code}`, null)).status).toBe(401);
    expect((await get(`/api/integration/dossiers/${code}`, 'wrong-token-wrong-token')).status).toBe(401);
    const missing = await get('/api/integration/dossiers/000.00.19.H53-240101-9999');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/Không tìm thấy hồ sơ/);
  });

  test('end to end: PUT the dossier, then ask the web chat in Vietnamese', async () => {
    expect((await put(server.url, CODE, body())).status).toBeLessThan(300);
    const answer = await chat(server.url, 'tra cứu hồ sơ 000.00.19.H53-240101-0001');
    expect(answer.intent).toBe('status');
    const text = answer.replies.map((r) => r.text).join('\n');
    expect(text).toMatch(/000\.00\.19\.H53-240101-0001 \(Đăng ký khai sinh\)/);
    expect(text).toMatch(/Tình trạng: Đang xử lý — quá hạn \d+ ngày làm việc/);
    expect(text).toMatch(/Ngày tiếp nhận: 01\/01\/2024; hẹn trả kết quả: 05\/01\/2024/);
    expect(text).toContain('Bước hiện tại: Thẩm định hồ sơ');
    expect(text).not.toMatch(/Lê Văn Công|0901/);
    // The same dossier, typed loosely, in the same conversation; then verified.
    const loose = await chat(server.url, 'hồ sơ 000 00 19 h53 240101 0001 của tôi đến đâu rồi', answer.conversationId);
    expect(loose.replies[0]?.text).toMatch(/Đang xử lý/);
    const verified = await chat(server.url, '4567', answer.conversationId);
    expect(verified.replies[0]?.text).toMatch(/Lê Văn Công[\s\S]*\*{6}4567/);
  });

  test('a demo dossier is there to try on a fresh start', async () => {
    const answer = await chat(server.url, 'tra cứu hồ sơ');
    const demo = /000\.00\.00\.DEMO-\d{6}-\d{4}/.exec(answer.replies.map((r) => r.text).join('\n'))?.[0];
    expect(demo).toBeDefined();
    const found = await chat(server.url, demo as string, answer.conversationId);
    expect(found.replies[0]?.text).toMatch(/DEMO để dùng thử/);
  });

  test('a subscribed conversation gets the status change on its event stream, stored in the conversation', async () => {
    const code = '000.00.19.H53-240101-0003';
    await put(server.url, code, body());
    const shown = await chat(server.url, `tra cứu hồ sơ ${code}`);
    const subscribed = await chat(server.url, 'nhận thông báo', shown.conversationId);
    expect(subscribed.replies[0]?.text).toMatch(/đã đăng ký nhận thông báo/);

    const controller = new AbortController();
    const stream = await fetch(`${server.url}/api/chat/${shown.conversationId}/events`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    const events: Array<Record<string, unknown>> = [];
    const reading = (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += new TextDecoder().decode(value);
        for (const match of buffer.matchAll(/^data: (.*)$/gm)) events.push(JSON.parse(match[1] as string));
        buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
        if (events.length > 0) return;
      }
    })();

    const pushed = await put(server.url, code, body({ status: 'result_ready', step: 'Trả kết quả', agency: 'Bộ phận Một cửa UBND phường Bến Nghé' }));
    expect(await pushed.json()).toMatchObject({ statusChanged: true, notified: 1 });
    await Promise.race([reading, new Promise((_, reject) => setTimeout(() => reject(new Error('no event')), 5000))]);
    controller.abort();
    expect(events[0]).toMatchObject({ type: 'status', from: 'system', data: { dossierCode: code, status: 'result_ready' } });
    expect(String(events[0]?.text)).toMatch(/Đã có kết quả, chờ trả kết quả[\s\S]*Bộ phận Một cửa UBND phường Bến Nghé/);
    expect(String(events[0]?.text)).not.toMatch(/Lê Văn Công|0901/);

    const stored = await createSqlConversationStore(database.db).messages(shown.conversationId);
    expect(stored.at(-1)).toMatchObject({ author: 'system', id: events[0]?.messageId });
    // The same push again tells no one twice.
    expect(await (await put(server.url, code, body({ status: 'result_ready', step: 'Trả kết quả', agency: 'Bộ phận Một cửa UBND phường Bến Nghé' }))).json()).toMatchObject({
      result: 'unchanged',
      notified: 0,
    });
  });
});
