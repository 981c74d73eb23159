/** What a procedure name is about once its action and qualifiers are gone (for corrections). */
import { describe, expect, test } from 'vitest';
import { nameObject } from '../../../knowledge/language/name-actions.ts';

describe('nameObject', () => {
  test.each([
    ['Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên', 'the can cuoc'],
    ['Đăng ký thường trú', 'thuong tru'],
    ['Cấp Phiếu lý lịch tư pháp (công dân Việt Nam, người nước ngoài)', 'phieu li lich tu phap'],
    ['Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH', 'thong tin tren so bhxh'],
    ['Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', 'giay chung nhan quyen su dung dat'],
  ])('%s → %s', (name, object) => {
    expect(nameObject(name)).toBe(object);
  });
});
