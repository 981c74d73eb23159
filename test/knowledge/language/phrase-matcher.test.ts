/**
 * Phrase rules match whole syllables within one clause, keep the accents a rule is written with
 * where the citizen typed accents, allow a gap where a rule says `…`, and fuzz only unaccented words.
 */
import { describe, expect, test } from 'vitest';
import { analyzeMessage, clausesOf } from '../../../knowledge/language/message-tokens.ts';
import { PhraseMatcher, rulesFrom } from '../../../knowledge/language/phrase-matcher.ts';

const matcher = new PhraseMatcher(
  rulesFrom<'hit' | 'gap'>({
    hit: [
      ['số đề', 6],
      ['người thật', 6],
      ['le phi', 4],
    ],
    gap: [['có … được không', 4]],
  }),
);
const phrases = (text: string) => matcher.match(analyzeMessage(text).tokens).map((m) => m.rule.phrase);

describe('phrase matching', () => {
  test('an accented rule needs the same accents where they were typed, any where they were not', () => {
    expect(phrases('hôm nay đánh số đề con gì')).toEqual(['số đề']);
    expect(phrases('hom nay danh so de con gi')).toEqual(['số đề']);
    expect(phrases('Hồ sơ đề nghị cấp phép gồm gì')).toEqual([]);
  });

  test('a rule written without accents takes any accents', () => {
    expect(phrases('lệ phí bao nhiêu')).toEqual(['le phi']);
    expect(phrases('le phi bao nhieu')).toEqual(['le phi']);
  });

  test('a phrase does not run across a comma or a full stop', () => {
    expect(phrases('giấy tờ gồm hồ sơ, đề nghị gửi sớm')).toEqual([]);
    expect(phrases('nộp lệ. Phí bao nhiêu')).toEqual([]);
  });

  test('a gap takes a few words of the same sentence and leaves them unclaimed', () => {
    const tokens = analyzeMessage('tôi có đăng ký khai sinh cho con được không').tokens;
    const [match] = matcher.match(tokens);
    expect(match?.rule.phrase).toBe('có … được không');
    expect(match!.positions.map((i) => tokens[i]!.folded)).toEqual(['co', 'duoc', 'khong']);
    expect(phrases('có đăng ký. Được không')).toEqual([]);
  });

  test('a typo is read only in a word typed without accents', () => {
    expect(phrases('cho toi gap nguoi thet')).toEqual(['người thật']);
    expect(phrases('người thân đã mất thì làm sao')).toEqual([]);
  });

  test('clauses and sentences', () => {
    expect(clausesOf('a, b. c; d')).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(clausesOf('phí 200.000 đồng, 1,5 triệu')).toEqual([['phí 200000 đồng', '15 triệu']]);
  });
});

describe('a reading as typed before a reading with a typo', () => {
  const rules = new PhraseMatcher(
    rulesFrom<'time' | 'neutral'>({
      time: [['nhanh khong', 3]],
      neutral: [['xac nhan', 0]],
    }),
  );
  const read = (text: string) => rules.match(analyzeMessage(text).tokens).map((m) => `${m.rule.phrase}${m.fuzzy ? ' (typo)' : ''}`);

  test('"xac nhan khong" is "xác nhận" as typed, not "nhanh không" with a typo', () => {
    expect(read('xin giay xac nhan khong co tien an')).toEqual(['xac nhan']);
  });

  test('a typo is still read where no rule reads the words as typed', () => {
    expect(read('lam co nhan khong')).toEqual(['nhanh khong (typo)']);
  });
});
