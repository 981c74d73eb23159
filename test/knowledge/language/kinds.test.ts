/**
 * Kinds of filer or object (vocabulary/kinds.json): a message naming a company rules out the
 * household business's procedure, land rules out the vehicle's, a child the adult's — and
 * nothing is ruled out when the message names no kind of that family.
 */
import { describe, expect, test } from 'vitest';
import { kindClash, kindsInMessage, kindsOfName } from '../../../knowledge/language/kinds.ts';
import { KINDS } from '../../../knowledge/language/vocabulary.ts';
import { synonymRewrites } from '../../../knowledge/language/citizen-phrases.ts';

const clashes = (message: string, name: string) => kindClash(kindsInMessage(message), kindsOfName(name));

const HOUSEHOLD = 'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh';
const COMPANY = 'Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo (đối với doanh nghiệp)';
const VEHICLE_OWNER = 'Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay đổi chủ xe';
const LAND_CHANGE = 'Đăng ký biến động đối với trường hợp thay đổi quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất';

describe('kinds of filer', () => {
  test('a company, typed with or without accents or as "cty", is not a household business, and the other way round', () => {
    for (const message of ['cty e lam an e am qua, muon tam ngung kinh doanh 1 nam', 'Công ty tôi muốn tạm ngừng kinh doanh']) {
      expect(clashes(message, HOUSEHOLD)).toBe(true);
      expect(clashes(message, COMPANY)).toBe(false);
    }
    expect(clashes('tiệm tạp hóa nhà tôi muốn tạm ngừng kinh doanh', COMPANY)).toBe(true);
    expect(clashes('hkd cua e muon tam ngung', HOUSEHOLD)).toBe(false);
  });

  test('land is not a vehicle: "sang tên miếng đất" rules out the change of a vehicle\'s owner', () => {
    expect(clashes('ông bà cho cháu miếng đất thì sang tên có mất tiền j hok ad', VEHICLE_OWNER)).toBe(true);
    expect(clashes('ông bà cho cháu miếng đất thì sang tên có mất tiền j hok ad', LAND_CHANGE)).toBe(false);
    expect(clashes('mua lai xe may cu muon sang ten', LAND_CHANGE)).toBe(true);
  });

  test('a child is not "từ đủ 14 tuổi trở lên"', () => {
    expect(clashes('Làm căn cước cho bé mấy ngày có thẻ vậy?', 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên')).toBe(true);
    expect(clashes('Làm căn cước cho bé mấy ngày có thẻ vậy?', 'Cấp thẻ căn cước cho người dưới 14 tuổi')).toBe(false);
  });

  test('nothing is ruled out when the message names no kind of the family, or the name is of both kinds', () => {
    expect(clashes('tạm ngừng kinh doanh cần gì', HOUSEHOLD)).toBe(false);
    expect(clashes('sang tên mất bao lâu', VEHICLE_OWNER)).toBe(false);
    expect(clashes('cty muon chuyen doi', 'Chuyển đổi hộ kinh doanh thành doanh nghiệp')).toBe(false);
  });

  test('a name is read with its accents: "đạt" is not land', () => {
    expect(kindsOfName('Cấp Chứng chỉ hành nghề luật sư đối với người đạt yêu cầu kiểm tra kết quả tập sự').size).toBe(0);
    expect(kindsOfName(LAND_CHANGE).get('property')).toEqual(new Set(['land']));
  });

  test('what a name excepts in parentheses is not its kind: "(trừ tàu thuyền …)" is no vessel, "(trừ xe mô tô …)" no vehicle', () => {
    const otherAssets = 'Khai lệ phí trước bạ/ Miễn lệ phí trước bạ đối với tài sản khác theo quy định của pháp luật về lệ phí trước bạ (trừ tàu thuyền đánh cá, tàu thuyền vận tải thuỷ nội địa, tàu biển nếu thiếu hồ sơ gốc hoặc đóng mới tại Việt Nam)';
    expect(kindsOfName(otherAssets).size).toBe(0);
    expect(kindsOfName('Khai lệ phí trước bạ tàu thuyền đánh cá, tàu thuyền vận tải thuỷ nội địa').get('property')).toEqual(new Set(['vessel']));
    // A name cut inside its exception still leaves it out.
    expect(kindsOfName('Cấp phép (trừ xe mô tô, xe gắn').size).toBe(0);
    expect(clashes('khai trước bạ xe máy', otherAssets)).toBe(false);
    expect(clashes('khai trước bạ tàu cá', otherAssets)).toBe(false);
  });

  test('a death told ("chồng mất", "bố em mất") rules out the insured\'s own lump sum, not the survivors\' benefit', () => {
    expect(clashes('chồng mất, rút BHXH một lần của ông ấy', 'Giải quyết hưởng bảo hiểm xã hội một lần')).toBe(true);
    expect(clashes('bo em mat nam ngoai, so bhxh', 'Giải quyết hưởng bảo hiểm xã hội một lần')).toBe(true);
    expect(clashes('chồng mất, rút BHXH một lần của ông ấy', 'Giải quyết hưởng chế độ tử tuất')).toBe(false);
    expect(clashes('rút bhxh 1 lần cần gì', 'Giải quyết hưởng bảo hiểm xã hội một lần')).toBe(false);
  });

  test('every kind has phrases for names and for messages, and message phrases are unaccented', () => {
    for (const kinds of Object.values(KINDS))
      for (const said of Object.values(kinds)) {
        expect(said.name.length).toBeGreaterThan(0);
        expect(said.message.length).toBeGreaterThan(0);
        for (const phrase of said.message) expect(phrase.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd')).toBe(phrase);
      }
  });

  test('"sang tên" reads as the catalog wording of the kind of object named, and as nothing without one', () => {
    expect(synonymRewrites('ông bà cho cháu miếng đất thì sang tên có mất tiền j hok ad').join(' ')).toContain('chuyển nhượng quyền sử dụng đất');
    expect(synonymRewrites('mua lại chiếc xe máy cũ muốn sang tên').join(' ')).toContain('thay đổi chủ xe');
    expect(synonymRewrites('sang tên mất bao lâu')).toEqual([]);
  });
});
