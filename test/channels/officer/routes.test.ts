/**
 * The officer console's JSON API over real HTTP, on PostgreSQL, with the real bot: the handoff
 * from "cho tôi gặp cán bộ" to the rating after close, routing by sector, transfer, the claim
 * race, and every authentication failure (each with its Vietnamese message).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DB_FACTORIES, type TestDatabase } from '../../support/databases.ts';
import { call, chat, login, openEventStream } from '../../support/officer-app.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const postgres = DB_FACTORIES.find((f) => f.name === 'postgres')!;
const PASSWORD = 'mat-khau-rat-dai-1';

describe('officer API', () => {
  let database: TestDatabase;
  let app: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await postgres.create();
    app = await startTestApp({ db: database.db });
    const accounts = app.deps.officer.accounts;
    for (const [username, role, sectors] of [
      ['hotich1', 'officer', ['Hộ tịch']],
      ['hotich2', 'officer', ['Hộ tịch']],
      ['xuatnhapcanh', 'officer', ['Quản lý xuất nhập cảnh']],
      ['giamsat', 'supervisor', []],
      ['khoa', 'officer', ['Hộ tịch']],
    ] as const) {
      ids[username] = (await accounts.create({ username, password: PASSWORD, displayName: `Cán bộ ${username}`, role, sectors: [...sectors] }))!.id;
    }
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const api = (path: string) => `${app.url}${path}`;

  async function askForOfficer(topic = 'đăng ký khai sinh cần giấy tờ gì'): Promise<{ conversationId: string; ticketId: string; outcome: any }> {
    const first = await chat(app.url, topic);
    const outcome = await chat(app.url, 'cho tôi gặp cán bộ', first.conversationId);
    return { conversationId: first.conversationId, ticketId: outcome.handoff.ticketId, outcome };
  }

  test('whole handoff: queue position and wait, claim, relay both ways, close, bot resumes and asks for a 1–5 rating', async () => {
    const hotich = await login(app.url, 'hotich1', PASSWORD);
    const desk = openEventStream(api('/api/officer/events'), hotich.auth);
    await desk.opened;
    const { conversationId, ticketId, outcome } = await askForOfficer();
    expect(outcome.intent).toBe('handoff');
    expect(outcome.handoff).toMatchObject({ state: 'waiting_officer', queuePosition: 1, expectedWaitMinutes: expect.any(Number) });
    const told = outcome.replies.map((r: any) => r.text).join('\n');
    expect(told).toMatch(/người tiếp theo trong hàng chờ/);
    expect(told).toMatch(/thời gian chờ dự kiến khoảng \d+ phút/);
    expect(told).toMatch(/lĩnh vực Hộ tịch/);
    await desk.next((e) => e.ticketId === ticketId && e.text === 'opened');

    const queue = await call(api('/api/officer/queue'), 'GET', undefined, hotich.auth);
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((i: any) => i.ticketId === ticketId);
    expect(item).toMatchObject({ conversationId, channel: 'webchat', sector: 'Hộ tịch', summary: 'cho tôi gặp cán bộ', position: 1 });
    expect(Date.parse(item.waitingSince)).toBeGreaterThan(Date.now() - 60_000);

    const citizen = openEventStream(api(`/api/chat/${conversationId}/events`));
    await citizen.opened;
    const claim = await call(api(`/api/officer/tickets/${ticketId}/claim`), 'POST', undefined, hotich.auth);
    expect(claim.status).toBe(200);
    expect(claim.body.ticket).toMatchObject({ state: 'with_officer', officerId: ids.hotich1 });
    await citizen.next((e) => e.from === 'system' && /đã tiếp nhận/.test(e.text));

    const detail = await call(api(`/api/officer/tickets/${ticketId}`), 'GET', undefined, hotich.auth);
    expect(detail.status).toBe(200);
    expect(detail.body.context.procedure).toMatchObject({ name: expect.stringMatching(/khai sinh/i), sector: 'Hộ tịch' });
    expect(detail.body.context.intents).toEqual(expect.arrayContaining(['documents', 'handoff']));
    expect(detail.body.transcript.map((m: any) => m.from)).toEqual(expect.arrayContaining(['citizen', 'bot', 'system']));
    expect(detail.body.suggestions[0]).toMatchObject({ intent: 'documents', text: expect.stringMatching(/khai sinh/i) });

    const sent = await call(api(`/api/officer/tickets/${ticketId}/messages`), 'POST', { text: 'Chào anh/chị, tôi là cán bộ hộ tịch.' }, hotich.auth);
    expect(sent.status).toBe(200);
    expect(await citizen.next((e) => e.from === 'officer')).toMatchObject({ from: 'officer', text: 'Chào anh/chị, tôi là cán bộ hộ tịch.', messageId: sent.body.message.id });

    const relayed = await chat(app.url, 'Con tôi sinh ở nước ngoài thì sao ạ?', conversationId);
    expect(relayed.replies).toEqual([]);
    expect(relayed.handoff).toMatchObject({ state: 'with_officer', ticketId });
    await desk.next((e) => e.ticketId === ticketId && e.from === 'citizen' && e.text === 'Con tôi sinh ở nước ngoài thì sao ạ?');

    const closed = await call(api(`/api/officer/tickets/${ticketId}/close`), 'POST', { reason: 'resolved' }, hotich.auth);
    expect(closed.status).toBe(200);
    expect(closed.body.ticket).toMatchObject({ state: 'closed', endReason: 'resolved' });
    const resume = await citizen.next((e) => Array.isArray(e.quickReplies));
    expect(resume.text).toMatch(/Trợ lý tự động tiếp tục hỗ trợ/);
    expect(resume.quickReplies.map((q: any) => q.label)).toEqual(['1', '2', '3', '4', '5']);
    citizen.close();

    // The rating is recognised, stored per conversation and officer, and thanked — not treated as a question.
    const rated = await chat(app.url, '5', conversationId, resume.quickReplies[4].payload);
    expect(rated.intent).toBe('rating');
    expect(rated.replies[0].text).toMatch(/cảm ơn bạn đã đánh giá 5\/5/);
    const { rows } = await database.db.query<{ rating: number; officer_id: string; conversation_id: string }>('SELECT * FROM handoff_ratings WHERE ticket_id = $1', [ticketId]);
    expect(rows[0]).toMatchObject({ rating: 5, officer_id: ids.hotich1, conversation_id: conversationId });

    // The bot is back with no stale handoff context.
    const state = (await database.db.query<{ state: any }>('SELECT state FROM conversations WHERE id = $1', [conversationId])).rows[0]!.state;
    expect(state).toMatchObject({ handoffRequested: false, failedTurns: 0, pending: null });
    // Rated once: a second digit is no rating.
    expect((await chat(app.url, '4', conversationId)).intent).not.toBe('rating');
    const next = await chat(app.url, 'lệ phí làm hộ chiếu', conversationId);
    expect(next.intent).toBe('fee');
    expect(next.handoff).toBeNull();
    desk.close();
  });

  test('a typed rating right after close is recognised too', async () => {
    const officer = await login(app.url, 'hotich2', PASSWORD);
    const { conversationId, ticketId } = await askForOfficer();
    expect((await call(api(`/api/officer/tickets/${ticketId}/messages`), 'POST', { text: 'Tôi hỗ trợ anh/chị ạ.' }, officer.auth)).status).toBe(200);
    expect((await call(api(`/api/officer/tickets/${ticketId}/close`), 'POST', { reason: 'resolved' }, officer.auth)).status).toBe(200);
    const rated = await chat(app.url, '4 sao', conversationId);
    expect(rated.intent).toBe('rating');
    expect(rated.replies[0].text).toMatch(/4\/5/);
  });

  test('routing by sector: another sector\'s officer neither sees nor takes the ticket; a supervisor sees all', async () => {
    const { ticketId } = await askForOfficer();
    const other = await login(app.url, 'xuatnhapcanh', PASSWORD);
    const queue = await call(api('/api/officer/queue'), 'GET', undefined, other.auth);
    expect(queue.body.items.map((i: any) => i.ticketId)).not.toContain(ticketId);
    for (const [method, path] of [['POST', `/api/officer/tickets/${ticketId}/claim`], ['GET', `/api/officer/tickets/${ticketId}`]] as const) {
      const refused = await call(api(path), method, undefined, other.auth);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/không thuộc lĩnh vực bạn phụ trách/) });
    }
    const supervisor = await login(app.url, 'giamsat', PASSWORD);
    expect((await call(api('/api/officer/queue'), 'GET', undefined, supervisor.auth)).body.items.map((i: any) => i.ticketId)).toContain(ticketId);
    expect((await call(api(`/api/officer/tickets/${ticketId}/close`), 'POST', { reason: 'duplicate' }, supervisor.auth)).status).toBe(200);
  });

  test('two officers claim at once: exactly one wins, the other gets 409', async () => {
    const [a, b] = await Promise.all([login(app.url, 'hotich1', PASSWORD), login(app.url, 'hotich2', PASSWORD)]);
    for (let round = 0; round < 3; round += 1) {
      const { ticketId } = await askForOfficer();
      const results = await Promise.all([
        call(api(`/api/officer/tickets/${ticketId}/claim`), 'POST', undefined, a.auth),
        call(api(`/api/officer/tickets/${ticketId}/claim`), 'POST', undefined, b.auth),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const lost = results.find((r) => r.status === 409)!;
      expect(lost.body.error).toMatchObject({ code: 'ticket_conflict', message: expect.stringMatching(/cán bộ khác/) });
      const winner = results.find((r) => r.status === 200)!.body.ticket.officerId;
      // The loser may not write into the winner's conversation either.
      const loser = winner === ids.hotich1 ? b : a;
      expect((await call(api(`/api/officer/tickets/${ticketId}/messages`), 'POST', { text: 'xin chào' }, loser.auth)).status).toBe(403);
      await call(api(`/api/officer/tickets/${ticketId}/close`), 'POST', { reason: 'resolved' }, winner === ids.hotich1 ? a.auth : b.auth);
    }
  });

  test('an officer message to a waiting conversation is a takeover; a message and a claim racing: one wins', async () => {
    const [a, b] = await Promise.all([login(app.url, 'hotich1', PASSWORD), login(app.url, 'hotich2', PASSWORD)]);
    const { ticketId, conversationId } = await askForOfficer();
    const results = await Promise.all([
      call(api(`/api/officer/tickets/${ticketId}/messages`), 'POST', { text: 'Tôi tiếp nhận ạ.' }, a.auth),
      call(api(`/api/officer/tickets/${ticketId}/claim`), 'POST', undefined, b.auth),
    ]);
    // Exactly one wins. The loser is refused as a conflict (409) when both read the ticket
    // waiting, or as not theirs (403) when the winner had already taken it; either way it
    // says another officer holds the conversation.
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const lost = results.find((r) => r.status !== 200)!;
    expect([403, 409]).toContain(lost.status);
    expect(lost.body.error.message).toMatch(/cán bộ khác/);
    const ticket = (await call(api(`/api/officer/tickets/${ticketId}`), 'GET', undefined, a.auth)).body.ticket;
    expect(ticket.state).toBe('with_officer');
    // The bot stays silent from now on.
    expect((await chat(app.url, 'lệ phí làm hộ chiếu', conversationId)).replies).toEqual([]);
    await call(api(`/api/officer/tickets/${ticketId}/close`), 'POST', { reason: 'resolved' }, ticket.officerId === ids.hotich1 ? a.auth : b.auth);
  });

  test('transfer to a colleague of the sector, not to another sector; back to the queue', async () => {
    const [a, b, other] = await Promise.all([login(app.url, 'hotich1', PASSWORD), login(app.url, 'hotich2', PASSWORD), login(app.url, 'xuatnhapcanh', PASSWORD)]);
    const { ticketId } = await askForOfficer();
    await call(api(`/api/officer/tickets/${ticketId}/claim`), 'POST', undefined, a.auth);
    const wrong = await call(api(`/api/officer/tickets/${ticketId}/transfer`), 'POST', { officerId: ids.xuatnhapcanh }, a.auth);
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.message).toMatch(/không phụ trách lĩnh vực Hộ tịch/);
    expect((await call(api(`/api/officer/tickets/${ticketId}/transfer`), 'POST', { officerId: ids.hotich2 }, other.auth)).status).toBe(403);
    const moved = await call(api(`/api/officer/tickets/${ticketId}/transfer`), 'POST', { officerId: ids.hotich2 }, a.auth);
    expect(moved.status).toBe(200);
    expect(moved.body.ticket).toMatchObject({ state: 'with_officer', officerId: ids.hotich2 });
    expect((await call(api(`/api/officer/tickets/${ticketId}/messages`), 'POST', { text: 'x' }, a.auth)).status).toBe(403);
    expect((await call(api(`/api/officer/tickets/${ticketId}/messages`), 'POST', { text: 'Tôi tiếp tục hỗ trợ.' }, b.auth)).status).toBe(200);
    const back = await call(api(`/api/officer/tickets/${ticketId}/transfer`), 'POST', { queue: true }, b.auth);
    expect(back.body.ticket).toMatchObject({ state: 'waiting_officer', officerId: null });
    expect((await call(api('/api/officer/queue'), 'GET', undefined, a.auth)).body.items.map((i: any) => i.ticketId)).toContain(ticketId);
    expect((await call(api(`/api/officer/tickets/${ticketId}/close`), 'POST', { reason: 'bogus' }, a.auth)).status).toBe(400);
    expect((await call(api(`/api/officer/tickets/${ticketId}/close`), 'POST', { reason: 'resolved' }, a.auth)).status).toBe(200);
    const again = await call(api(`/api/officer/tickets/${ticketId}/close`), 'POST', { reason: 'resolved' }, a.auth);
    expect(again.status).toBe(409);
  });

  test('unknown ticket: 404 with a Vietnamese message', async () => {
    const a = await login(app.url, 'hotich1', PASSWORD);
    const missing = await call(api('/api/officer/tickets/khong-co/claim'), 'POST', undefined, a.auth);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'ticket_not_found', message: 'Không tìm thấy yêu cầu hỗ trợ này.' });
  });

  describe('authentication', () => {
    test('bad password and unknown user: 401, same message', async () => {
      for (const [username, password] of [['hotich1', 'sai-mat-khau-1'], ['khong-ton-tai', PASSWORD]]) {
        const response = await call(api('/api/officer/login'), 'POST', { username, password });
        expect(response.status).toBe(401);
        expect(response.body.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
        expect(JSON.stringify(response.body)).not.toMatch(/hash|scrypt/);
      }
    });

    test('five failures lock the account for 15 minutes, even for the right password, answered like a wrong password', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await call(api('/api/officer/login'), 'POST', { username: 'khoa', password: `sai-${i}-mat-khau` })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      const locked = await call(api('/api/officer/login'), 'POST', { username: 'khoa', password: PASSWORD });
      expect(locked.status).toBe(401);
      expect(locked.body.error).toMatchObject({ code: 'unauthorized', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
      // Fifteen minutes later it opens again (the account's lock and its lock for this address).
      await database.db.query(`UPDATE officer_accounts SET locked_until = now() - interval '1 second' WHERE username = 'khoa'`);
      await database.db.query(`UPDATE officer_login_pairs SET locked_until = now() - interval '1 second' WHERE officer_id = (SELECT id FROM officer_accounts WHERE username = 'khoa')`);
      expect((await call(api('/api/officer/login'), 'POST', { username: 'khoa', password: PASSWORD })).status).toBe(200);
    });

    test('missing, malformed or invalid token: 401', async () => {
      for (const headers of [{}, { authorization: 'Bearer sai-token' }, { authorization: 'Basic abc' }, { cookie: 'tltt_officer=gia-mao' }] as Array<Record<string, string>>) {
        const response = await call(api('/api/officer/queue'), 'GET', undefined, headers);
        expect(response.status).toBe(401);
        expect(response.body.error.message).toMatch(/đăng nhập/);
      }
    });

    test('session cookie is HttpOnly + SameSite=Strict; cookie POSTs need the CSRF token', async () => {
      const response = await call(api('/api/officer/login'), 'POST', { username: 'hotich1', password: PASSWORD });
      const setCookie = response.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Strict/);
      expect(setCookie).not.toMatch(/Secure/); // plain http here; behind https the cookie is Secure
      const cookie = setCookie.split(';')[0]!;
      const { ticketId } = await askForOfficer();
      expect((await call(api('/api/officer/queue'), 'GET', undefined, { cookie })).status).toBe(200);
      const noCsrf = await call(api(`/api/officer/tickets/${ticketId}/claim`), 'POST', undefined, { cookie });
      expect(noCsrf.status).toBe(403);
      expect(noCsrf.body.error.code).toBe('csrf_failed');
      const wrongCsrf = await call(api(`/api/officer/tickets/${ticketId}/claim`), 'POST', undefined, { cookie, 'x-csrf-token': 'x'.repeat(32) });
      expect(wrongCsrf.status).toBe(403);
      const ok = await call(api(`/api/officer/tickets/${ticketId}/claim`), 'POST', undefined, { cookie, 'x-csrf-token': response.body.csrfToken });
      expect(ok.status).toBe(200);
      const secure = await call(api('/api/officer/login'), 'POST', { username: 'hotich1', password: PASSWORD }, { 'x-forwarded-proto': 'https' });
      expect(secure.headers.get('set-cookie')).toMatch(/; Secure/);
      await call(api(`/api/officer/tickets/${ticketId}/close`), 'POST', { reason: 'resolved' }, { cookie, 'x-csrf-token': response.body.csrfToken });
      const out = await call(api('/api/officer/logout'), 'POST', undefined, { cookie, 'x-csrf-token': response.body.csrfToken });
      expect(out.status).toBe(200);
      expect((await call(api('/api/officer/queue'), 'GET', undefined, { cookie })).status).toBe(401);
    });

    test('only a supervisor creates accounts', async () => {
      const officer = await login(app.url, 'hotich1', PASSWORD);
      const account = { username: 'moi', password: 'mat-khau-moi-123', role: 'officer', sectors: ['Chứng thực'] };
      expect((await call(api('/api/officer/accounts'), 'POST', account, officer.auth)).status).toBe(403);
      const supervisor = await login(app.url, 'giamsat', PASSWORD);
      const created = await call(api('/api/officer/accounts'), 'POST', account, supervisor.auth);
      expect(created.status).toBe(201);
      expect(created.body.officer).toMatchObject({ username: 'moi', role: 'officer', sectors: ['Chứng thực'] });
      expect(JSON.stringify(created.body)).not.toMatch(/mat-khau|password/);
      const stored = (await database.db.query<{ password_hash: string }>(`SELECT password_hash FROM officer_accounts WHERE username = 'moi'`)).rows[0]!;
      expect(stored.password_hash).toMatch(/^scrypt\$/);
      expect((await call(api('/api/officer/accounts'), 'POST', account, supervisor.auth)).status).toBe(409);
    });
  });
});
