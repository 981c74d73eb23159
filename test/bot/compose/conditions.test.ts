/**
 * Conditions and result answers come from the record's own words, cited with the code and the
 * legal basis; when the record says nothing on the point, the answer says so and where to check.
 */
import { describe, expect, test } from 'vitest';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';
import { composeConditions } from '../../../bot/compose/conditions.ts';
import { composeResult } from '../../../bot/compose/result.ts';
import { classify } from '../../../bot/intents/classify.ts';
import type { Asked } from '../../../bot/compose/passages.ts';

const catalog = new Map(loadBundledCatalog().map((p) => [p.code, p]));
const record = (code: string) => catalog.get(code)!;
const asked = (text: string): Asked => {
  const c = classify(text);
  return { topic: c.topic.map((t) => t.folded), text: c.analysis.folded };
};
const text = (replies: { text: string }[]) => replies.map((r) => r.text).join('\n');

describe('conditions', () => {
  test('a record with conditions: quoted, with who may ask, the code and the legal basis', () => {
    const marriage = record('1.000894');
    const out = text(composeConditions(marriage, asked('nam 19 tuổi có đăng ký kết hôn được chưa')));
    expect(out).toContain(marriage.conditions[0]!.slice(0, 60));
    expect(out).toMatch(/Đối tượng thực hiện: Công dân Việt Nam/);
    expect(out).toContain('Mã thủ tục 1.000894');
    expect(out).toMatch(/Căn cứ: .*Luật/);
  });

  test('a record without conditions says so, quotes what bears on the question and where to check', () => {
    const birth = record('1.001193');
    expect(birth.conditions).toEqual([]);
    const out = text(composeConditions(birth, asked('ông bà đi làm khai sinh cho cháu thay bố mẹ có được không')));
    expect(out).toMatch(/không ghi điều kiện riêng/);
    expect(out).toMatch(/ông, bà, người thân thích/); // the record's note on who may go instead of the parents
    expect(out).toMatch(/dichvucong\.gov\.vn/);
    expect(out).toContain('Mã thủ tục 1.001193');
  });
});

describe('result', () => {
  test('what is issued, and a validity the record states, quoted', () => {
    const out = text(composeResult(record('1.004873'), asked('giấy xác nhận tình trạng hôn nhân dùng được bao lâu')));
    expect(out).toMatch(/kết quả của thủ tục “Cấp Giấy xác nhận tình trạng hôn nhân”/);
    expect(out).toMatch(/có giá trị 6 tháng kể từ ngày cấp/);
    expect(out).toContain('Mã thủ tục 1.004873');
  });

  test('a validity the record does not state is said plainly, with where to check', () => {
    const out = text(composeResult(record('1.010041'), asked('giấy xác nhận cư trú có hiệu lực mấy tháng')));
    expect(out).toMatch(/Xác nhận thông tin về cư trú \(mẫu CT07\)/);
    expect(out).toMatch(/không ghi thời hạn hiệu lực/);
    expect(out).toContain('Mã thủ tục 1.010041');
  });
});
