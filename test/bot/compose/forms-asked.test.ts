/**
 * "… theo mẫu nào?": the record's lines that say which form, the nearest the question's words.
 */
import { describe, expect, test } from 'vitest';
import { asksForForm, composeFormsAsked, formLines } from '../../../bot/compose/forms-asked.ts';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';
import type { Procedure } from '../../../knowledge/schema.ts';

const licence: Procedure = {
  ...loadBundledCatalog()[0]!,
  code: '9.000003',
  name: 'Cấp, cấp lại Giấy phép khai thác thủy sản',
  steps: [
    '5.1.1. Đối với trường hợp cấp Giấy phép khai thác thủy sản',
    'a) Tổ chức, cá nhân nộp Đơn đề nghị cấp Giấy phép khai thác thủy sản theo Mẫu số 04.KT Phụ lục II.',
    'b) Cơ quan thẩm định hồ sơ và cấp Giấy phép khai thác thủy sản theo Mẫu số 06.KT Phụ lục II.',
    '5.1.2. Đối với trường hợp cấp lại Giấy phép khai thác thủy sản',
    'a) Tổ chức, cá nhân nộp Đơn đề nghị cấp lại Giấy phép khai thác thủy sản theo Mẫu số 05.KT Phụ lục II.',
  ],
  notes: [],
  conditions: [],
};
const asked = (text: string, topic: string) => ({ text, topic: topic.split(' ') });

describe('forms asked', () => {
  test('a question asking which form is told from one that only says a word of it', () => {
    expect(asksForForm(asked('don xin cap lai lam theo mau nao vay', 'don xin cap lai'))).toBe(true);
    expect(asksForForm(asked('to khai mau gi', 'to khai'))).toBe(true);
    expect(asksForForm(asked('ho so gom nhung gi', ''))).toBe(false);
    expect(asksForForm(asked('xe mau do co phai dang ky lai khong', 'xe do'))).toBe(false);
  });

  test('the application form of the action asked, not the result\'s form nor the other action\'s', () => {
    const lines = formLines(licence, asked('don xin cap lai lam theo mau nao vay', 'don xin cap lai'));
    expect(lines.map((l) => l.text)).toEqual(['a) Tổ chức, cá nhân nộp Đơn đề nghị cấp lại Giấy phép khai thác thủy sản theo Mẫu số 05.KT Phụ lục II.']);
    const first = formLines(licence, asked('don de nghi cap giay phep theo mau nao', 'don de nghi cap giay phep'));
    expect(first[0]!.text).toContain('Mẫu số 04.KT');
  });

  test('quoted and cited; nothing when no form is asked or the record cites none', () => {
    const [reply] = composeFormsAsked(licence, asked('don xin cap lai lam theo mau nao', 'don xin cap lai'));
    expect(reply?.kind === 'text' && reply.text).toContain('“a) Tổ chức, cá nhân nộp Đơn đề nghị cấp lại');
    expect(reply?.kind === 'text' && reply.text).toContain('9.000003');
    expect(composeFormsAsked(licence, asked('can giay to gi', ''))).toEqual([]);
    expect(composeFormsAsked({ ...licence, steps: ['Nộp hồ sơ tại bộ phận một cửa.'] }, asked('theo mau nao', ''))).toEqual([]);
  });
});
