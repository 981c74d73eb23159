/** What a procedure name is about once its action and qualifiers are gone (for corrections), and whether words say it. */
import { describe, expect, test } from 'vitest';
import { nameObject, saysNameObject } from '../../../knowledge/language/name-actions.ts';

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

describe('saysNameObject: words say what a procedure is about, beyond what befell it', () => {
  const common = new Set(['giay', 'chung', 'nhan', 'cap']);
  const distinctive = (syllable: string) => !common.has(syllable);
  test.each([
    ['lam the tam tru cho anh ay', 'Cấp thẻ tạm trú cho người nước ngoài tại Việt Nam', true],
    ['nguoi lon chua tung dang ky khai sinh', 'Thủ tục đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân', true],
    // What befell the paper, and the common words of a name, say nothing of it.
    ['xin cap lai thpt bi mat', 'Cấp lại Giấy chứng nhận do bị mất', false],
    ['cap 3 ghi sai ngay sinh sua', 'Thủ tục cấp lại chứng chỉ hành nghề kiến trúc bị ghi sai do lỗi của cơ quan cấp chứng chỉ', false],
    ['giay chung nhan', 'Cấp lại Giấy chứng nhận do bị mất', false],
  ])('"%s" / %s → %s', (words, name, says) => {
    expect(saysNameObject(words.split(' '), name, distinctive)).toBe(says);
  });
});
