/** fitReply and splitText: what every channel's rendering starts from. */
import { describe, expect, test } from 'vitest';
import { fitReply, splitText } from '../../bot/channel-fit.ts';
import { cardReply, quickRepliesReply, textReply } from '../../bot/replies.ts';

const caps = (maxTextLength: number, maxQuickReplies: number, cards = true) => ({ maxTextLength, maxQuickReplies, cards, proactive: 'push' as const });

describe('splitText', () => {
  test('prefers a paragraph, then a line, then a word break, and never exceeds the limit', () => {
    expect(splitText('Một hai ba.\n\nBốn năm sáu bảy.', 16)).toEqual(['Một hai ba.', 'Bốn năm sáu bảy.']);
    expect(splitText('một hai ba bốn năm', 8)).toEqual(['một hai', 'ba bốn', 'năm']);
    for (const part of splitText('a '.repeat(500), 37)) expect(part.length).toBeLessThanOrEqual(37);
  });

  test('a word longer than the limit is cut where it must be', () => {
    expect(splitText('https://dichvucong.gov.vn/p/home', 10)).toEqual(['https://di', 'chvucong.g', 'ov.vn/p/ho', 'me']);
  });
});

describe('fitReply', () => {
  test('the choices and the card go with the last part', () => {
    const parts = fitReply(quickRepliesReply('một hai ba bốn năm', [{ label: 'A', payload: 'a' }]), caps(8, 3));
    expect(parts.map((p) => p.kind)).toEqual(['text', 'text', 'quick_replies']);
  });

  test('too many choices become a numbered list; a card the channel cannot show becomes its text', () => {
    const [listed] = fitReply(quickRepliesReply('Chọn:', [{ label: 'A', payload: 'a' }, { label: 'B', payload: 'b' }]), caps(100, 1));
    expect(listed).toEqual(textReply('Chọn:\n1. A\n2. B'));
    const card = { code: 'x', name: 'X', level: '', sector: '', facts: [] };
    expect(fitReply(cardReply('Thẻ', card), caps(100, 3, false))).toEqual([textReply('Thẻ')]);
  });
});
