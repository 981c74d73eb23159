/**
 * 👍/👎 on Zalo, end to end against the fake Zalo over HTTP: a committed procedure answer carries
 * the two `oa.query.hide` buttons naming its stored message (a greeting does not); a press comes
 * back through the signed webhook as the hidden payload, is recorded for that message, counted by
 * the supervisors' report and acknowledged — never answered as a question; after 👎 the next text
 * is the comment; a forged payload naming another conversation's answer records nothing and tells
 * the citizen nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FEEDBACK_ACKS, FEEDBACK_LABELS } from '../../../bot/insights/feedback-control.ts';
import { renderForZalo } from '../../../channels/zalo/zalo-render.ts';
import { cardReply, quickRepliesReply } from '../../../bot/replies.ts';
import type { ReceivedMessage } from '../../fakes/fake-zalo-server.ts';
import { call, login } from '../../support/officer-app.ts';
import { OA_ID, postZaloEvent, startZaloTestApp, zaloEvents, zaloUser, type ZaloTestApp } from '../../support/zalo.ts';

const rateButtons = (message: ReceivedMessage | undefined) => (message?.buttons ?? []).filter((b) => b.type === 'oa.query.hide');

describe('Zalo answer feedback', () => {
  let zalo: ZaloTestApp;
  let supervisor: Record<string, string>;
  beforeAll(async () => {
    zalo = await startZaloTestApp();
    await zalo.app.deps.officer.accounts.create({ username: 'giamsat-zalo', password: 'mat-khau-giam-sat-1', role: 'supervisor' });
    supervisor = (await login(zalo.app.url, 'giamsat-zalo', 'mat-khau-giam-sat-1')).auth;
  }, 120_000);
  afterAll(async () => zalo?.close());

  const conversationOf = async (userId: string) => (await zalo.app.deps.zalo!.contacts.find('zalo', OA_ID, userId))!.conversationId;

  /** Sends a text (or a press: its payload) and returns what reached the citizen for it. */
  async function say(userId: string, text: string): Promise<ReceivedMessage[]> {
    const before = zalo.fake.to(userId).length;
    const response = await postZaloEvent(zalo.app.url, zaloEvents.text(userId, text));
    expect(response.status).toBe(200);
    await zalo.idle();
    return zalo.fake.to(userId).slice(before);
  }

  async function answered(userId: string) {
    const seen = await say(userId, 'làm hộ chiếu cần giấy tờ gì');
    const conversationId = await conversationOf(userId);
    const stored = await zalo.app.deps.store.messages(conversationId);
    const answer = stored.filter((m) => m.author === 'bot').at(-1)!;
    return { seen, conversationId, answer };
  }

  const botMessages = async (conversationId: string) => (await zalo.app.deps.store.messages(conversationId)).filter((m) => m.author !== 'citizen');

  test('a procedure answer carries 👍/👎 naming its stored message; a greeting does not', async () => {
    const userId = zaloUser();
    const { seen, answer } = await answered(userId);
    const buttons = rateButtons(seen.at(-1));
    expect(buttons).toEqual([
      { title: FEEDBACK_LABELS.up, type: 'oa.query.hide', payload: `feedback:up:${answer.id}` },
      { title: FEEDBACK_LABELS.down, type: 'oa.query.hide', payload: `feedback:down:${answer.id}` },
    ]);
    expect(seen.at(-1)!.buttons.length).toBeLessThanOrEqual(5);
    for (const earlier of seen.slice(0, -1)) expect(rateButtons(earlier)).toEqual([]);

    const greeted = await say(zaloUser(), 'xin chào');
    expect(greeted.length).toBeGreaterThan(0);
    expect(greeted.flatMap(rateButtons)).toEqual([]);
  });

  test('👍 records "up" for that answer, is acknowledged, is no turn, and the report counts it', async () => {
    const userId = zaloUser();
    const { conversationId, answer } = await answered(userId);
    const botBefore = await botMessages(conversationId);
    const offered = (await zalo.app.deps.zalo!.contacts.find('zalo', OA_ID, userId))!.offered;
    expect(offered.length).toBeGreaterThan(0);
    const before = (await call(`${zalo.app.url}/api/officer/insights`, 'GET', undefined, supervisor)).body.satisfaction;

    const seen = await say(userId, `feedback:up:${answer.id}`);
    expect(seen.map((m) => m.text)).toEqual([FEEDBACK_ACKS.up]);
    expect(await zalo.app.deps.insights.feedback.get(answer.id)).toMatchObject({ conversationId, rating: 'up', comment: null });

    const after = await botMessages(conversationId);
    expect(after.length).toBe(botBefore.length + 1);
    expect(after.at(-1)).toMatchObject({ author: 'bot', intent: 'feedback', text: FEEDBACK_ACKS.up });
    // The click is kept as the citizen's words, and no answer (with an outcome) replies to it.
    const { rows } = await zalo.app.deps.db.query<{ n: string | number }>('SELECT count(*) AS n FROM messages WHERE conversation_id = $1 AND outcome IS NOT NULL', [conversationId]);
    expect(Number(rows[0]!.n)).toBe(botBefore.filter((m) => m.intent !== 'feedback').length);
    const citizen = (await zalo.app.deps.store.messages(conversationId)).filter((m) => m.author === 'citizen').at(-1);
    expect(citizen?.text).toBe(FEEDBACK_LABELS.up);
    // The answer's choices still mean what they meant: the acknowledgement offers none of its own.
    expect((await zalo.app.deps.zalo!.contacts.find('zalo', OA_ID, userId))!.offered).toEqual(offered);

    const report = await call(`${zalo.app.url}/api/officer/insights`, 'GET', undefined, supervisor);
    expect(report.status).toBe(200);
    expect(report.body.satisfaction.up).toBe(before.up + 1);
    expect(report.body.satisfaction.down).toBe(before.down);
  });

  test('👎 invites a comment; the next text is stored as the comment, kept, and not answered', async () => {
    const userId = zaloUser();
    const { conversationId, answer } = await answered(userId);
    const invited = await say(userId, `feedback:down:${answer.id}`);
    expect(invited.map((m) => m.text)).toEqual([FEEDBACK_ACKS.down]);
    expect(FEEDBACK_ACKS.down).toContain('Bạn cho em biết thêm chưa đúng ở đâu nhé');

    const thanked = await say(userId, 'Thiếu ảnh 4x6 trong danh sách giấy tờ');
    expect(thanked.map((m) => m.text)).toEqual([FEEDBACK_ACKS.comment]);
    expect(await zalo.app.deps.insights.feedback.get(answer.id)).toMatchObject({ rating: 'down', comment: 'Thiếu ảnh 4x6 trong danh sách giấy tờ' });
    const citizen = (await zalo.app.deps.store.messages(conversationId)).filter((m) => m.author === 'citizen').map((m) => m.text);
    expect(citizen.at(-1)).toBe('Thiếu ảnh 4x6 trong danh sách giấy tờ');

    const report = await call(`${zalo.app.url}/api/officer/insights`, 'GET', undefined, supervisor);
    const group = (report.body.unanswered as Array<{ text: string; disliked: number; comments: string[] }>).find((g) => g.comments.includes('Thiếu ảnh 4x6 trong danh sách giấy tờ'));
    expect(group).toMatchObject({ disliked: expect.any(Number) });

    // The window closed with the comment: the next text is a question again.
    const next = await say(userId, 'lệ phí bao nhiêu');
    expect(next.map((m) => m.text).join('\n')).toMatch(/lệ phí/i);
    expect((await zalo.app.deps.insights.feedback.get(answer.id))?.comment).toBe('Thiếu ảnh 4x6 trong danh sách giấy tờ');
  });

  test("a forged payload naming another conversation's answer records nothing and says nothing", async () => {
    const victim = await answered(zaloUser());
    const userId = zaloUser();
    const mine = await answered(userId);
    const seen = await say(userId, `feedback:down:${victim.answer.id}`);
    expect(seen).toEqual([]);
    expect(await zalo.app.deps.insights.feedback.get(victim.answer.id)).toBeNull();
    // Not a comment window either: the next text is answered as a question.
    const next = await say(userId, 'lệ phí bao nhiêu');
    expect(next.map((m) => m.text).join('\n')).toMatch(/lệ phí/i);
    expect(await zalo.app.deps.insights.feedback.get(mine.answer.id)).toBeNull();
  });

  test('within the 5 buttons: 3 choices, 👍/👎, further choices named in the text', () => {
    const capabilities = { maxTextLength: 2000, maxQuickReplies: 5, cards: false, proactive: 'push' as const };
    const choices = ['Giấy tờ cần nộp', 'Lệ phí', 'Thời gian giải quyết', 'Nộp ở đâu, nộp thế nào', 'Điều kiện'].map((label, i) => ({ label, payload: `ask:f${i}:1.001456` }));
    const card = { code: '1.001456', name: 'Cấp hộ chiếu', level: 'Cấp tỉnh', sector: 'Xuất nhập cảnh', facts: [], url: 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001456' };
    const [wire] = renderForZalo({ conversationId: 'c', from: 'bot', reply: cardReply('Thủ tục cấp hộ chiếu', card, choices), messageId: 42, rateable: true }, capabilities);
    const buttons = wire!.message.attachment!.payload.buttons;
    expect(buttons.map((b) => [b.type, b.title])).toEqual([
      ['oa.query.show', 'Giấy tờ cần nộp'],
      ['oa.query.show', 'Lệ phí'],
      ['oa.query.show', 'Thời gian giải quyết'],
      ['oa.query.hide', FEEDBACK_LABELS.up],
      ['oa.query.hide', FEEDBACK_LABELS.down],
    ]);
    expect(wire!.message.text).toContain('Bạn cũng có thể hỏi: Nộp ở đâu, nộp thế nào; Điều kiện.');
    // Typed back, a named choice still means its payload.
    expect(wire!.choices).toEqual(choices);

    // Room left after the rating goes to the portal link; an answer that is not rateable is unchanged.
    const [few] = renderForZalo({ conversationId: 'c', from: 'bot', reply: cardReply('Thủ tục cấp hộ chiếu', card, choices.slice(0, 2)), messageId: 42, rateable: true }, capabilities);
    expect(few!.message.attachment!.payload.buttons.map((b) => b.type)).toEqual(['oa.query.show', 'oa.query.show', 'oa.query.hide', 'oa.query.hide', 'oa.open.url']);
    const [plain] = renderForZalo({ conversationId: 'c', from: 'bot', reply: quickRepliesReply('Chọn ạ', choices), messageId: 42 }, capabilities);
    expect(plain!.message.attachment!.payload.buttons.every((b) => b.type === 'oa.query.show')).toBe(true);
    expect(plain!.message.text).toBe('Chọn ạ');
  });
});
