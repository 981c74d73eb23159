/**
 * Per-client limits (issue 13, finding 5) over real HTTP: citizen turns, new conversations,
 * dossier lookups and officer logins are token buckets per client (the address Express sees:
 * X-Forwarded-For from the loopback proxy), refused with 429 + Retry-After + a Vietnamese message
 * and nothing stored; event streams per client are capped; and with REDIS_URL two instances
 * count into the same buckets.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, login, openEventStream } from '../../support/officer-app.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PASSWORD = 'mat-khau-rat-dai-1';
const from = (address: string) => ({ 'x-forwarded-for': address });

describe('per-client limits on one instance', () => {
  let app: TestApp;
  const count = async (sql: string) => Number((await app.deps.db.query<{ n: number }>(sql)).rows[0]!.n);
  const chat = (text: string, client: string, conversationId?: string) =>
    call(`${app.url}/api/chat`, 'POST', { text, ...(conversationId ? { conversationId } : {}) }, from(client));

  beforeAll(async () => {
    app = await startTestApp({
      config: { rateLimitChatPerMinute: 6, rateLimitConversationsPerHour: 3, rateLimitLookupsPerMinute: 2, rateLimitLoginsPerMinute: 3, maxStreamsPerClient: 2 },
    });
    await app.deps.officer.accounts.create({ username: 'canbo', password: PASSWORD, role: 'officer', sectors: [] });
  }, 120_000);
  afterAll(async () => app?.close());

  test('citizen turns: over the bucket → 429 with Retry-After and a Vietnamese message, the turn not stored', async () => {
    const first = await chat('xin chào', '198.51.100.1');
    expect(first.status).toBe(200);
    const conversationId = first.body.conversationId as string;
    for (let i = 0; i < 5; i += 1) expect((await chat('làm hộ chiếu cần gì', '198.51.100.1', conversationId)).status).toBe(200);
    const stored = await count(`SELECT count(*)::int AS n FROM messages WHERE conversation_id = '${conversationId}'`);
    const refused = await chat('câu hỏi thứ bảy', '198.51.100.1', conversationId);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(refused.body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/quá nhanh.*thử lại sau \d+ giây/), detail: expect.any(String) } });
    expect(await count(`SELECT count(*)::int AS n FROM messages WHERE conversation_id = '${conversationId}'`)).toBe(stored);
    // Another client is not affected.
    expect((await chat('xin chào', '198.51.100.2')).status).toBe(200);
  });

  test('new conversations: a separate, slower bucket; continuing a conversation still works', async () => {
    const client = '198.51.100.3';
    const before = await count('SELECT count(*)::int AS n FROM conversations');
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await chat('xin chào', client);
      expect(response.status).toBe(200);
      ids.push(response.body.conversationId);
    }
    const fourth = await chat('xin chào', client);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(fourth.body.error.message).toMatch(/thử lại sau \d+ phút/);
    // An unknown id would create a conversation too: refused the same way.
    expect((await chat('xin chào', client, randomUUID())).status).toBe(429);
    expect(await count('SELECT count(*)::int AS n FROM conversations')).toBe(before + 3);
    expect((await chat('cảm ơn', client, ids[0])).status).toBe(200);
  });

  test('dossier lookups: the client’s bucket answers "too many lookups" before the longer-window guard', async () => {
    const client = '198.51.100.4';
    const answers: string[] = [];
    let conversationId: string | undefined;
    for (const serial of ['0001', '0002', '0004']) {
      const response = await chat(`tra cứu hồ sơ 000.00.00.DEMO-250101-${serial}`, client, conversationId);
      expect(response.status).toBe(200);
      conversationId = response.body.conversationId;
      answers.push(response.body.replies.map((reply: { text?: string }) => reply.text ?? '').join('\n'));
    }
    expect(answers[0]).toMatch(/Đăng ký khai sinh/);
    expect(answers[1]).toMatch(/Đăng ký thường trú/);
    expect(answers[2]).toMatch(/tra cứu quá nhiều lần/);
    expect(answers[2]).not.toMatch(/Đăng ký kết hôn/);
  });

  test('officer logins: over the bucket even the right password gets 429, without being checked', async () => {
    const client = '198.51.100.5';
    for (let i = 0; i < 3; i += 1) expect((await call(`${app.url}/api/officer/login`, 'POST', { username: 'canbo', password: 'sai-mat-khau' }, from(client))).status).toBe(401);
    const refused = await call(`${app.url}/api/officer/login`, 'POST', { username: 'canbo', password: PASSWORD }, from(client));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.body.error).toMatchObject({ code: 'too_many_logins', message: expect.stringMatching(/thử lại sau \d+ phút/) });
    expect((await call(`${app.url}/api/officer/login`, 'POST', { username: 'canbo', password: PASSWORD }, from('198.51.100.6'))).status).toBe(200);
  });

  test('event streams: a client holds at most the cap (citizen and officer streams); a closed one frees its slot', async () => {
    const client = '198.51.100.7';
    const { conversationId } = (await chat('xin chào', client)).body;
    const url = `${app.url}/api/chat/${conversationId}/events`;
    const streams = [openEventStream(url, from(client)), openEventStream(url, from(client))];
    await Promise.all(streams.map((stream) => stream.opened));
    const third = await fetch(url, { headers: from(client) });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('too_many_streams');
    const officer = await login(app.url, 'canbo', PASSWORD);
    expect((await fetch(`${app.url}/api/officer/events`, { headers: { ...officer.auth, ...from(client) } })).status).toBe(429);
    // Another client still gets its streams.
    const elsewhere = await fetch(url, { headers: from('198.51.100.8') });
    expect(elsewhere.status).toBe(200);
    await elsewhere.body?.cancel();
    streams[0]!.close();
    await expect.poll(async () => {
      const again = await fetch(url, { headers: from(client) });
      await again.body?.cancel();
      return again.status;
    }).toBe(200);
    streams[1]!.close();
  });
});

describe('per-client limits shared through Redis', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    const config = { redisUrl: REDIS_URL, redisPrefix: `limits-${randomUUID().slice(0, 8)}`, rateLimitChatPerMinute: 4 };
    first = await startTestApp({ config });
    second = await startTestApp({ config, db: first.deps.db });
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  test('turns on two instances count into one bucket', async () => {
    const client = from('198.51.100.20');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const app = i % 2 ? second : first;
      statuses.push((await call(`${app.url}/api/chat`, 'POST', { text: 'xin chào' }, client)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });
});
