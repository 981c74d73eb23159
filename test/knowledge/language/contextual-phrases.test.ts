/**
 * Citizen phrases read only in their context (vocabulary/contextual-phrases.json): the catalog's
 * wording they stand for, and nothing outside the context.
 */
import { describe, expect, test } from 'vitest';
import { contextualWordings, synonymRewrites } from '../../../knowledge/language/citizen-phrases.ts';

describe('contextual phrases', () => {
  test('a boat newly built ("mới đóng chiếc ghe") is registered for the first time, not yet in operation', () => {
    expect(contextualWordings('tui moi dong chiec ghe may de cho hang tren song')).toEqual(['đăng ký phương tiện lần đầu đối với phương tiện chưa khai thác']);
    expect(contextualWordings('Tôi vừa đóng chiếc xuồng máy')).toHaveLength(1);
  });

  test('out of the context the phrase means nothing of the kind ("mới đóng bảo hiểm")', () => {
    expect(contextualWordings('em moi dong bao hiem xa hoi duoc 2 thang')).toEqual([]);
  });

  test('only contextual phrases: an everyday phrase read everywhere ("sổ đỏ") is no contextual wording', () => {
    expect(contextualWordings('làm lại sổ đỏ')).toEqual([]);
    expect(synonymRewrites('làm lại sổ đỏ').length).toBeGreaterThan(0);
  });

  test('"giấy chứng tử" is a civil-status record too: its error asks for a correction', () => {
    expect(contextualWordings('giấy chứng tử của bà ghi sai tên')).toContain('cải chính thông tin hộ tịch');
  });

  test('a part of a message is read in the context of the whole message', () => {
    expect(synonymRewrites('giờ muốn sửa lại', 'tên trong giấy khai sinh bị ghi sai. giờ muốn sửa lại').join(' ')).toContain('cải chính');
    expect(synonymRewrites('giờ muốn sửa lại').join(' ')).not.toContain('cải chính');
  });
});
