/** Finding the citizen's xã/phường in a message: with or without diacritics, on syllable boundaries, never a guess. */
import { describe, expect, test } from 'vitest';
import { findCommune, withoutMention } from '../../../knowledge/local/commune-match.ts';
import { checkCommuneName } from '../../../knowledge/local/overlay.ts';

const NAMES = ['Phường Bến Nghé', 'Xã Tân Thành', 'Phường Tân Thành', 'Phường 1', 'Xã Hòa Bình'];
const found = (text: string) => findCommune(text, NAMES)?.commune ?? null;

describe('findCommune', () => {
  test.each([
    ['em ở phường Bến Nghé, khai sinh nộp ở đâu', 'Phường Bến Nghé'],
    ['xa tan thanh', 'Xã Tân Thành'],
    ['PHƯỜNG TÂN THÀNH ạ', 'Phường Tân Thành'],
    ['p. ben nghe', 'Phường Bến Nghé'],
    ['ở bến nghé ạ', 'Phường Bến Nghé'],
    ['xã hoà bình', 'Xã Hòa Bình'],
    ['phuong 1', 'Phường 1'],
  ])('%s → %s', (text, commune) => expect(found(text)).toBe(commune));

  test.each([
    ['ở Tân Thành', 'a bare name two communes share'],
    ['phường 12', 'another number'],
    ['tôi 1 mình', 'a bare number'],
    ['bến nghệ an', 'not on the same syllables'],
    ['đăng ký khai sinh', 'no commune'],
  ])('%s: none (%s)', (text) => expect(found(text)).toBeNull());

  test('the rest of the message is read without the mention', () => {
    const text = 'em ở phường Bến Nghé, khai sinh nộp ở đâu';
    expect(withoutMention(text, findCommune(text, NAMES)!)).toBe('em ở , khai sinh nộp ở đâu');
  });
});

describe('checkCommuneName', () => {
  test('a name starts with its kind', () => {
    expect(checkCommuneName('  Phường   Bến Nghé ')).toEqual({ name: 'Phường Bến Nghé' });
    expect(checkCommuneName('Đặc khu Phú Quốc')).toEqual({ name: 'Đặc khu Phú Quốc' });
    expect(checkCommuneName('Bến Nghé')).toHaveProperty('error');
    expect(checkCommuneName('Phường')).toHaveProperty('error');
  });
});
