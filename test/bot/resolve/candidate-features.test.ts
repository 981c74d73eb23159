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
const changes: ScoredHit[] = [
  { procedure: named('9.000001', 'Đăng ký khai sinh'), score: 10, match, namesIt: true },
  { procedure: named('9.000004', 'Thay đổi, cải chính, bổ sung thông tin hộ tịch'), score: 8, match, namesIt: true },
];
const asked = (query: string) => candidateFeatures(hits, { query, topicLength: 8 }).map((row) => row[ASKS]);

describe('candidate features: the action asked', () => {
  test('a citizen phrase asks for the action its catalog wording names ("ghi sai" of a birth record is a correction)', () => {
    expect(asked('tên con trong giấy khai sinh bị ghi sai muốn sửa lại')).toEqual([0, 1]);
    expect(asked('ten con trong giay khai sinh bi ghi sai muon sua lai')).toEqual([0, 1]);
  });

  test('an action told in a step done, before the question, is not asked ("đã đổi tên … rồi. Giờ cần cập nhật …")', () => {
    const typed = 'Tôi đã đổi tên trong giấy khai sinh rồi. Giờ cần cập nhật lại thông tin cư trú thì làm sao?';
    const rows = candidateFeatures(changes, { query: 'đổi tên trong giấy khai sinh cập nhật lại thông tin cư trú', topicLength: 10, typed });
    expect(rows.map((row) => row[ASKS])).toEqual([0, 0]);
    const asking = 'Giấy khai sinh của con tôi. Giờ muốn đổi tên cho con thì làm sao?';
    expect(candidateFeatures(changes, { query: 'giấy khai sinh đổi tên cho con', topicLength: 6, typed: asking }).map((row) => row[ASKS])).toEqual([0, 1]);
  });

  test('the phrase out of its context, or no phrase, asks for no action', () => {
    expect(asked('bài kiểm tra bị ghi sai điểm')).toEqual([0, 0]);
    expect(asked('đăng ký khai sinh cho con')).toEqual([0, 0]);
  });
});
