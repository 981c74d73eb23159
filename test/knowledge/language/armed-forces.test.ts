/**
 * The armed forces' own procedures (vocabulary/armed-forces.json): a record whose legal basis
 * governs matters inside the police or the army is theirs; a message names the forces with or
 * without accents. Names alone never decide: the police's health-insurance cards are named like
 * the citizens'.
 */
import { describe, expect, test } from 'vitest';
import { isArmedForcesOwn, namesArmedForces } from '../../../knowledge/language/armed-forces.ts';
import { spelledOutName } from '../../../knowledge/language/abbreviations.ts';
import { ProcedureSchema, type ProcedureInput } from '../../../knowledge/schema.ts';

const record = (code: string, legalBasis: ProcedureInput['legalBasis']) =>
  ProcedureSchema.parse({ code, name: 'Cấp lại thẻ bảo hiểm y tế (thực hiện tại cấp tỉnh)', levels: ['tinh'], sector: 'Chính sách', legalBasis, lastUpdated: '2026-12-01', origin: 'national' });

describe('the armed forces\' own procedures', () => {
  test('a legal basis on matters inside the police makes the record theirs; a citizens\' law does not', () => {
    const police = record('1.001294', [
      { title: 'Hướng dẫn thực hiện bảo hiểm y tế đối với người lao động, học sinh, sinh viên và thân nhân sĩ quan, hạ sĩ quan, chiến sĩ trong Công an nhân dân', number: '09/2015/TTLT-BCA-BYT-BTC' },
    ]);
    const citizens = record('1.002759', [{ title: 'Luật Bảo hiểm y tế', number: '25/2008/QH12' }]);
    expect(isArmedForcesOwn(police)).toBe(true);
    expect(isArmedForcesOwn(citizens)).toBe(false);
  });

  test('a message names the police or the army typed either way, and a citizen\'s card question names neither', () => {
    expect(namesArmedForces('bố em là sĩ quan công an, xin cấp lại thẻ BHYT cho mẹ')).toBe(true);
    expect(namesArmedForces('con di bo doi thi the bhyt lam o dau')).toBe(true);
    expect(namesArmedForces('Em làm mất thẻ BHYT rồi, giờ xin cấp lại ở đâu ạ?')).toBe(false);
    // Syllable boundaries: "công an" is not inside "không an toàn".
    expect(namesArmedForces('nha e khong an toan')).toBe(false);
  });
});

describe('spelledOutName: a name\'s acronyms written in full', () => {
  test.each([
    ['Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT', 'Cấp lại, đổi, điều chỉnh thông tin trên sổ bảo hiểm xã hội, thẻ bảo hiểm y tế'],
    ['Đăng ký thành lập công ty TNHH một thành viên', 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên'],
    ['Đăng ký khai sinh', null],
    // Unknown acronyms and roman numerals stay.
    ['Cấp thẻ ABTC', null],
    ['Cấp giấy phép xây dựng công trình cấp III', null],
  ])('%s', (name, spelled) => {
    expect(spelledOutName(name)).toBe(spelled);
  });
});
