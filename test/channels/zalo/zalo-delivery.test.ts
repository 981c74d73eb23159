/**
 * What the conversation says reaches the Zalo citizen through the outbox, against a fake Zalo
 * over HTTP: a clarifying question as a button template whose pressed button answers the right
 * procedure; "gặp cán bộ" opens a ticket, the officer's reply from the desk API arrives and the
 * bot stays silent until the ticket closes; a dossier status change reaches a subscribed citizen
 * as a cs message inside the messaging window and as a ZNS template outside it; an officer's
 * message outside the window is recorded and flagged to officers, not retried.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeZalo, type FakeZalo } from '../../fakes/fake-zalo-server.ts';
import { call, login } from '../../support/officer-app.ts';
import { OA_ID, postZaloEvent, startZaloTestApp, zaloEvents, zaloUser, type ZaloTestApp } from '../../support/zalo.ts';

const HOUR = 3_600_000;
const TOKEN = 'integration-token-for-zalo-tests';
const DOSSIER = '000.00.19.H53-250301-0042';

describe('delivery to Zalo citizens', () => {
  let fake: FakeZalo;
  let zalo: ZaloTestApp;
  let shift = 0;
  const clock = () => new Date(Date.now() + shift);
  let auth: Record<string, string>;

  beforeAll(async () => {
    fake = await startFakeZalo();
    zalo = await startZaloTestApp({ fake, now: clock, config: { integrationToken: TOKEN, zaloZnsTemplateStatus: '301245' } });
    await zalo.app.deps.officer.accounts.create({ username: 'canbo-zalo', password: 'mat-khau-dai-123', role: 'supervisor', displayName: 'Cán bộ Hoa' });
    auth = (await login(zalo.app.url, 'canbo-zalo', 'mat-khau-dai-123')).auth;
  }, 120_000);
  afterAll(async () => {
    await zalo?.close();
    await fake?.close();
  });

  /** The citizen writes now (by the test's clock) and the app finishes with it. */
  async function say(userId: string, text: string) {
    const before = fake.to(userId).length;
    const response = await postZaloEvent(zalo.app.url, zaloEvents.text(userId, text, { at: clock().getTime() }));
    expect(response.status).toBe(200);
    await zalo.idle();
    return fake.to(userId).slice(before);
  }
  const contact = async (userId: string) => (await zalo.app.deps.zalo!.contacts.find('zalo', OA_ID, userId))!;

  test('a clarifying question arrives as a button template; pressing a button answers that procedure', async () => {
    const userId = zaloUser();
    const [asked] = await say(userId, 'thành lập công ty cần giấy tờ gì');
    const template = asked!.body.message.attachment;
    expect(template).toMatchObject({ type: 'template', payload: { template_type: 'button' } });
    const buttons = template.payload.buttons as Array<{ title: string; type: string; payload: string }>;
    expect(buttons.length).toBeGreaterThan(1);
    expect(buttons.length).toBeLessThanOrEqual(5);
    expect(buttons.every((b) => b.type === 'oa.query.show')).toBe(true);
    // Zalo sends the pressed button's payload back as the citizen's text message.
    const pressed = buttons[1]!;
    const meant = (await contact(userId)).offered.find((choice) => choice.label === pressed.payload)!;
    expect(meant.payload).toMatch(/^pick:/);
    const answered = await say(userId, pressed.payload);
    expect(answered.map((m) => m.text).join('\n')).toContain(meant.payload.slice('pick:'.length));
  });

  test('"gặp cán bộ" opens a ticket; the officer\'s reply arrives through the outbox; the bot is silent until the ticket closes', async () => {
    const userId = zaloUser();
    await say(userId, 'cho tôi gặp cán bộ');
    const { conversationId } = await contact(userId);
    const queue = await call(`${zalo.app.url}/api/officer/queue`, 'GET', undefined, auth);
    const item = queue.body.items.find((i: { conversationId: string }) => i.conversationId === conversationId);
    expect(item).toMatchObject({ channel: 'zalo', delivery: { window: { open: true }, failed: 0 } });

    expect((await call(`${zalo.app.url}/api/officer/tickets/${item.ticketId}/claim`, 'POST', undefined, auth)).status).toBe(200);
    const reply = await call(`${zalo.app.url}/api/officer/tickets/${item.ticketId}/messages`, 'POST', { text: 'Chào anh/chị, tôi là cán bộ Hoa, anh/chị cần hỗ trợ gì ạ?' }, auth);
    expect(reply.status).toBe(200);
    const heard = await fake.waitFor((m) => m.userId === userId && m.text.includes('cán bộ Hoa, anh/chị'));
    const sent = await zalo.app.deps.zalo!.outbox.forConversation(conversationId);
    expect(sent.find((o) => o.messageId === reply.body.message.id)).toMatchObject({ status: 'sent', sentAs: 'message' });
    expect(heard.kind).toBe('cs');

    expect(await say(userId, 'làm hộ chiếu cần giấy tờ gì')).toEqual([]);
    const transcript = await zalo.app.deps.store.messages(conversationId);
    expect(transcript.at(-1)).toMatchObject({ author: 'citizen', text: 'làm hộ chiếu cần giấy tờ gì' });

    expect((await call(`${zalo.app.url}/api/officer/tickets/${item.ticketId}/close`, 'POST', { reason: 'resolved' }, auth)).status).toBe(200);
    const resumed = await fake.waitFor((m) => m.userId === userId && /đánh giá/.test(m.text));
    expect(resumed.buttons.map((b) => b.title)).toEqual(['1', '2', '3', '4', '5']);
    const thanked = await say(userId, '5');
    expect(thanked.map((m) => m.text).join('\n')).toMatch(/5\/5/);
    expect((await say(userId, 'làm hộ chiếu cần giấy tờ gì')).map((m) => m.text).join('\n')).toContain('1.001456');
  });

  test('a dossier status change reaches a subscribed citizen: a cs message inside the window, a ZNS template outside it', async () => {
    const put = (status: string, extra: Record<string, unknown> = {}) =>
      call(`${zalo.app.url}/api/integration/dossiers/${DOSSIER}`, 'PUT', {
        procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', receivedAt: '2025-03-01T08:00:00+07:00', dueAt: '2025-03-05',
        status, agency: 'UBND phường Bến Nghé', applicant: { name: 'Trần Thị Mai', phone: '0912 345 678' }, ...extra,
      }, { authorization: `Bearer ${TOKEN}` });
    expect((await put('processing')).status).toBe(201);
    const userId = zaloUser();
    await say(userId, `tra cứu hồ sơ ${DOSSIER}`);
    expect((await say(userId, 'nhận thông báo')).map((m) => m.text).join('\n')).toMatch(/đã đăng ký nhận thông báo/);

    expect((await put('result_ready')).body).toMatchObject({ statusChanged: true, notified: 1 });
    const inside = await fake.waitFor((m) => m.userId === userId && /Đã có kết quả/.test(m.text));
    expect(inside.kind).toBe('cs');
    expect(inside.text).not.toMatch(/Trần Thị Mai|0912/);

    shift = 49 * HOUR;
    try {
      expect((await put('returned')).body).toMatchObject({ statusChanged: true, notified: 1 });
      const outside = await fake.waitFor((m) => m.userId === userId && m.kind === 'template');
      expect(outside.body).toMatchObject({ user_id: userId, template_id: '301245', template_data: { ma_ho_so: DOSSIER, trang_thai: 'Đã trả kết quả' }, tracking_id: expect.stringMatching(/^outbox-\d+$/) });
      await zalo.idle();
      expect(fake.to(userId).filter((m) => m.kind === 'cs' && /Đã trả kết quả/.test(m.text))).toEqual([]);
      const items = await zalo.app.deps.zalo!.outbox.forConversation((await contact(userId)).conversationId);
      expect(items.at(-1)).toMatchObject({ status: 'sent', sentAs: 'template' });
    } finally {
      shift = 0;
    }
  });

  test('outside the window an officer\'s message is recorded as undeliverable and flagged in the ticket view, not retried', async () => {
    const userId = zaloUser();
    await say(userId, 'cho tôi gặp cán bộ');
    const { conversationId } = await contact(userId);
    const queue = await call(`${zalo.app.url}/api/officer/queue`, 'GET', undefined, auth);
    const ticketId = queue.body.items.find((i: { conversationId: string }) => i.conversationId === conversationId).ticketId;
    expect((await call(`${zalo.app.url}/api/officer/tickets/${ticketId}/claim`, 'POST', undefined, auth)).status).toBe(200);
    await zalo.idle();
    shift = 49 * HOUR;
    try {
      const calls = fake.calls;
      const reply = await call(`${zalo.app.url}/api/officer/tickets/${ticketId}/messages`, 'POST', { text: 'Hồ sơ của anh/chị đã được xử lý.' }, auth);
      expect(reply.status).toBe(200);
      await zalo.idle();
      expect(fake.calls).toBe(calls);
      const items = await zalo.app.deps.zalo!.outbox.forConversation(conversationId);
      expect(items.find((o) => o.messageId === reply.body.message.id)).toMatchObject({ status: 'failed', failure: 'outside_window', attempts: 1 });
      const view = await call(`${zalo.app.url}/api/officer/tickets/${ticketId}`, 'GET', undefined, auth);
      expect(view.body.delivery).toMatchObject({ channel: 'zalo', window: { open: false, low: true }, failures: [{ messageId: reply.body.message.id, failure: 'outside_window' }] });
    } finally {
      shift = 0;
    }
  });
});
