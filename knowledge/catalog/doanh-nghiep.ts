/**
 * Đăng ký hộ kinh doanh (cấp xã) and đăng ký thành lập công ty TNHH, cổ phần (cấp tỉnh).
 * Source: national records 1.001612, 2.001583, 2.001199, 2.002043 (mid-2026 crawl); Luật Doanh
 * nghiệp, Nghị định 168/2025/NĐ-CP; Thông tư 47/2019/TT-BTC and 64/2025/TT-BTC (phí, lệ phí).
 */
import type { ProcedureInput } from '../schema.ts';
import {
  aliases,
  CRAWL_DATE,
  fixedFee,
  freeFee,
  provinceFee,
  TT_85_2019_BTC,
  workingDays,
  type DocumentInput,
  type FeeInput,
  type LegalBasisInput,
} from './common.ts';

const BUSINESS_PORTAL = 'Cổng thông tin quốc gia về đăng ký doanh nghiệp https://dangkykinhdoanh.gov.vn';
const THREE_DAYS = workingDays(3, 'Kể từ ngày nhận hồ sơ hợp lệ; hồ sơ chưa hợp lệ thì được thông báo bằng văn bản nội dung cần sửa đổi, bổ sung trong thời hạn này.');

const DN_LAW: LegalBasisInput[] = [
  { title: 'Luật Doanh nghiệp', number: '59/2020/QH14' },
  { title: 'Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp', number: '76/2025/QH15' },
  { title: 'Nghị định về đăng ký doanh nghiệp', number: '168/2025/NĐ-CP' },
  { title: 'Thông tư ban hành biểu mẫu sử dụng trong đăng ký doanh nghiệp, đăng ký hộ kinh doanh', number: '68/2025/TT-BTC' },
];

const hkdFee: FeeInput = provinceFee(
  'Lệ phí đăng ký hộ kinh doanh',
  'Mức lệ phí do HĐND cấp tỉnh quy định (Thông tư 85/2019/TT-BTC) — xem nghị quyết của HĐND tỉnh nơi đăng ký hoặc hỏi cơ quan đăng ký kinh doanh cấp xã. Nộp khi nộp hồ sơ; không được hoàn trả nếu không được cấp đăng ký. Cổng Dịch vụ công quốc gia ghi 150.000 đồng khi nộp trực tuyến hoặc qua bưu chính và 50.000 đồng khi nộp trực tiếp, đều kèm ghi chú mức cụ thể do HĐND tỉnh quyết định.',
);

const registrationFeeDirect: FeeInput = fixedFee(
  'Lệ phí đăng ký doanh nghiệp',
  25000,
  'Mức quy định 50.000 đồng/lần (Thông tư 47/2019/TT-BTC); từ 01/7/2025 đến hết 31/12/2026 thu bằng 50% mức quy định (Thông tư 64/2025/TT-BTC), theo mô tả trên Cổng Dịch vụ công quốc gia.',
);
const registrationFeeOnline: FeeInput = freeFee(
  'Lệ phí đăng ký doanh nghiệp',
  'Miễn lệ phí đăng ký doanh nghiệp khi đăng ký qua mạng thông tin điện tử (Thông tư 47/2019/TT-BTC).',
);
const publicationFee: FeeInput = fixedFee(
  'Phí công bố nội dung đăng ký doanh nghiệp',
  100000,
  '100.000 đồng/lần (Thông tư 47/2019/TT-BTC); nộp cùng hồ sơ, được hoàn trả nếu doanh nghiệp không được cấp đăng ký.',
);

const companyDocs = (memberList?: DocumentInput): DocumentInput[] => [
  { name: 'Giấy đề nghị đăng ký doanh nghiệp', form: 'Mẫu ban hành kèm Thông tư 68/2025/TT-BTC', originals: 1 },
  { name: 'Điều lệ công ty', originals: 1 },
  ...(memberList ? [memberList] : []),
  { name: 'Danh sách chủ sở hữu hưởng lợi của doanh nghiệp', originals: 1, condition: 'Nếu có.' },
  { name: 'Bản sao giấy tờ pháp lý của cá nhân (chủ sở hữu/thành viên/cổ đông là cá nhân, người đại diện theo pháp luật)', copies: 1, condition: 'Không cần nếu đã kê khai số định danh cá nhân.' },
  { name: 'Bản sao giấy tờ pháp lý của tổ chức và văn bản cử người đại diện theo ủy quyền', copies: 1, condition: 'Chủ sở hữu/thành viên/cổ đông là tổ chức; tổ chức nước ngoài thì phải hợp pháp hóa lãnh sự; không cần nếu khai thác được trong Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp.' },
  { name: 'Bản sao Giấy chứng nhận đăng ký đầu tư', copies: 1, condition: 'Nhà đầu tư nước ngoài theo Luật Đầu tư.' },
  { name: 'Văn bản ủy quyền cho cá nhân làm thủ tục (không bắt buộc công chứng, chứng thực); hoặc hợp đồng dịch vụ và giấy giới thiệu nếu ủy quyền cho tổ chức', originals: 1, condition: 'Khi ủy quyền người khác nộp hồ sơ; người ủy quyền và người được ủy quyền phải xác thực điện tử.' },
];

interface CompanyKind {
  code: string;
  name: string;
  /** "công ty cổ phần" — used in subjects and result. */
  type: string;
  aliases: string[];
  sourceUrl: string;
  /** Danh sách thành viên / cổ đông sáng lập, when the company type needs one. */
  memberList?: DocumentInput;
}

/** The three company types share channels, fees, steps and most documents. */
function company({ code, name, type, aliases: extraAliases, sourceUrl, memberList }: CompanyKind): ProcedureInput {
  return {
    code,
    name,
    aliases: aliases(...extraAliases, 'thành lập công ty', 'đăng ký thành lập doanh nghiệp', 'đăng ký doanh nghiệp', 'mở công ty', 'lập công ty', 'giấy phép kinh doanh công ty', 'giấy chứng nhận đăng ký doanh nghiệp', 'đăng ký kinh doanh công ty'),
    levels: ['tinh'],
    sector: 'Thành lập và hoạt động của doanh nghiệp',
    competentAgency: 'Cơ quan đăng ký kinh doanh cấp tỉnh (Phòng Đăng ký kinh doanh - Sở Tài chính)',
    implementingAgencies: ['Phòng Đăng ký kinh doanh - Sở Tài chính tỉnh, thành phố'],
    submitAt: ['Phòng Đăng ký kinh doanh - Sở Tài chính tỉnh, thành phố nơi đặt trụ sở chính', BUSINESS_PORTAL],
    subjects: [`Cá nhân, tổ chức thành lập ${type}`],
    channels: [
      { method: 'truc_tiep', time: THREE_DAYS, fees: [registrationFeeDirect, publicationFee] },
      { method: 'buu_chinh', time: THREE_DAYS, fees: [registrationFeeDirect, publicationFee] },
      { method: 'truc_tuyen', time: THREE_DAYS, fees: [registrationFeeOnline, publicationFee], note: 'Đăng nhập bằng tài khoản định danh điện tử, kê khai, tải văn bản điện tử, ký số hoặc ký xác thực và thanh toán trên Cổng thông tin quốc gia về đăng ký doanh nghiệp.' },
    ],
    documents: companyDocs(memberList),
    steps: [
      'Nộp hồ sơ tại Phòng Đăng ký kinh doanh nơi đặt trụ sở chính (trực tiếp, bưu chính) hoặc qua Cổng thông tin quốc gia về đăng ký doanh nghiệp; nộp lệ phí và phí công bố.',
      'Trong 03 ngày làm việc, cơ quan đăng ký kinh doanh xem xét hồ sơ, cấp Giấy chứng nhận đăng ký doanh nghiệp hoặc thông báo sửa đổi, bổ sung/từ chối bằng văn bản nêu rõ lý do.',
      'Nội dung đăng ký doanh nghiệp được công bố công khai trên Cổng thông tin quốc gia về đăng ký doanh nghiệp.',
    ],
    conditions: [
      'Ngành, nghề đăng ký kinh doanh không bị cấm đầu tư kinh doanh.',
      'Tên doanh nghiệp đặt đúng quy định của Luật Doanh nghiệp.',
      'Hồ sơ đăng ký hợp lệ và đã nộp đủ phí, lệ phí.',
    ],
    result: [`Giấy chứng nhận đăng ký doanh nghiệp (${type}); mã số doanh nghiệp đồng thời là mã số thuế`],
    legalBasis: [...DN_LAW, { title: 'Thông tư quy định phí, lệ phí đăng ký doanh nghiệp', number: '47/2019/TT-BTC' }, { title: 'Thông tư quy định mức thu, miễn một số khoản phí, lệ phí nhằm hỗ trợ doanh nghiệp, người dân', number: '64/2025/TT-BTC' }],
    related: ['2.001583', '2.001199', '2.002043', '2.001610'].filter((c) => c !== code),
    sourceUrl,
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Cổng Dịch vụ công quốc gia ghi 50.000 đồng ở dòng nộp trực tiếp kèm mô tả "bằng 50% mức thu" theo Thông tư 64/2025/TT-BTC; mức gốc là 50.000 đồng, mức đang thu (đến hết 31/12/2026) là 25.000 đồng — xác nhận khi nộp hồ sơ.',
      'Có các hồ sơ riêng cho doanh nghiệp xã hội, chuyển đổi từ hộ kinh doanh, công ty chứng khoán… — xem Cổng thông tin quốc gia về đăng ký doanh nghiệp.',
    ],
  };
}

export const doanhNghiepProcedures: ProcedureInput[] = [
  {
    code: '1.001612',
    name: 'Đăng ký thành lập hộ kinh doanh',
    aliases: aliases('hộ kinh doanh', 'đăng ký hộ kinh doanh', 'thành lập hộ kinh doanh', 'hkd', 'đăng ký kinh doanh hộ cá thể', 'giấy phép kinh doanh hộ cá thể', 'đăng ký kinh doanh cá thể', 'mở hộ kinh doanh', 'giấy phép kinh doanh', 'đăng ký kinh doanh', 'mở quán', 'mở cửa hàng'),
    levels: ['xa'],
    sector: 'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)',
    competentAgency: 'Cơ quan đăng ký kinh doanh cấp xã',
    implementingAgencies: ['Cơ quan đăng ký kinh doanh cấp xã'],
    submitAt: ['Cơ quan đăng ký kinh doanh cấp xã nơi hộ kinh doanh đặt trụ sở, hoặc cơ quan đăng ký kinh doanh cấp xã bất kỳ trong cùng tỉnh, thành phố', 'Hệ thống thông tin về đăng ký hộ kinh doanh (đăng nhập bằng tài khoản định danh điện tử)'],
    subjects: ['Cá nhân, thành viên hộ gia đình là công dân Việt Nam'],
    channels: [
      { method: 'truc_tiep', time: THREE_DAYS, fees: [hkdFee] },
      { method: 'buu_chinh', time: THREE_DAYS, fees: [hkdFee] },
      { method: 'truc_tuyen', time: THREE_DAYS, fees: [hkdFee], note: 'Kê khai, tải văn bản điện tử, ký số và thanh toán lệ phí trên Hệ thống thông tin về đăng ký hộ kinh doanh.' },
    ],
    documents: [
      { name: 'Giấy đề nghị đăng ký hộ kinh doanh', form: 'Mẫu ban hành kèm Thông tư 68/2025/TT-BTC', originals: 1 },
      { name: 'Bản sao văn bản ủy quyền của các thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh (có công chứng hoặc chứng thực)', copies: 1, condition: 'Hộ kinh doanh do các thành viên hộ gia đình đăng ký thành lập.' },
      { name: 'Văn bản ủy quyền cho cá nhân làm thủ tục (không bắt buộc công chứng, chứng thực); hoặc bản sao hợp đồng dịch vụ và giấy giới thiệu nếu ủy quyền cho tổ chức', copies: 1, condition: 'Khi ủy quyền người khác làm thủ tục; người ủy quyền và người được ủy quyền phải xác thực điện tử.' },
      { name: 'Bản sao thẻ căn cước/căn cước công dân còn hiệu lực của người ủy quyền', copies: 1, condition: 'Người ủy quyền chưa có tài khoản định danh điện tử.' },
    ],
    steps: [
      'Nộp hồ sơ tại cơ quan đăng ký kinh doanh cấp xã (trực tiếp, bưu chính) hoặc qua mạng; nộp lệ phí.',
      'Trong 03 ngày làm việc, cơ quan đăng ký kinh doanh cấp xã cấp Giấy chứng nhận đăng ký hộ kinh doanh và gửi thông tin sang cơ quan thuế; hồ sơ chưa đủ thì thông báo bằng văn bản nội dung cần sửa đổi, bổ sung.',
    ],
    result: ['Giấy chứng nhận đăng ký hộ kinh doanh'],
    legalBasis: [...DN_LAW, TT_85_2019_BTC],
    related: ['2.000720', '1.001570', '1.001266'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfb-d76d-737f-81b9-69258b07240b',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: ['Thay đổi nội dung, tạm ngừng, chấm dứt hoạt động hộ kinh doanh là các thủ tục riêng (2.000720, 1.001570, 1.001266).'],
  },
  company({
    code: '2.001583',
    name: 'Đăng ký thành lập công ty TNHH một thành viên',
    type: 'công ty TNHH một thành viên',
    aliases: ['công ty tnhh một thành viên', 'thành lập công ty tnhh 1 thành viên', 'tnhh 1tv', 'mở công ty tnhh'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfc-d9f0-76fe-bad4-a0b00c677c26',
  }),
  company({
    code: '2.001199',
    name: 'Đăng ký thành lập công ty TNHH hai thành viên trở lên',
    type: 'công ty TNHH hai thành viên trở lên',
    aliases: ['công ty tnhh hai thành viên', 'thành lập công ty tnhh 2 thành viên', 'tnhh 2tv'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfc-d9ec-752c-8a4c-606fd43a5881',
    memberList: { name: 'Danh sách thành viên', originals: 1 },
  }),
  company({
    code: '2.002043',
    name: 'Đăng ký thành lập công ty cổ phần',
    type: 'công ty cổ phần',
    aliases: ['công ty cổ phần', 'thành lập công ty cổ phần', 'mở công ty cổ phần', 'ctcp'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfc-e1a1-723a-9dd8-0513fa05b150',
    memberList: { name: 'Danh sách cổ đông sáng lập; danh sách cổ đông là nhà đầu tư nước ngoài (nếu có)', originals: 1 },
  }),
];
