/**
 * A question no facet covers is answered with the record's own passages on its words, quoted and
 * cited, before the procedure's summary; a question that only names the procedure gets the summary.
 */
import { describe, expect, test } from 'vitest';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';
import { composeAnswer } from '../../../bot/compose/facet.ts';
import { classify } from '../../../bot/intents/classify.ts';
import type { Asked } from '../../../bot/compose/passages.ts';

const catalog = new Map(loadBundledCatalog().map((p) => [p.code, p]));
const asked = (text: string): Asked => {
  const c = classify(text);
  return { topic: c.topic.map((t) => t.folded), text: c.analysis.folded };
};

describe('questions beyond the facets', () => {
  const birth = catalog.get('1.001193')!;

  test('the passage that bears on the words comes first, quoted as the record says it, with the code and legal basis', () => {
    const replies = composeAnswer('overview', birth, [], asked('khai sinh cho cháu mà ông bà đi làm thay thì có cần văn bản ủy quyền không'));
    expect(replies.length).toBe(2);
    const first = replies[0]!.text;
    const note = birth.notes.find((n) => n.includes('không cần văn bản ủy quyền'))!;
    expect(note, 'the bundled record carries the note').toBeDefined();
    expect(first).toContain(note.slice(0, 80));
    expect(first).toMatch(/Mã thủ tục 1\.001193/);
    expect(first).toMatch(/Căn cứ: .*Luật Hộ tịch/);
    // The summary card still follows.
    expect(replies[1]!.kind).toBe('card');
  });

  test('without diacritics the same passage is found', () => {
    const first = composeAnswer('overview', birth, [], asked('khai sinh cho chau ma ong ba di lam thay thi co can van ban uy quyen khong'))[0]!.text;
    expect(first).toContain('không cần văn bản ủy quyền');
  });

  test('a message that only names the procedure gets the summary alone', () => {
    const replies = composeAnswer('overview', birth, [], asked('thủ tục đăng ký khai sinh'));
    expect(replies.length).toBe(1);
    expect(replies[0]!.kind).toBe('card');
  });

  test('a message that asks nothing names the procedure its own way: the summary alone, though its words are in a passage', () => {
    // "văn bản ủy quyền" is in a note; without a question word it is not asked.
    const replies = composeAnswer('overview', birth, [], asked('làm khai sinh cho cháu, ông bà đi làm thay bằng văn bản ủy quyền'));
    expect(replies.length).toBe(1);
    expect(replies[0]!.kind).toBe('card');
  });

  test('words the record does not speak of quote nothing', () => {
    expect(composeAnswer('overview', birth, [], asked('đăng ký khai sinh hôm nay trời mưa to quá')).length).toBe(1);
  });
});
