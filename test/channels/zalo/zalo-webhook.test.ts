/**
 * POST /webhooks/zalo against a fake Zalo over HTTP: a signed question is answered to its
 * sender; an unsigned, forged or stale delivery gets 401 and nothing happens; a duplicate
 * delivery is answered once; the 200 comes before the bot works (a message arriving while the
 * assistant loads is kept and answered later); non-text messages, follow,
 * unfollow and unknown events are handled; logs carry no Zalo user id, token or secret.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../../../channels/http/logger.ts';
import { FOLLOW_GREETING } from '../../../channels/zalo/zalo-messages.ts';
import { startFakeZalo, type FakeZalo } from '../../fakes/fake-zalo-server.ts';
import { OA_ID, OA_SECRET, postZaloEvent, signedHeaders, startZaloTestApp, zaloEvents, zaloUser, type ZaloTestApp } from '../../support/zalo.ts';

describe('Zalo webhook', () => {
  let fake: FakeZalo;
  let zalo: ZaloTestApp;
  const logs: string[] = [];
  beforeAll(async () => {
    fake = await startFakeZalo();
    const sink = new Writable({ write(chunk, _encoding, done) { logs.push(String(chunk)); done(); } });
    zalo = await startZaloTestApp({ fake, logger: createLogger('debug', sink) });
  }, 120_000);
  afterAll(async () => {
    await zalo?.close();
    await fake?.close();
  });

  const conversationOf = async (userId: string) => (await zalo.app.deps.zalo!.contacts.find('zalo', OA_ID, userId))?.conversationId;

  test('a signed question gets the right answer, sent to its sender through the OA API', async () => {
    const userId = zaloUser();
    const response = await postZaloEvent(zalo.app.url, zaloEvents.text(userId, 'làm hộ chiếu cần giấy tờ gì'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const answer = await fake.waitFor((m) => m.userId === userId);
    expect(answer.kind).toBe('cs');
    expect(answer.body.recipient).toEqual({ user_id: userId });
    expect(answer.text).toMatch(/hộ chiếu/i);
    expect(answer.text).toContain('1.001456');
    // Follow-ups continue the same conversation.
    const conversationId = await conversationOf(userId);
    await postZaloEvent(zalo.app.url, zaloEvents.text(userId, 'lệ phí bao nhiêu'));
    await fake.waitFor((m) => m.userId === userId && /lệ phí/i.test(m.text));
    expect(await conversationOf(userId)).toBe(conversationId);
    const stored = await zalo.app.deps.store.messages(conversationId!);
    expect(stored.filter((m) => m.author === 'citizen').map((m) => m.text)).toEqual(['làm hộ chiếu cần giấy tờ gì', 'lệ phí bao nhiêu']);
  });

  test('a missing, forged or stale signature gets 401 and nothing is processed or sent', async () => {
    const userId = zaloUser();
    const event = zaloEvents.text(userId, 'làm hộ chiếu cần giấy tờ gì');
    const expected = signedHeaders(JSON.stringify(event))['x-zevent-signature']!;
    const attempts = [
      await postZaloEvent(zalo.app.url, event, { signature: null }),
      await postZaloEvent(zalo.app.url, event, { secret: 'someone-elses-secret' }),
      await postZaloEvent(zalo.app.url, event, { signature: 'mac=' }),
      await postZaloEvent(zalo.app.url, zaloEvents.text(userId, 'chào', { at: Date.now() - 6 * 60_000 })),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(JSON.parse(text).error.message).toMatch(/chữ ký|quá hạn/);
      expect(text).not.toContain(expected.slice(4));
      expect(text).not.toContain(OA_SECRET);
    }
    await zalo.app.deps.zalo!.tick();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.to(userId)).toEqual([]);
    expect(await zalo.app.deps.zalo!.contacts.find('zalo', OA_ID, userId)).toBeNull();
  });

  test('a duplicate delivery (Zalo retrying) is answered once', async () => {
    const userId = zaloUser();
    const event = zaloEvents.text(userId, 'đăng ký khai sinh cần giấy tờ gì');
    const responses = await Promise.all([postZaloEvent(zalo.app.url, event), postZaloEvent(zalo.app.url, event)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    await zalo.idle();
    expect((await postZaloEvent(zalo.app.url, event)).status).toBe(200);
    await zalo.idle();
    const received = fake.to(userId);
    expect(received.length).toBeGreaterThan(0);
    expect(received.filter((m) => m.text.includes('1.001193'))).toHaveLength(1);
    const stored = await zalo.app.deps.store.messages((await conversationOf(userId))!);
    expect(stored.filter((m) => m.author === 'citizen')).toHaveLength(1);
  });

  test('the 200 comes before the bot works: with the worker stopped the answer waits in the outbox', async () => {
    const quiet = await startZaloTestApp({ worker: false });
    try {
      const userId = zaloUser();
      expect((await postZaloEvent(quiet.app.url, zaloEvents.text(userId, 'làm hộ chiếu cần giấy tờ gì'))).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(quiet.fake.to(userId)).toEqual([]);
      const conversationId = (await quiet.app.deps.zalo!.contacts.find('zalo', OA_ID, userId))!.conversationId;
      expect(await quiet.app.deps.zalo!.outbox.pendingCount('zalo', conversationId)).toBeGreaterThan(0);
      await quiet.app.deps.zalo!.tick();
      expect(quiet.fake.to(userId).map((m) => m.text).join('\n')).toContain('1.001456');
    } finally {
      await quiet.close();
    }
  }, 120_000);

  test('a message that arrives while the assistant is still loading is kept and answered once it is ready', async () => {
    let shift = 0;
    const loading = await startZaloTestApp({ warm: false, now: () => new Date(Date.now() + shift) });
    try {
      const userId = zaloUser();
      expect((await postZaloEvent(loading.app.url, zaloEvents.text(userId, 'làm hộ chiếu cần giấy tờ gì'))).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(loading.fake.to(userId)).toEqual([]);
      expect(await loading.app.deps.zalo!.pendingWork()).toBeGreaterThan(0);
      await loading.app.deps.assistant.start();
      shift = 20_000;
      await loading.app.deps.zalo!.tick();
      await loading.idle();
      expect(loading.fake.to(userId).map((m) => m.text).join('\n')).toContain('1.001456');
      const stored = await loading.app.deps.store.messages((await loading.app.deps.zalo!.contacts.find('zalo', OA_ID, userId))!.conversationId);
      expect(stored.filter((m) => m.author === 'citizen')).toHaveLength(1);
    } finally {
      await loading.close();
    }
  }, 120_000);

  test('images, stickers, files and locations get a polite text answer; the transcript shows what came', async () => {
    const userId = zaloUser();
    await postZaloEvent(zalo.app.url, zaloEvents.image(userId));
    const sticker = { ...zaloEvents.image(userId), event_name: 'user_send_sticker', message: { msg_id: `st-${userId}`, attachments: [{ type: 'sticker', payload: { id: 'abc' } }] } };
    await postZaloEvent(zalo.app.url, sticker);
    const location = { ...zaloEvents.image(userId), event_name: 'user_send_location', message: { msg_id: `lo-${userId}`, attachments: [{ type: 'location', payload: { coordinates: { latitude: '10.76', longitude: '106.66' } } }] } };
    await postZaloEvent(zalo.app.url, location);
    await zalo.idle();
    const texts = fake.to(userId).map((m) => m.text);
    expect(texts.some((t) => /chưa đọc được hình ảnh/.test(t))).toBe(true);
    expect(texts.some((t) => /nhắn bằng chữ/.test(t))).toBe(true);
    expect(texts.some((t) => /vị trí/.test(t))).toBe(true);
    const stored = await zalo.app.deps.store.messages((await conversationOf(userId))!);
    expect(stored.filter((m) => m.author === 'citizen').map((m) => m.text)).toEqual(['[Hình ảnh]', '[Nhãn dán (sticker)]', '[Vị trí]']);
  });

  test('follow is greeted with what the assistant can do; unfollow is recorded; unknown events are acknowledged', async () => {
    const userId = zaloUser();
    expect((await postZaloEvent(zalo.app.url, zaloEvents.follow(userId))).status).toBe(200);
    expect((await fake.waitFor((m) => m.userId === userId)).text).toBe(FOLLOW_GREETING);
    expect((await postZaloEvent(zalo.app.url, zaloEvents.follow(userId, { unfollow: true, at: Date.now() + 1 }))).status).toBe(200);
    await zalo.idle();
    expect(await zalo.app.deps.zalo!.contacts.find('zalo', OA_ID, userId)).toMatchObject({ followed: false });
    const unknown = { app_id: zalo.fake.appId, event_name: 'user_reacted_message', timestamp: String(Date.now()), sender: { id: userId }, recipient: { id: OA_ID }, message: { msg_id: 'x', react_icon: '/-heart' } };
    expect((await postZaloEvent(zalo.app.url, unknown)).status).toBe(200);
    await zalo.idle();
    expect(fake.to(userId)).toHaveLength(1);
    expect(logs.join('')).toContain('"zaloEvent":"user_reacted_message"');
  });

  test('logs never carry a Zalo user id, a token or a secret', async () => {
    const userId = zaloUser();
    await postZaloEvent(zalo.app.url, zaloEvents.text(userId, 'làm căn cước cần giấy tờ gì'));
    await fake.waitFor((m) => m.userId === userId);
    const all = logs.join('');
    expect(all).toContain('zid:');
    for (const secret of [userId, OA_SECRET, fake.appSecret, fake.tokens.access, fake.tokens.refresh]) expect(all).not.toContain(secret);
  });
});
