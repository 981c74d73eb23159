/** Dossier codes (mã hồ sơ): the canonical form and every spelling citizens type. */
import { describe, expect, test } from 'vitest';
import { DOSSIER_CODE_EXAMPLE, findDossierCode, isDemoCode, parseDossierCode } from '../../../knowledge/dossiers/dossier-code.ts';
import { classify } from '../../../bot/intents/classify.ts';

const CANONICAL = '000.00.19.H53-240101-0001';

describe('dossier codes in free text', () => {
  test.each([
    ['000.00.19.H53-240101-0001', 'canonical'],
    ['tra cứu hồ sơ 000.00.19.H53-240101-0001', 'inside a sentence'],
    ['mã hồ sơ của tôi là 000.00.19.H53-240101-0001 ạ', 'with words after'],
    ['000.00.19.h53-240101-0001', 'lowercase'],
    ['000 00 19 H53 240101 0001', 'spaces instead of dots and dashes'],
    ['000.00.19.H53 - 240101 - 0001', 'spaces around the dashes'],
    ['0000019H53-240101-0001', 'no dots'],
    ['0000019h53 240101 0001', 'no dots, lowercase, spaces'],
    ['mã: 000.00.19.H53–240101–0001.', 'en dashes and a full stop after'],
  ])('%s (%s)', (text) => {
    expect(findDossierCode(text)).toBe(CANONICAL);
  });

  test('other agency shapes are kept as typed, upper-cased', () => {
    expect(findDossierCode('hồ sơ h53.22-240101-0001')).toBe('H53.22-240101-0001');
  });

  test('demo codes', () => {
    expect(findDossierCode('000 00 00 demo 250101 0003')).toBe('000.00.00.DEMO-250101-0003');
    expect(isDemoCode('000.00.00.DEMO-250101-0003')).toBe(true);
    expect(isDemoCode(CANONICAL)).toBe(false);
  });

  test.each(['hồ sơ khai sinh', '0912345678', 'số 0912 345 678', '1234', '000.00.19.H53', 'CCCD 001203004567'])(
    'no code in %s',
    (text) => {
      expect(findDossierCode(text)).toBeNull();
    },
  );

  test('the classifier sees a code however it is typed, so the status intent follows', () => {
    expect(classify('0000019h53 240101 0001').dossierCode).toBe(CANONICAL);
  });
});

describe('a code and nothing else (API path parameter)', () => {
  test('canonicalised', () => {
    expect(parseDossierCode(' 000.00.19.h53-240101-0001 ')).toBe(CANONICAL);
    expect(parseDossierCode(DOSSIER_CODE_EXAMPLE)).toBe(CANONICAL);
  });
  test('extra text is refused', () => {
    expect(parseDossierCode('x 000.00.19.H53-240101-0001')).toBeNull();
    expect(parseDossierCode('000.00.19.H53-240101-0001; DROP TABLE')).toBeNull();
    expect(parseDossierCode('')).toBeNull();
  });
});
