/**
 * Citizen vocabulary → the catalog's wording. A question that says "sổ đỏ" is about "giấy
 * chứng nhận quyền sử dụng đất"; "tiền án tiền sự" is "lý lịch tư pháp". Keys are folded
 * phrases matched on syllable boundaries; the expansion is added to the query (the original
 * words stay). Maintained by hand: add a line when citizens' words miss a procedure.
 */
import { foldDiacritics, normalizeVietnamese } from './normalize.ts';

export const CITIZEN_SYNONYMS: Readonly<Record<string, string>> = {
  // identity and residence
  cccd: 'căn cước công dân thẻ căn cước',
  'can cuoc cong dan': 'thẻ căn cước',
  cmnd: 'chứng minh nhân dân căn cước',
  'chung minh thu': 'chứng minh nhân dân căn cước',
  'the can cuoc': 'căn cước',
  'ho khau': 'đăng ký thường trú cư trú',
  'nhap khau': 'đăng ký thường trú',
  'nhap ho khau': 'đăng ký thường trú',
  'tach khau': 'tách hộ đăng ký thường trú',
  'tach ho khau': 'tách hộ cư trú',
  'cat khau': 'xóa đăng ký thường trú',
  'xoa khau': 'xóa đăng ký thường trú',
  'chuyen khau': 'đăng ký thường trú',
  'dang ky tam tru': 'đăng ký tạm trú',
  'so tam tru': 'đăng ký tạm trú',
  'ktt': 'thường trú',
  'xac nhan cu tru': 'xác nhận thông tin về cư trú',
  ct07: 'xác nhận thông tin về cư trú',
  // travel
  passport: 'hộ chiếu phổ thông',
  'ho chieu': 'hộ chiếu phổ thông',
  visa: 'thị thực',
  'lam ho chieu': 'cấp hộ chiếu phổ thông',
  // civil status
  'giay khai sinh': 'đăng ký khai sinh',
  'lam khai sinh': 'đăng ký khai sinh',
  'giay chung tu': 'đăng ký khai tử',
  'bao tu': 'đăng ký khai tử',
  'chung tu': 'khai tử',
  'dang ky ket hon': 'đăng ký kết hôn',
  'giay ket hon': 'đăng ký kết hôn',
  'lay vo': 'đăng ký kết hôn',
  'lay chong': 'đăng ký kết hôn',
  'doc than': 'xác nhận tình trạng hôn nhân',
  'xac nhan doc than': 'cấp giấy xác nhận tình trạng hôn nhân',
  'nhan con': 'nhận cha mẹ con',
  'nhan con nuoi': 'đăng ký việc nuôi con nuôi',
  'xin con nuoi': 'đăng ký việc nuôi con nuôi',
  'nhan cha': 'nhận cha mẹ con',
  'sua ten': 'thay đổi cải chính thông tin hộ tịch',
  'doi ten': 'thay đổi thông tin hộ tịch',
  'sua ngay sinh': 'cải chính hộ tịch',
  'viet kieu': 'người Việt Nam định cư ở nước ngoài',
  // a lost or damaged paper is reissued ("cấp lại")
  'bi mat': 'cấp lại',
  'lam mat': 'cấp lại',
  'danh mat': 'cấp lại',
  'mat the': 'cấp lại thẻ',
  'mat giay': 'cấp lại giấy',
  'mat so': 'cấp lại sổ',
  'mat ho chieu': 'trình báo mất hộ chiếu',
  'mat cccd': 'cấp lại thẻ căn cước',
  'that lac': 'cấp lại',
  'hu hong': 'cấp lại',
  'xin lai': 'cấp lại',
  'lam lai': 'cấp lại',
  // justice
  'tien an': 'lý lịch tư pháp',
  'tien su': 'lý lịch tư pháp',
  'tien an tien su': 'phiếu lý lịch tư pháp',
  'ly lich tu phap': 'phiếu lý lịch tư pháp',
  lltp: 'lý lịch tư pháp',
  'cong chung': 'chứng thực',
  'photo cong chung': 'chứng thực bản sao từ bản chính',
  'sao y': 'chứng thực bản sao từ bản chính',
  // transport
  'bang lai': 'giấy phép lái xe',
  'bang lai xe': 'giấy phép lái xe',
  blx: 'giấy phép lái xe',
  gplx: 'giấy phép lái xe',
  'bien so': 'đăng ký biển số xe',
  'cavet': 'giấy chứng nhận đăng ký xe',
  'ca vet': 'giấy chứng nhận đăng ký xe',
  'dang kiem': 'kiểm định phương tiện',
  // land and building
  'so do': 'giấy chứng nhận quyền sử dụng đất',
  'so hong': 'giấy chứng nhận quyền sử dụng đất quyền sở hữu nhà ở',
  'giay phep xay dung': 'cấp giấy phép xây dựng',
  'xin phep xay nha': 'cấp giấy phép xây dựng nhà ở riêng lẻ',
  'xay nha': 'giấy phép xây dựng nhà ở riêng lẻ',
  // business
  'giay phep kinh doanh': 'đăng ký kinh doanh',
  'mo cong ty': 'đăng ký thành lập doanh nghiệp',
  'thanh lap cong ty': 'đăng ký thành lập doanh nghiệp',
  'mo quan': 'đăng ký hộ kinh doanh',
  'kinh doanh ca the': 'đăng ký hộ kinh doanh',
  'ho kinh doanh': 'đăng ký hộ kinh doanh',
  mst: 'mã số thuế',
  // social insurance
  'rut bao hiem': 'hưởng bảo hiểm xã hội một lần',
  'rut bhxh': 'hưởng bảo hiểm xã hội một lần',
  'bhxh 1 lan': 'hưởng bảo hiểm xã hội một lần',
  'that nghiep': 'trợ cấp thất nghiệp',
  'tro cap that nghiep': 'hưởng trợ cấp thất nghiệp',
  've sinh an toan thuc pham': 'an toàn thực phẩm',
  vsattp: 'an toàn thực phẩm',
  attp: 'an toàn thực phẩm',
  // abbreviations common in official questions
  bhxh: 'bảo hiểm xã hội',
  bhyt: 'bảo hiểm y tế',
  // …and back: names often say BHXH / BHYT / BHTN where people write the words out
  'bao hiem xa hoi': 'BHXH',
  'bao hiem y te': 'BHYT',
  'bao hiem that nghiep': 'BHTN',
  gcn: 'giấy chứng nhận',
  qsdd: 'quyền sử dụng đất',
  ubnd: 'ủy ban nhân dân',
  hdnd: 'hội đồng nhân dân',
  dkkd: 'đăng ký kinh doanh',
  gpkd: 'giấy phép kinh doanh',
  dky: 'đăng ký',
  dk: 'đăng ký',
  dki: 'đăng ký',
  tthc: 'thủ tục hành chính',
  kcht: 'kết cấu hạ tầng',
  gtdb: 'giao thông đường bộ',
  tnhh: 'trách nhiệm hữu hạn',
  htx: 'hợp tác xã',
  dn: 'doanh nghiệp',
  xnc: 'xuất nhập cảnh',
  xnk: 'xuất khẩu nhập khẩu',
  pccc: 'phòng cháy chữa cháy',
  nvqs: 'nghĩa vụ quân sự',
};

/**
 * Citizen phrases that mean something only in a context. A foreigner, a foreign nationality or
 * a country named in a civil-status matter (birth, marriage, death, adoption…) makes it one "có
 * yếu tố nước ngoài"; in a visa or residence question the same words mean nothing of the kind.
 */
const CIVIL_STATUS_EVENTS = [
  'khai sinh', 'ket hon', 'khai tu', 'ly hon', 'con nuoi', 'giam ho', 'nhan cha', 'nhan me', 'nhan con', 'ho tich',
  'cai chinh', 'tinh trang hon nhan', 'doc than', 'giay khai sinh', 'lay vo', 'lay chong',
];
const FOREIGN = 'yếu tố nước ngoài';
export const CONTEXTUAL_SYNONYMS: ReadonlyArray<{ key: string; expansion: string; context: readonly string[] }> = [
  'nguoi nuoc ngoai', 'quoc tich nuoc ngoai', 'nuoc ngoai', 'viet kieu', 'han quoc', 'trung quoc', 'nhat ban', 'dai loan',
  'hoa ky', 'campuchia', 'thai lan', 'singapore', 'canada', 'nuoc lao', 'nuoc phap', 'nuoc duc', 'nuoc uc', 'nuoc nga',
  // (one-syllable country names fold like common words: "lao" động, tư "pháp", giáo "dục")
].map((key) => ({ key, expansion: FOREIGN, context: CIVIL_STATUS_EVENTS }));

const KEYS = [
  ...Object.entries(CITIZEN_SYNONYMS).map(([key, expansion]) => ({ key, expansion, context: [] as readonly string[] })),
  ...CONTEXTUAL_SYNONYMS,
].map((entry) => ({ ...entry, syllables: entry.key.split(' ') }));

/**
 * The text once per citizen phrase found in it (folded, syllable-aligned), with that phrase
 * replaced by its catalog wording — so the words around it pair with the catalog's words too:
 * "mất sổ bảo hiểm xã hội" also reads "mất sổ BHXH", which has the pair "sổ BHXH".
 */
export function synonymRewrites(text: string): string[] {
  const words = foldDiacritics(normalizeVietnamese(text)).match(/[\p{L}\p{N}]+/gu) ?? [];
  const padded = ` ${words.join(' ')} `;
  const matches: Array<{ start: number; end: number; expansion: string }> = [];
  const contextSaid = new Map<readonly string[], boolean>(); // one look per context, not per phrase
  const says = (context: readonly string[]) => {
    if (!contextSaid.has(context)) contextSaid.set(context, context.some((phrase) => padded.includes(` ${phrase} `)));
    return contextSaid.get(context)!;
  };
  for (const { syllables, expansion, context } of KEYS) {
    if (context.length > 0 && !says(context)) continue;
    for (let i = 0; i + syllables.length <= words.length; i++) {
      if (syllables.every((s, j) => words[i + j] === s)) {
        matches.push({ start: i, end: i + syllables.length, expansion });
        break;
      }
    }
  }
  // A phrase inside a longer one found at the same place ("nhận con" in "nhận con nuôi") is not read on its own.
  const inside = (a: (typeof matches)[number], b: (typeof matches)[number]) => a !== b && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start;
  return matches
    .filter((match) => !matches.some((other) => inside(match, other)))
    .map(({ start, end, expansion }) => [...words.slice(0, start), expansion, ...words.slice(end)].join(' '));
}
