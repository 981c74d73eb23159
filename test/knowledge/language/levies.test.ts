/**
 * Taxes and charges that are procedures of their own (vocabulary/levies.json): a question asks one
 * when its question sentence says it beside a paying or declaring word or about an amount; a
 * procedure's name declares one when it says it; a name about a tax in general is kept.
 */
import { describe, expect, test } from 'vitest';
import { declaresNoneOf, leviesAsked, leviesOfName } from '../../../knowledge/language/levies.ts';

const VEHICLE_OWNER = 'Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay đổi chủ xe (đăng ký sang tên xe)';
const OTHER_ASSETS = 'Khai lệ phí trước bạ/ Miễn lệ phí trước bạ đối với tài sản khác theo quy định của pháp luật về lệ phí trước bạ';
const LAND_LEVY = 'Khai lệ phí trước bạ nhà, đất/ Miễn lệ phí trước bạ nhà, đất';
const TAX_SETTLEMENT = 'Khai quyết toán thuế/ Hoàn thuế đối với cá nhân cư trú có thu nhập từ tiền lương, tiền công';
const PROPERTY_INCOME_TAX = 'Khai thuế TNCN đối với cá nhân có thu nhập từ chuyển nhượng bất động sản';

describe('levies asked', () => {
  test('an amount asked, or a paying or declaring word beside the levy, asks it — with or without accents', () => {
    expect(leviesAsked('phi truoc ba xe may cu bao nhieu')).toEqual(['lệ phí trước bạ']);
    expect(leviesAsked('Nhận sổ hồng căn hộ thì còn phải đóng thêm lệ phí trước bạ không?')).toEqual(['lệ phí trước bạ']);
    expect(leviesAsked('ban dat thue tncn 2% ai dong')).toEqual(['thuế thu nhập cá nhân']);
    expect(leviesAsked('Hồ sơ khai lệ phí trước bạ nhà đất gồm những giấy tờ gì?')).toEqual(['lệ phí trước bạ']);
  });

  test('a question about fees asks the levy it names', () => {
    expect(leviesAsked('le phi truoc ba khi sang ten xe')).toEqual([]);
    expect(leviesAsked('le phi truoc ba khi sang ten xe', { asksFee: true })).toEqual(['lệ phí trước bạ']);
  });

  test('levies said beside one asked are asked too', () => {
    expect(leviesAsked('Nhận thừa kế nhà đất từ cha mẹ thì có mất thuế thu nhập cá nhân với lệ phí trước bạ không?')).toEqual([
      'lệ phí trước bạ',
      'thuế thu nhập cá nhân',
    ]);
  });

  test('a levy in the story, in a step told as done, or only as a debt on the certificate is not asked', () => {
    expect(leviesAsked('Sổ đỏ còn ghi nợ tiền sử dụng đất thì có bán hay sang tên cho người khác được không?')).toEqual([]);
    expect(leviesAsked('đã đóng trước bạ rồi, giờ sang tên xe cần gì')).toEqual([]);
    expect(leviesAsked('Mình đóng lệ phí trước bạ xong. Giờ đăng ký xe cần giấy tờ gì?')).toEqual([]);
  });
});

describe('levies of a name', () => {
  test('a declaring procedure names its levy, accents read ("TNCN" included); a registration names none', () => {
    expect(leviesOfName(LAND_LEVY)).toEqual(['lệ phí trước bạ']);
    expect(leviesOfName(PROPERTY_INCOME_TAX)).toEqual(['thuế thu nhập cá nhân']);
    expect(leviesOfName(VEHICLE_OWNER)).toEqual([]);
  });

  test('the levy asked rules out the registration and other levies, not a name about taxes in general', () => {
    const asked = ['lệ phí trước bạ'];
    expect(declaresNoneOf(asked, VEHICLE_OWNER)).toBe(true);
    expect(declaresNoneOf(asked, PROPERTY_INCOME_TAX)).toBe(true);
    expect(declaresNoneOf(asked, OTHER_ASSETS)).toBe(false);
    expect(declaresNoneOf(['thuế thu nhập cá nhân'], TAX_SETTLEMENT)).toBe(false);
  });
});
