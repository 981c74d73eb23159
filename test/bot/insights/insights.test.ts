/** The pure parts of the insights: date ranges in Vietnam time, question keys, turn outcomes. */
import { describe, expect, test } from 'vitest';
import { answerOutcome } from '../../../bot/insights/answer-outcome.ts';
import { InsightRangeError, daysOf, questionKey, rangeOfDays } from '../../../bot/insights/insights.ts';

describe('date ranges', () => {
  test('a day range covers Vietnamese midnight to midnight, both ends included', () => {
    expect(rangeOfDays({ from: '2026-11-01', to: '2026-11-02' })).toEqual({
      from: new Date('2026-10-31T17:00:00Z'),
      to: new Date('2026-11-02T17:00:00Z'),
    });
    expect(daysOf({ from: '2026-12-30', to: '2027-01-02' })).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });

  test.each([
    [{ from: '2026-11-1', to: '2026-11-02' }],
    [{ from: '2026-11-05', to: '2026-11-02' }],
    [{ from: '2026-13-01', to: '2026-13-02' }],
    [{ from: '2025-01-01', to: '2026-11-02' }],
  ])('%o is refused', (range) => {
    expect(() => rangeOfDays(range)).toThrow(InsightRangeError);
  });
});

test('questions written with or without accents, spacing or punctuation share a key', () => {
  expect(questionKey('  Giá VÀNG hôm nay?? ')).toBe('gia vang hom nay');
  expect(questionKey('gia vang   hom nay')).toBe('gia vang hom nay');
  expect(questionKey('Đăng kí khai sinh')).toBe(questionKey('đăng ký khai sinh'));
});

describe('turn outcomes', () => {
  const base = { replies: [], confidence: 0.9 };
  const procedure = { code: '1.001456' } as never;
  test.each([
    ['procedure', { ...base, intent: 'fee', procedure }, 'answered'],
    ['clarify', { ...base, intent: 'fee', procedure: null, pending: { type: 'clarify' } }, 'clarify'],
    ['which-procedure', { ...base, intent: 'fee', procedure: null, pending: { type: 'which_procedure' } }, 'clarify'],
    ['procedure', { ...base, intent: 'fee', procedure, pending: { type: 'clarify', answered: '1.001456' } }, 'answered'],
    ['which-procedure', { ...base, intent: 'fee', procedure: null, failed: true }, 'not_found'],
    ['off-topic', { ...base, intent: 'out_of_scope', procedure: null, failed: true }, 'out_of_scope'],
    ['error', { ...base, intent: 'fee', procedure: null }, 'error'],
    ['greeting', { ...base, intent: 'greeting', procedure: null }, 'other'],
    ['status', { ...base, intent: 'status', procedure: null, pending: { type: 'dossier_code' } }, 'other'],
  ])('route %s → %s', (route, result, expected) => {
    expect(answerOutcome(route, result as never)).toBe(expected);
  });
});
