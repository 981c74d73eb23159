/**
 * The portal's Direct Line with the real client, botframework-directlinejs, over HTTP and
 * WebSocket: a citizen starts a conversation with a generated token, asks, gets the answer with
 * suggested actions and clicks one; a reconnect with a watermark resumes after it (stream and
 * polling); an officer answering through the officer API reaches the citizen as an activity while
 * the bot stays silent, until the ticket closes; a dossier notice reaches the live stream, and one
 * stored while the citizen was away arrives on reconnecting with the watermark.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Activity } from 'botframework-directlinejs';
import { ADAPTIVE_CARD } from '../../../channels/directline/activity.ts';
import { call, login } from '../../support/officer-app.ts';
import { choicesOf, connectDirectLine, DIRECTLINE_SECRET, generateToken, messageIdOf, textOf, turn, type DirectLineCitizen } from '../../support/directline.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const INTEGRATION_TOKEN = 'portal-test-integration-token-0123';
let app: TestApp;
const open: DirectLineCitizen[] = [];
const citizen = (...args: Parameters<typeof connectDirectLine>) => {
  const connected = connectDirectLine(...args);
  open.push(connected);
  return connected;
};

beforeAll(async () => {
  app = await startTestApp({ config: { directlineSecret: DIRECTLINE_SECRET, integrationToken: INTEGRATION_TOKEN } });
}, 120_000);
afterAll(async () => {
  for (const connected of open) connected.end();
  await app?.close();
});

describe('a citizen on the WebSocket stream', () => {
  test('asks the passport fee, gets the answer with suggested actions, clicks one', async () => {
    const auth = await generateToken(app.url, 'citizen-fee');
    const portal = citizen(app.url, { token: auth.token, webSocket: true }, 'citizen-fee');
    const answer = await turn(app.url, portal, auth, 'lệ phí cấp hộ chiếu');

    const echo = portal.activities.find((a) => a.from.role === 'user')!;
    expect(echo).toMatchObject({ type: 'message', text: 'lệ phí cấp hộ chiếu', from: { id: 'citizen-fee', role: 'user' }, channelData: { clientActivityID: 'client-1' } });
    expect(answer.map(textOf).join('\n')).toContain('200.000 đồng');
    expect(answer.map(textOf).join('\n')).toContain('1.001456');
    const actions = answer.flatMap((a) => (a.type === 'message' ? a.suggestedActions?.actions ?? [] : []));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions[0]).toMatchObject({ type: 'messageBack', title: expect.any(String), value: { payload: expect.stringMatching(/^ask:\w+:1\.001456$/) } });

    const documents = choicesOf(answer.at(-1)!).find((choice) => choice.payload.startsWith('ask:documents:'))!;
    const clicked = await turn(app.url, portal, auth, documents.label, { payload: documents.payload });
    expect(clicked.map(textOf).join('\n')).toMatch(/giấy tờ|hồ sơ/i);
    // Ids and watermarks follow the stored messages: strictly increasing, nothing twice.
    const ids = portal.activities.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(portal.activities.map(messageIdOf)).toEqual([...portal.activities.map(messageIdOf)].sort((a, b) => a - b));
  });

  test('an overview comes with the procedure as an Adaptive Card beside its full text', async () => {
    const auth = await generateToken(app.url);
    const portal = citizen(app.url, { token: auth.token, webSocket: true });
    const answer = await turn(app.url, portal, auth, 'thủ tục cấp hộ chiếu phổ thông');
    const carded = answer.find((a) => a.type === 'message' && a.attachments?.length);
    expect(carded, JSON.stringify(answer)).toBeDefined();
    const attachment = (carded as Activity & { attachments: Array<{ contentType: string; content: any }> }).attachments[0]!;
    expect(attachment.contentType).toBe(ADAPTIVE_CARD);
    expect(attachment.content).toMatchObject({ type: 'AdaptiveCard', version: '1.3' });
    expect(JSON.stringify(attachment.content.body)).toContain('1.001456');
    expect(textOf(carded!)).toContain('1.001456');
  });
});

describe('resuming with a watermark', () => {
  test('a reconnect after watermark W receives only what was stored after W; without one, everything', async () => {
    const auth = await generateToken(app.url, 'citizen-resume');
    const first = citizen(app.url, { token: auth.token, webSocket: false }, 'citizen-resume');
    await turn(app.url, first, auth, 'lệ phí cấp hộ chiếu');
    // The watermark the client last received (a page keeps it to resume; the library types it private).
    const watermark = (first.directLine as unknown as { watermark: string }).watermark;
    expect(watermark).toMatch(/^\d+$/);
    first.end();

    // Back on the stream, resuming at the watermark (GET /conversations/:id?watermark= gives the stream URL).
    const resumed = citizen(app.url, { token: auth.token, conversationId: auth.conversationId, watermark, webSocket: true }, 'citizen-resume');
    const answer = await turn(app.url, resumed, auth, 'làm hộ chiếu mất bao lâu');
    expect(answer.map(textOf).join('\n')).toMatch(/ngày làm việc/);
    expect(resumed.activities.every((a) => messageIdOf(a) > Number(watermark))).toBe(true);
    expect(resumed.activities.map(textOf)).not.toContain('lệ phí cấp hộ chiếu');

    // A poller with no watermark reads the whole conversation, in order.
    const replay = citizen(app.url, { token: auth.token, conversationId: auth.conversationId, webSocket: false }, 'citizen-resume');
    await replay.next((a) => a.id === resumed.activities.at(-1)!.id);
    const users = replay.activities.filter((a) => a.from.role === 'user').map(textOf);
    expect(users).toEqual(['lệ phí cấp hộ chiếu', 'làm hộ chiếu mất bao lâu']);
  });
});

describe('officer handoff', () => {
  test('the officer replies through the officer API, the reply arrives as an activity, the bot is silent until the ticket closes', async () => {
    await app.deps.officer.accounts.create({ username: 'canbo-portal', password: 'mat-khau-dai-123', role: 'supervisor', displayName: 'Cán bộ Hoa' });
    const officer = await login(app.url, 'canbo-portal', 'mat-khau-dai-123');
    const auth = await generateToken(app.url, 'citizen-handoff');
    const portal = citizen(app.url, { token: auth.token, webSocket: true }, 'citizen-handoff');

    await turn(app.url, portal, auth, 'cho tôi gặp cán bộ');
    const queue = await call(`${app.url}/api/officer/queue`, 'GET', undefined, officer.auth);
    const item = [...queue.body.items, ...queue.body.mine, ...queue.body.others].find((entry: { conversationId: string }) => entry.conversationId === auth.conversationId);
    expect(item?.channel).toBe('portal');
    expect((await call(`${app.url}/api/officer/tickets/${item.ticketId}/claim`, 'POST', undefined, officer.auth)).status).toBe(200);
    const sent = await call(`${app.url}/api/officer/tickets/${item.ticketId}/messages`, 'POST', { text: 'Chào anh/chị, tôi là cán bộ Hoa, tôi giúp được gì ạ?' }, officer.auth);
    expect(sent.status).toBe(200);
    const fromOfficer = await portal.next((a) => textOf(a).includes('cán bộ Hoa'));
    expect(fromOfficer.from).toMatchObject({ role: 'bot', name: 'Cán bộ trực' });

    const during = await turn(app.url, portal, auth, 'làm hộ chiếu cần giấy tờ gì');
    expect(during).toEqual([]);
    const ticket = await call(`${app.url}/api/officer/tickets/${item.ticketId}`, 'GET', undefined, officer.auth);
    expect(ticket.body.transcript.map((line: { text: string }) => line.text)).toContain('làm hộ chiếu cần giấy tờ gì');

    expect((await call(`${app.url}/api/officer/tickets/${item.ticketId}/close`, 'POST', { reason: 'resolved' }, officer.auth)).status).toBe(200);
    const rating = await portal.next((a) => choicesOf(a).length === 5);
    expect(choicesOf(rating).map((choice) => choice.label)).toEqual(['1', '2', '3', '4', '5']);
    const after = await turn(app.url, portal, auth, 'làm hộ chiếu cần giấy tờ gì');
    expect(after.map(textOf).join('\n')).toContain('1.001456');
  });
});

describe('dossier notices', () => {
  const dossier = (code: string, status: string, step: string) =>
    fetch(`${app.url}/api/integration/dossiers/${encodeURIComponent(code)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${INTEGRATION_TOKEN}` },
      body: JSON.stringify({ procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', receivedAt: '2024-01-01T08:00:00+07:00', dueAt: '2024-01-05', status, step, agency: 'UBND phường Bến Nghé', applicant: { name: 'Lê Văn Công', phone: '0901 234 567' } }),
    });

  test('a subscribed portal conversation hears a status change live, and one stored while away on resuming', async () => {
    const code = '000.00.19.H53-240101-0042';
    expect((await dossier(code, 'processing', 'Thẩm định hồ sơ')).status).toBeLessThan(300);
    const auth = await generateToken(app.url, 'citizen-dossier');
    const portal = citizen(app.url, { token: auth.token, webSocket: true }, 'citizen-dossier');
    expect((await turn(app.url, portal, auth, `tra cứu hồ sơ ${code}`)).map(textOf).join('\n')).toMatch(/Đang xử lý/);
    expect((await turn(app.url, portal, auth, 'nhận thông báo')).map(textOf).join('\n')).toMatch(/đã đăng ký nhận thông báo/);

    expect(await (await dossier(code, 'result_ready', 'Trả kết quả')).json()).toMatchObject({ notified: 1 });
    const live = await portal.next((a) => /Đã có kết quả/.test(textOf(a)));
    expect(live.from.role).toBe('bot');
    expect(textOf(live)).not.toMatch(/Lê Văn Công|0901/);

    // Away: the page is closed, the dossier moves on, the page comes back with its watermark.
    const watermark = String(messageIdOf(portal.activities.at(-1)!));
    portal.end();
    expect(await (await dossier(code, 'returned', 'Đã trả kết quả')).json()).toMatchObject({ notified: 1 });
    const back = citizen(app.url, { token: auth.token, conversationId: auth.conversationId, watermark, webSocket: true }, 'citizen-dossier');
    const missed = await back.next((a) => a.from.role === 'bot');
    expect(textOf(missed)).toContain(code);
    expect(back.activities.every((a) => messageIdOf(a) > Number(watermark))).toBe(true);
  });
});
