/**
 * The Channel conformance suite: every channel (web chat, the Zalo OA, the portal over Direct Line
 * and over /api/messages) must refuse bad input with a Vietnamese message, fit replies to its
 * declared capabilities without losing a word, carry only wire fields, answer a question through
 * its own transport, let a citizen pick a clarifying choice, rate a procedure answer with 👍/👎
 * where the channel shows them as buttons (recorded, acknowledged, no turn), and — with an officer
 * in charge — deliver the officer's words while the bot stays silent, then hand back cleanly.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ChannelInputError } from '../../bot/channel.ts';
import { cardReply, quickRepliesReply, textReply, type Reply } from '../../bot/replies.ts';
import { FEEDBACK_ACKS, parseFeedbackPayload } from '../../bot/insights/feedback-control.ts';
import type { Officer } from '../../bot/handoff/officer.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import type { ChannelHarness } from './channels/channel-harness.ts';
import { botFrameworkHarness } from './channels/bot-framework-harness.ts';
import { portalHarness } from './channels/portal-harness.ts';
import { webchatHarness } from './channels/webchat-harness.ts';
import { zaloHarness } from './channels/zalo-harness.ts';

const CHANNELS: Array<ChannelHarness<any>> = [webchatHarness, zaloHarness, portalHarness, botFrameworkHarness];

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Lựa chọn ${i + 1}`, payload: `pick:9.00000${i}` }));

describe.each(CHANNELS.map((harness) => [harness.label ?? harness.channel.name, harness] as const))('channel %s', (_name, harness) => {
  const { channel } = harness;
  const render = (reply: Reply) => channel.render({ conversationId: 'c-1', from: 'bot', reply }).map(harness.read);

  test.each(harness.refused)('refuses $why with a Vietnamese message', ({ raw }) => {
    let refused: unknown;
    try {
      channel.receive(raw);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ChannelInputError);
    expect((refused as ChannelInputError).userMessage).toMatch(/[àáảãạăâđêôơưéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/i);
    expect((refused as ChannelInputError).status).toBeLessThan(500);
  });

  test('text longer than the channel limit is split between words, in order, nothing lost', () => {
    const limit = channel.capabilities.maxTextLength;
    const long = Array.from({ length: Math.ceil(limit / 3) }, (_, i) => `từ${i}`).join(' ');
    const parts = render(textReply(long));
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(limit);
    expect(parts.flatMap((part) => words(part.text))).toEqual(words(long));
    expect(parts.length).toBeGreaterThan(1);
  });

  test('choices within the limit stay buttons on the last part; beyond it they become a numbered list', () => {
    const within = choices(Math.min(3, channel.capabilities.maxQuickReplies));
    const asked = render(quickRepliesReply('Bạn hỏi thủ tục nào ạ?', within));
    if (channel.capabilities.maxQuickReplies > 0) expect(asked.at(-1)!.choices).toEqual(within);
    const many = choices(channel.capabilities.maxQuickReplies + 1);
    const degraded = render(quickRepliesReply('Bạn hỏi thủ tục nào ạ?', many));
    expect(degraded.flatMap((part) => part.choices)).toEqual([]);
    const shown = degraded.map((part) => part.text).join('\n');
    for (const [i, choice] of many.entries()) expect(shown).toContain(`${i + 1}. ${choice.label}`);
  });

  test('a card keeps its full text whether or not the channel shows cards', () => {
    const card = {
      code: '1.001456',
      name: 'Cấp hộ chiếu phổ thông',
      level: 'Cấp tỉnh',
      sector: 'Xuất nhập cảnh',
      facts: [{ label: 'Lệ phí', value: '200.000 đồng' }],
    };
    const parts = render(cardReply('Cấp hộ chiếu phổ thông (1.001456)\nLệ phí: 200.000 đồng', card));
    expect(parts.map((part) => part.text).join('\n')).toContain('Lệ phí: 200.000 đồng');
  });

  test('wire messages carry no internal fields of the core', () => {
    for (const wire of channel.render({ conversationId: 'c-1', from: 'bot', reply: quickRepliesReply('Chọn ạ', choices(2)) })) {
      expect(JSON.stringify(wire)).not.toContain('"kind"');
    }
  });

  describe('through its transport', () => {
    let app: TestApp;
    let officer: Officer;
    beforeAll(async () => {
      app = await (harness.startApp ? harness.startApp() : startTestApp());
      officer = (await app.deps.officer.accounts.create({
        username: `canbo-${channel.name}`,
        password: 'mat-khau-dai-123',
        role: 'supervisor',
        displayName: 'Cán bộ',
      }))!;
    }, 120_000);
    afterAll(async () => app?.close());

    test('a question is answered with its procedure', async () => {
      const citizen = await harness.connect(app);
      try {
        const seen = await citizen.send({ text: 'làm hộ chiếu cần giấy tờ gì' });
        expect(seen.texts.join('\n')).toMatch(/hộ chiếu/i);
        expect(seen.texts.join('\n')).toContain('1.001456');
      } finally {
        await citizen.close();
      }
    });

    test('a clarifying choice, when picked, answers that procedure', async () => {
      const citizen = await harness.connect(app);
      try {
        const asked = await citizen.send({ text: 'thành lập công ty cần giấy tờ gì' });
        const pick = asked.choices.find((choice) => choice.payload.startsWith('pick:'));
        expect(pick, asked.texts.join('\n')).toBeDefined();
        const answered = await citizen.send({ choice: pick! });
        expect(answered.texts.join('\n')).toContain(pick!.payload.slice('pick:'.length));
      } finally {
        await citizen.close();
      }
    });

    test('a procedure answer can be rated: recorded for that answer, acknowledged at most, never answered as a question', async () => {
      const citizen = await harness.connect(app);
      try {
        const greeted = await citizen.send({ text: 'xin chào' });
        expect(greeted.choices.filter((choice) => parseFeedbackPayload(choice.payload))).toEqual([]);
        const asked = await citizen.send({ text: 'làm hộ chiếu cần giấy tờ gì' });
        const rated = await citizen.rate(asked, 'up');
        expect(rated.acknowledged.every((text) => text === FEEDBACK_ACKS.up)).toBe(true);
        expect(await app.deps.insights.feedback.get(rated.messageId)).toMatchObject({ conversationId: asked.conversationId, rating: 'up' });
      } finally {
        await citizen.close();
      }
    });

    test('with an officer in charge the officer is heard, the bot is silent, then hands back', async () => {
      const citizen = await harness.connect(app);
      try {
        const asked = await citizen.send({ text: 'cho tôi gặp cán bộ' });
        const desk = app.deps.officer.desk;
        const ticket = (await desk.queue(officer)).items.find((item) => item.conversationId === asked.conversationId);
        expect(ticket).toBeDefined();
        await desk.claim(officer, ticket!.ticketId);
        await desk.reply(officer, ticket!.ticketId, 'Chào anh/chị, tôi là cán bộ Lan, tôi giúp được gì ạ?');
        expect(await citizen.nextLater((text) => text.includes('cán bộ Lan'))).toContain('cán bộ Lan');

        const during = await citizen.send({ text: 'làm hộ chiếu cần giấy tờ gì' });
        expect(during.texts).toEqual([]);

        await desk.close(officer, ticket!.ticketId, 'resolved');
        expect(await citizen.nextLater((text) => /trợ lý|đánh giá/i.test(text))).toBeTruthy();
        const after = await citizen.send({ text: 'làm hộ chiếu cần giấy tờ gì' });
        expect(after.texts.join('\n')).toContain('1.001456');
      } finally {
        await citizen.close();
      }
    });
  });
});
