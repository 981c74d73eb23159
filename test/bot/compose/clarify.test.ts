/**
 * Clarifying between near-duplicate procedures: the options must show what tells them apart —
 * the level when the names are the same, the authority at the end of a long shared name.
 */
import { describe, expect, test } from 'vitest';
import { composeClarify, optionLabels } from '../../../bot/compose/clarify.ts';
import { ProcedureSchema, type Procedure } from '../../../knowledge/schema.ts';

const made = (code: string, name: string, levels: Procedure['levels']): Procedure =>
  ProcedureSchema.parse({ code, name, levels, sector: 'Đầu tư', lastUpdated: '2026-01-01', origin: 'national' });

describe('clarify options', () => {
  test('the same name at two levels: the level tells them apart', () => {
    const labels = optionLabels([made('1.000001', 'Cấp lại thẻ căn cước', ['tinh']), made('1.000002', 'Cấp lại thẻ căn cước', ['xa'])]).map((o) => o.label);
    expect(labels[0]).not.toBe(labels[1]);
    expect(labels.join(' ')).toMatch(/tỉnh/i);
  });

  test('long names that differ only in their authority: the authority is the label, not clipped away', () => {
    const options = optionLabels([
      made('1.000011', 'Thủ tục chấp thuận chủ trương đầu tư thuộc thẩm quyền của Chủ tịch Uỷ ban nhân dân cấp tỉnh', ['tinh']),
      made('1.000012', 'Thủ tục chấp thuận chủ trương đầu tư thuộc thẩm quyền của Ban quản lý khu công nghiệp, khu chế xuất, khu công nghệ cao, khu kinh tế', ['tinh']),
    ]);
    expect(options.map((o) => o.label)).toEqual(['…Chủ tịch Uỷ ban nhân dân cấp tỉnh', '…Ban quản lý khu công nghiệp, khu chế xuất, khu công nghệ cao, khu kinh tế']);
    const text = composeClarify(options)[0]!.text;
    expect(text).toContain('(mã 1.000012)');
    // The numbered list names each procedure in full; only the quick replies are shortened.
    expect(text).toContain('2. Thủ tục chấp thuận chủ trương đầu tư thuộc thẩm quyền của Ban quản lý');
  });

  test('short different names keep their whole names', () => {
    const options = optionLabels([made('1.000021', 'Đăng ký khai sinh', ['xa']), made('1.000022', 'Đăng ký khai tử', ['xa'])]);
    expect(options.map((o) => o.label)).toEqual(['Đăng ký khai sinh', 'Đăng ký khai tử']);
  });
});
