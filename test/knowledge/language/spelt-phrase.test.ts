/** A phrase said as it is spelt: typed with accents it must be spelt so, typed without it may be either. */
import { describe, expect, test } from 'vitest';
import { accentedPhrase, foldedPhrase } from '../../../knowledge/language/normalize.ts';
import { saysAsSpelt } from '../../../knowledge/language/spelt-phrase.ts';

const text = (typed: string) => ({ accented: accentedPhrase(typed), folded: foldedPhrase(typed) });

describe('saysAsSpelt', () => {
  test.each([
    ['thẻ bị mất rồi', 'mất', true],
    ['the bi mat roi', 'mất', true],
    ['làm mặt bằng kinh doanh', 'mất', false],
    ['sổ hồng nhà tôi', 'hỏng', false],
    ['sổ bị hỏng', 'hỏng', true],
    ['Doanh nghiệp sắp nhập lô máy', 'sáp nhập', false],
    ['sáp nhập hai công ty', 'sáp nhập', true],
    // Accents typed on some syllables only: the others may be either.
    ['xin cấp lai thẻ', 'cấp lại', true],
    ['Xin Đăng Ký Lại khai sinh', 'đăng ký lại', true],
    ['mẹ người Tày', 'tây', false],
  ])('"%s" says "%s": %s', (typed, spelling, says) => {
    expect(saysAsSpelt(text(typed), spelling)).toBe(says);
  });
});
