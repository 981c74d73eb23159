/**
 * The Zalo channel's own rules beyond the conformance suite: the signature is SHA-256 over
 * app id + raw body + timestamp + OA secret, compared in constant time, the expected value never
 * shown; events are typed with ids kept as strings; replies become cs messages with query and
 * link buttons; a pressed button's text maps back to its choice.
 */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { ChannelInputError } from '../../../bot/channel.ts';
import { cardReply, quickRepliesReply, textReply } from '../../../bot/replies.ts';
import { createZaloChannel } from '../../../channels/zalo/zalo-channel.ts';
import { pressedChoice } from '../../../channels/zalo/zalo-inbound.ts';
import { signatureMatches } from '../../../channels/zalo/zalo-signature.ts';
import { APP_ID, OA_ID, OA_SECRET, signedHeaders, zaloEvents } from '../../support/zalo.ts';
import { zaloHarness } from '../../conformance/channels/zalo-harness.ts';

const channel = createZaloChannel({ appId: APP_ID, oaSecretKey: OA_SECRET, replayWindowSeconds: 300 });
const USER = '8167403311712038752';
const raw = (body: string, headers = signedHeaders(body)) => ({ body: undefined, rawBody: Buffer.from(body), headers });

function refusal(run: () => unknown): ChannelInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof ChannelInputError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('Zalo signature', () => {
  test('mac = sha256(app_id + raw body + timestamp + OA secret key), with or without the mac= prefix', () => {
    const body = Buffer.from('{"timestamp":"1741852800000"}');
    const hex = createHash('sha256').update(`${APP_ID}{"timestamp":"1741852800000"}1741852800000${OA_SECRET}`).digest('hex');
    expect(signatureMatches(`mac=${hex}`, APP_ID, body, '1741852800000', OA_SECRET)).toBe(true);
    expect(signatureMatches(hex.toUpperCase(), APP_ID, body, '1741852800000', OA_SECRET)).toBe(true);
    expect(signatureMatches(`mac=${hex}`, APP_ID, Buffer.from('{"timestamp":"1741852800001"}'), '1741852800000', OA_SECRET)).toBe(false);
    expect(signatureMatches(`mac=${hex.slice(2)}`, APP_ID, body, '1741852800000', OA_SECRET)).toBe(false);
    expect(signatureMatches(undefined, APP_ID, body, '1741852800000', OA_SECRET)).toBe(false);
  });

  test('a refusal never carries the expected signature or the secret', () => {
    const body = JSON.stringify(zaloEvents.text(USER, 'chào'));
    const error = refusal(() => channel.verify(raw(body, signedHeaders(body, { secret: 'not-the-secret' }))));
    expect(error.status).toBe(401);
    const expected = signedHeaders(body)['x-zevent-signature']!.slice(4);
    for (const shown of [error.message, error.userMessage, JSON.stringify(error)]) {
      expect(shown).not.toContain(expected);
      expect(shown).not.toContain(OA_SECRET);
    }
  });

  test('each input the conformance suite refuses is refused for its own reason', () => {
    const statuses = Object.fromEntries(zaloHarness.refused.map(({ why, raw }) => [why, refusal(() => zaloHarness.channel.receive(raw)).status]));
    expect(statuses).toEqual({
      'an unsigned delivery': 401,
      'a forged signature': 401,
      'a stale timestamp (replay)': 401,
      'a body that is not JSON': 400,
      'an event of another app': 403,
      'a text event without a sender': 400,
      'empty text': 400,
      'binary text': 400,
      'huge text': 400,
    });
  });

  test('the signature covers the exact bytes: re-serialised JSON does not verify', () => {
    const body = JSON.stringify(zaloEvents.text(USER, 'chào'));
    const spaced = JSON.stringify(JSON.parse(body), null, 1);
    expect(refusal(() => channel.verify(raw(spaced, { ...signedHeaders(spaced), 'x-zevent-signature': signedHeaders(body)['x-zevent-signature']! }))).status).toBe(401);
  });
});

describe('Zalo events', () => {
  test('a text event: ids stay exact strings even when sent as big numbers', () => {
    const event = zaloEvents.text(USER, 'làm hộ chiếu cần giấy tờ gì', { msgId: 'ab12' });
    const body = JSON.stringify(event).replace(`"id":"${USER}"`, `"id":${USER}`);
    expect(body).toContain(`"id":${USER}`);
    expect(channel.verify(raw(body))).toMatchObject({ kind: 'text', userId: USER, oaId: OA_ID, msgId: 'ab12', key: 'msg:ab12', text: 'làm hộ chiếu cần giấy tờ gì' });
    expect(channel.receive(raw(body))).toMatchObject({ channel: 'zalo', text: 'làm hộ chiếu cần giấy tờ gì', clientKey: expect.stringMatching(/^zalo:zid:[0-9a-f]{12}$/) });
    expect(JSON.stringify(channel.receive(raw(body)))).not.toContain(USER);
  });

  test('images, follow, unfollow and unknown events are typed; only text reaches receive()', () => {
    const image = JSON.stringify(zaloEvents.image(USER));
    expect(channel.verify(raw(image))).toMatchObject({ kind: 'attachment', attachment: 'image', userId: USER });
    expect(refusal(() => channel.receive(raw(image))).status).toBe(400);
    expect(channel.verify(raw(JSON.stringify(zaloEvents.follow(USER))))).toMatchObject({ kind: 'follow', userId: USER, oaId: OA_ID });
    expect(channel.verify(raw(JSON.stringify(zaloEvents.follow(USER, { unfollow: true }))))).toMatchObject({ kind: 'unfollow' });
    const seen = JSON.stringify({ app_id: APP_ID, event_name: 'user_seen_message', timestamp: String(Date.now()), sender: { id: OA_ID }, recipient: { id: USER }, message: { msg_ids: ['x'] } });
    expect(channel.verify(raw(seen))).toMatchObject({ kind: 'other', name: 'user_seen_message', key: expect.stringMatching(/^user_seen_message:/) });
  });
});

describe('Zalo rendering', () => {
  const render = (reply: Parameters<typeof channel.render>[0]['reply']) => channel.render({ conversationId: 'c', from: 'bot', reply });

  test('plain text is a cs text message; choices become oa.query.show buttons whose payload is the label', () => {
    expect(render(textReply('Dạ, chào bạn'))).toEqual([{ message: { text: 'Dạ, chào bạn' }, choices: [] }]);
    const [wire] = render(quickRepliesReply('Bạn làm ở cấp nào ạ?', [{ label: 'Cấp tỉnh', payload: 'pick:1.000001' }, { label: 'Cấp xã', payload: 'pick:1.000002' }]));
    expect(wire!.message).toEqual({
      text: 'Bạn làm ở cấp nào ạ?',
      attachment: { type: 'template', payload: { template_type: 'button', buttons: [
        { title: 'Cấp tỉnh', type: 'oa.query.show', payload: 'Cấp tỉnh' },
        { title: 'Cấp xã', type: 'oa.query.show', payload: 'Cấp xã' },
      ] } },
    });
    expect(wire!.choices).toEqual([{ label: 'Cấp tỉnh', payload: 'pick:1.000001' }, { label: 'Cấp xã', payload: 'pick:1.000002' }]);
  });

  test('portal links become oa.open.url buttons on the last part, after the choices, at most 5 buttons', () => {
    const card = { code: '1.001456', name: 'Cấp hộ chiếu phổ thông', level: 'Cấp tỉnh', sector: 'Xuất nhập cảnh', facts: [], url: 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001456' };
    const [wire] = render(cardReply('Cấp hộ chiếu phổ thông. Nộp trực tuyến tại https://dichvucong.gov.vn.', card, [{ label: 'Lệ phí', payload: 'ask:fee:1.001456' }]));
    expect(wire!.message.attachment!.payload.buttons).toEqual([
      { title: 'Lệ phí', type: 'oa.query.show', payload: 'Lệ phí' },
      { title: 'Xem thủ tục trên Cổng Dịch vụ công', type: 'oa.open.url', payload: { url: card.url } },
      { title: 'Mở Cổng Dịch vụ công quốc gia', type: 'oa.open.url', payload: { url: 'https://dichvucong.gov.vn' } },
    ]);
    const full = render(quickRepliesReply('Chọn ạ https://dichvucong.gov.vn', Array.from({ length: 5 }, (_, i) => ({ label: `L${i}`, payload: `p${i}` }))));
    expect(full[0]!.message.attachment!.payload.buttons).toHaveLength(5);
    expect(render(textReply('Xem https://example.com/x'))[0]!.message.attachment).toBeUndefined();
  });

  test('a pressed button (its label sent back as text) maps to the offered choice', () => {
    const offered = [{ label: 'Đăng ký thành lập công ty TNHH một thành viên', payload: 'pick:1.001234' }, { label: '5', payload: 'rate:t-1:5' }];
    expect(pressedChoice(offered, ' đăng ký thành lập công ty TNHH  một thành viên ')?.payload).toBe('pick:1.001234');
    expect(pressedChoice(offered, '5')?.payload).toBe('rate:t-1:5');
    expect(pressedChoice(offered, 'thành lập công ty')).toBeUndefined();
  });
});
