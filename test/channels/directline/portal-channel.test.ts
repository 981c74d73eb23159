/**
 * The portal channel's own rules beyond the conformance suite: what a posted activity becomes
 * (messageBack / postBack payloads, the client's echo fields), the Adaptive Card of a procedure
 * (only http(s) links), and stored messages as activities with ids and the citizen's echo.
 */
import { describe, expect, test } from 'vitest';
import { cardReply } from '../../../bot/replies.ts';
import type { StoredMessage } from '../../../bot/conversation/conversation-store.ts';
import { ADAPTIVE_CARD, parseWatermark } from '../../../channels/directline/activity.ts';
import { portalChannel, procedureCard, storedActivities } from '../../../channels/directline/portal-channel.ts';

const receive = (body: unknown) => portalChannel.receive({ body, headers: {} });
const card = { code: '1.001456', name: 'Cấp hộ chiếu phổ thông', level: 'Cấp tỉnh', sector: 'Xuất nhập cảnh', facts: [{ label: 'Lệ phí', value: '200.000 đồng' }] };

describe('receive', () => {
  test('a messageBack carries the label as text and the payload as value', () => {
    expect(receive({ type: 'message', text: 'Lệ phí', value: { payload: 'ask:fee:1.001456' }, from: { id: 'u-1' }, channelData: { clientActivityID: 'abc' } })).toEqual({
      channel: 'portal',
      text: 'Lệ phí',
      payload: 'ask:fee:1.001456',
      channelData: { clientActivityID: 'abc', userId: 'u-1' },
    });
  });

  test('a postBack (payload as value, or as text with channelData.postBack) is understood too', () => {
    expect(receive({ type: 'message', value: 'pick:1.001456' })).toMatchObject({ text: 'pick:1.001456', payload: 'pick:1.001456' });
    expect(receive({ type: 'message', text: 'pick:1.001456', channelData: { postBack: true } })).toMatchObject({ payload: 'pick:1.001456' });
    // Plain text that merely looks like a payload is just text.
    expect(receive({ type: 'message', text: 'pick:1.001456' }).payload).toBeUndefined();
  });
});

describe('render', () => {
  test('choices are messageBack suggested actions; a card is an Adaptive Card beside the whole text', () => {
    const [activity] = portalChannel.render({ conversationId: 'c-1', from: 'bot', reply: cardReply('Cấp hộ chiếu phổ thông (1.001456)\nLệ phí: 200.000 đồng', { ...card, url: 'https://dichvucong.gov.vn/p/1.001456' }, [{ label: 'Giấy tờ', payload: 'ask:documents:1.001456' }]) });
    expect(activity).toMatchObject({ type: 'message', textFormat: 'plain', text: 'Cấp hộ chiếu phổ thông (1.001456)\nLệ phí: 200.000 đồng', from: { role: 'bot' } });
    expect(activity!.suggestedActions!.actions).toEqual([{ type: 'messageBack', title: 'Giấy tờ', text: 'Giấy tờ', displayText: 'Giấy tờ', value: { payload: 'ask:documents:1.001456' } }]);
    expect(activity!.attachments![0]).toMatchObject({ contentType: ADAPTIVE_CARD, content: { actions: [{ type: 'Action.OpenUrl', url: 'https://dichvucong.gov.vn/p/1.001456' }] } });
  });

  test('a card link that is not http(s) is left out', () => {
    const content = procedureCard({ ...card, url: 'javascript:alert(1)' }).content as { actions?: unknown; body: unknown[] };
    expect(content.actions).toBeUndefined();
    expect(JSON.stringify(content.body)).toContain('200.000 đồng');
  });
});

describe('stored messages as activities', () => {
  const stored = (extra: Partial<StoredMessage>): StoredMessage => ({ id: 7, conversationId: 'c-1', author: 'bot', text: 'Chào', payload: null, intent: null, procedureCode: null, createdAt: '2026-11-30T01:02:03.000Z', ...extra });

  test("the citizen's message is echoed as the user's, with the client's activity id", () => {
    expect(storedActivities(stored({ author: 'citizen', text: 'lệ phí', payload: { channelData: { clientActivityID: 'client-9', userId: 'u-1' } } }), 'fallback')).toEqual([
      { type: 'message', id: '7.0', timestamp: '2026-11-30T01:02:03.000Z', channelId: 'directline', conversation: { id: 'c-1' }, from: { id: 'u-1', role: 'user' }, text: 'lệ phí', textFormat: 'plain', channelData: { clientActivityID: 'client-9' } },
    ]);
  });

  test('an officer message with the rating choices keeps them; ids follow the message id', () => {
    const [activity] = storedActivities(stored({ id: 12, author: 'officer', text: 'Đánh giá ạ', payload: { quickReplies: [{ label: '5', payload: 'rate:t-1:5' }] } }), 'fallback');
    expect(activity).toMatchObject({ id: '12.0', from: { name: 'Cán bộ trực', role: 'bot' }, suggestedActions: { actions: [{ title: '5', value: { payload: 'rate:t-1:5' } }] } });
    const split = storedActivities(stored({ id: 13, text: Array.from({ length: 9000 }, (_, i) => `từ${i}`).join(' '), payload: { quickReplies: [{ label: 'A', payload: 'pick:1' }] } }), 'f');
    expect(split.map((a) => a.id)).toEqual(split.map((_, part) => `13.${part}`));
    expect(split.length).toBeGreaterThan(1);
    expect(split.at(-1)!.suggestedActions).toBeDefined();
  });

  test('watermarks: digits only, anything else starts from the beginning', () => {
    expect(parseWatermark('42')).toBe(42);
    for (const bad of [undefined, '', '-1', '1e3', 'abc', ['1'], '9'.repeat(20)]) expect(parseWatermark(bad)).toBe(0);
  });
});
