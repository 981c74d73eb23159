/**
 * Words of the citizen's story (family, when): they stay in the topic and the search query, but
 * weigh little when judging how much of a message a procedure's name accounts for.
 */
import { describe, expect, test } from 'vitest';
import { isStoryWord } from '../../../knowledge/language/stop-words.ts';
import { classify, topicQuery, topicWeight } from '../../../bot/intents/classify.ts';

const weights = (text: string) => Object.fromEntries(classify(text).topic.map((t) => [t.raw, topicWeight(t)]));

describe('story words', () => {
  test('family and time words weigh a quarter; the words that name the procedure weigh in full', () => {
    const w = weights('ba em mới mất hôm qua, gia đình muốn làm giấy khai tử cho ba');
    expect(w.ba).toBe(0.25);
    expect(w['hôm']).toBe(0.25);
    expect(w.khai).toBe(1);
    expect(w['tử']).toBe(1);
    // They stay in the search query.
    expect(topicQuery(classify('đăng ký thường trú cho con gái'))).toContain('gái');
  });

  test('an unaccented form that a procedure name reads is never a story word', () => {
    const token = (raw: string) => classify(raw).analysis.tokens[0]!;
    for (const raw of ['ngoai', 'ma', 'yeu', 'chong', 'bo', 'thang']) expect(isStoryWord(token(raw)), raw).toBe(false);
    for (const raw of ['me', 'vo', 'hom', 'que']) expect(isStoryWord(token(raw)), raw).toBe(true);
    // Accented, only the story's own spelling: "mẹ" is, "mã" is not.
    expect(isStoryWord(token('mẹ'))).toBe(true);
    expect(isStoryWord(token('mã'))).toBe(false);
  });
});
