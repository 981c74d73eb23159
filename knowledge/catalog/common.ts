/**
 * Small builders shared by the bundled catalog files: fee lines, processing times, alias lists
 * and the documents every hộ tịch procedure repeats. They only shorten the records; every
 * record is still validated by `ProcedureSchema` in `./index.ts`.
 */
import type { z } from 'zod';
import type {
  FeeSchema,
  LegalBasisSchema,
  ProcessingTimeSchema,
  RequiredDocumentSchema,
} from '../schema.ts';

export type FeeInput = z.input<typeof FeeSchema>;
export type TimeInput = z.input<typeof ProcessingTimeSchema>;
export type DocumentInput = z.input<typeof RequiredDocumentSchema>;
export type LegalBasisInput = z.input<typeof LegalBasisSchema>;

/** Date of the facts taken from the mid-2026 crawl of the national portal. */
export const CRAWL_DATE = '2026-07-01';

export const NATIONAL_PORTAL = 'Cổng Dịch vụ công quốc gia https://dichvucong.gov.vn';
export const NATIONAL_PORTAL_OR_VNEID =
  'Cổng Dịch vụ công quốc gia https://dichvucong.gov.vn hoặc ứng dụng định danh quốc gia VNeID';
export const MPS_PORTAL = 'Cổng Dịch vụ công Bộ Công an https://dichvucong.bocongan.gov.vn';

/** "Hộ chiếu" → "Ho chieu"; "đ" → "d". */
export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** The given aliases plus their unaccented spellings, deduplicated, in order. */
export function aliases(...list: string[]): string[] {
  const out = new Set<string>();
  for (const alias of list) {
    out.add(alias);
    out.add(withoutDiacritics(alias));
  }
  return [...out];
}

export const workingDays = (value: number, note?: string): TimeInput => ({
  value,
  unit: 'working_days',
  ...(note ? { note } : {}),
});

export const days = (value: number, note?: string): TimeInput => ({
  value,
  unit: 'days',
  ...(note ? { note } : {}),
});

export const sameDay = (note?: string): TimeInput => ({
  value: null,
  unit: 'same_day',
  ...(note ? { note } : {}),
});

export const fixedFee = (
  label: string,
  amountVnd: number,
  note?: string,
  exemptions: string[] = [],
): FeeInput => ({ kind: 'fixed', label, amountVnd, ...(note ? { note } : {}), exemptions });

export const freeFee = (label: string, note: string, exemptions: string[] = []): FeeInput => ({
  kind: 'free',
  label,
  amountVnd: null,
  note,
  exemptions,
});

export const provinceFee = (label: string, note: string, exemptions: string[] = []): FeeInput => ({
  kind: 'set_by_province',
  label,
  amountVnd: null,
  note,
  exemptions,
});

export const unspecifiedFee = (label: string, note: string): FeeInput => ({
  kind: 'unspecified',
  label,
  amountVnd: null,
  note,
});

// ---------------------------------------------------------------- hộ tịch (civil status)

/** Who Điều 11 Luật Hộ tịch exempts from every hộ tịch fee. */
export const HO_TICH_EXEMPT = [
  'Người thuộc gia đình có công với cách mạng',
  'Người thuộc hộ nghèo',
  'Người khuyết tật',
];

/** Phí cấp bản sao trích lục hộ tịch, Thông tư 281/2016/TT-BTC. */
export const hoTichCopyFee = (what: string): FeeInput =>
  fixedFee(
    `Phí cấp bản sao ${what} (nếu có yêu cầu)`,
    8000,
    '8.000 đồng/bản sao (Thông tư 281/2016/TT-BTC).',
  );

/** Giấy tờ tùy thân, shown (not handed over) at the counter. */
export const HO_TICH_ID_DOC: DocumentInput = {
  name: 'Giấy tờ tùy thân còn giá trị: hộ chiếu, thẻ căn cước/căn cước công dân, căn cước điện tử, giấy chứng nhận căn cước hoặc giấy tờ khác có ảnh do cơ quan có thẩm quyền cấp',
  originals: 1,
  condition:
    'Xuất trình khi làm thủ tục trực tiếp. Nếu dùng hộ chiếu, thẻ căn cước, căn cước công dân thì chỉ cần cung cấp số định danh cá nhân hoặc số, ngày cấp giấy tờ để cơ quan tra cứu.',
  group: 'Giấy tờ phải xuất trình',
};

export const HO_TICH_RESIDENCE_DOC: DocumentInput = {
  name: 'Giấy tờ chứng minh thông tin về cư trú',
  originals: 1,
  condition:
    'Chỉ khi cơ quan đăng ký hộ tịch không khai thác được thông tin cư trú từ Cơ sở dữ liệu quốc gia về dân cư.',
  group: 'Giấy tờ phải xuất trình',
};

export const hoTichAuthorisationDoc = (what: string): DocumentInput => ({
  name: `Văn bản ủy quyền thực hiện ${what}`,
  originals: 1,
  condition:
    'Khi ủy quyền cho người khác. Văn bản ủy quyền phải được chứng thực, trừ khi người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền.',
  group: 'Giấy tờ phải nộp',
});

export const hoTichOnlineForm = (what: string): DocumentInput => ({
  name: `Mẫu hộ tịch điện tử tương tác ${what}`,
  originals: 1,
  condition: 'Khi nộp trực tuyến: khai theo hướng dẫn trên Cổng Dịch vụ công, không cần tờ khai giấy.',
  group: 'Giấy tờ phải nộp',
});

export const HO_TICH_POSTAL_NOTE =
  'Gửi hồ sơ qua bưu chính thì phải gửi kèm bản sao có chứng thực các giấy tờ phải xuất trình.';

export const HO_TICH_SUBMIT_NOTE =
  'Có thể nộp tại UBND cấp xã nơi cư trú (thường trú hoặc tạm trú); nộp ở xã khác thì UBND xã đó hỗ trợ nộp trực tuyến đến đúng cơ quan có thẩm quyền.';

export const LAW_HO_TICH: LegalBasisInput = { title: 'Luật Hộ tịch', number: '60/2014/QH13' };
export const ND_123_2015: LegalBasisInput = {
  title: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
  number: '123/2015/NĐ-CP',
};
export const ND_87_2020: LegalBasisInput = {
  title: 'Nghị định quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến',
  number: '87/2020/NĐ-CP',
};
export const TT_04_2020_BTP: LegalBasisInput = {
  title: 'Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định 123/2015/NĐ-CP',
  number: '04/2020/TT-BTP',
};
export const ND_120_2025: LegalBasisInput = {
  title: 'Nghị định phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp',
  number: '120/2025/NĐ-CP',
};
export const TT_85_2019_BTC: LegalBasisInput = {
  title: 'Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của HĐND tỉnh, thành phố trực thuộc trung ương',
  number: '85/2019/TT-BTC',
};
export const TT_281_2016_BTC: LegalBasisInput = {
  title: 'Thông tư quy định mức thu phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch (phí cấp bản sao trích lục hộ tịch)',
  number: '281/2016/TT-BTC',
};

export const HO_TICH_LEGAL_BASIS: LegalBasisInput[] = [
  LAW_HO_TICH,
  ND_123_2015,
  ND_87_2020,
  TT_04_2020_BTP,
  ND_120_2025,
];
