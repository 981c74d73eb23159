/**
 * The features the decision model reads per hit: here, the action a question asks, in its own
 * words or in the catalog's words its citizen phrases stand for.
 */
import { describe, expect, test } from 'vitest';
import { candidateFeatures, FEATURE_NAMES, type ScoredHit } from '../../../bot/resolve/candidate-features.ts';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';
import type { Procedure } from '../../../knowledge/schema.ts';

const base = loadBundledCatalog()[0]!;
const named = (code: string, name: string): Procedure => ({ ...base, code, name });
const match = { recall: 0.5, matchedWeight: 1, nameFit: 0.4, distinctive: true, cohesive: true, fullWords: 2 };
const hits: ScoredHit[] = [
  { procedure: named('9.000001', 'Đăng ký khai sinh'), score: 10, match, namesIt: true },
  { procedure: named('9.000002', 'Cải chính thông tin hộ tịch'), score: 8, match, namesIt: true },
];
const ASKS = FEATURE_NAMES.indexOf('asksItsAction');
const asked = (query: string) => candidateFeatures(hits, { query, topicLength: 8 }).map((row) => row[ASKS]);

describe('candidate features: the action asked', () => {
  test('a citizen phrase asks for the action its catalog wording names ("ghi sai" of a birth record is a correction)', () => {
    expect(asked('tên con trong giấy khai sinh bị ghi sai muốn sửa lại')).toEqual([0, 1]);
    expect(asked('ten con trong giay khai sinh bi ghi sai muon sua lai')).toEqual([0, 1]);
  });

  test('the phrase out of its context, or no phrase, asks for no action', () => {
    expect(asked('bài kiểm tra bị ghi sai điểm')).toEqual([0, 0]);
    expect(asked('đăng ký khai sinh cho con')).toEqual([0, 0]);
  });
});
