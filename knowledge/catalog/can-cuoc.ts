/**
 * Thẻ căn cước at Công an cấp xã: cấp lần đầu (từ đủ 14 tuổi, dưới 14 tuổi), cấp đổi, cấp lại.
 * Source: national records 1.014061, 1.014062, 1.014063, 1.014064 (mid-2026 crawl); Luật Căn cước
 * 26/2023/QH15; Thông tư 73/2024/TT-BTC and 64/2025/TT-BTC (lệ phí).
 */
import type { ProcedureInput } from '../schema.ts';
import {
  aliases,
  CRAWL_DATE,
  fixedFee,
  freeFee,
  MPS_PORTAL,
  NATIONAL_PORTAL_OR_VNEID,
  workingDays,
  type DocumentInput,
  type FeeInput,
  type LegalBasisInput,
} from './common.ts';

const CC_TIME = workingDays(7, 'Không quá 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.');
const CC_SUBMIT = [
  'Công an cấp xã hoặc Bộ phận Một cửa cấp xã (nơi đã triển khai) bất kỳ trong cả nước, không phụ thuộc nơi cư trú',
  `Đặt lịch hẹn qua ${NATIONAL_PORTAL_OR_VNEID}, hoặc ${MPS_PORTAL}`,
];
const CC_AGENCY = 'Cục Cảnh sát quản lý hành chính về trật tự xã hội - Bộ Công an';
const CC_RECEIVE_NOTE = 'Giờ hành chính thứ Hai đến thứ Sáu và sáng thứ Bảy (trừ lễ, Tết). Có thể nhận thẻ qua bưu chính (trả cước theo dịch vụ).';
const CC_ONLINE_NOTE = 'Trên Cổng Dịch vụ công/VNeID: kiểm tra thông tin của mình trong Cơ sở dữ liệu quốc gia về dân cư và đặt lịch; sau đó đến Công an cấp xã để thu nhận sinh trắc học (trừ các trường hợp không phải thu nhận).';

const CC_LEGAL: LegalBasisInput[] = [
  { title: 'Luật Căn cước', number: '26/2023/QH15' },
  { title: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước', number: '70/2024/NĐ-CP' },
  { title: 'Thông tư quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước', number: '17/2024/TT-BCA' },
  { title: 'Thông tư quy định về mẫu thẻ căn cước, mẫu giấy chứng nhận căn cước', number: '16/2024/TT-BCA' },
  { title: 'Thông tư quy định về quy trình cấp, cấp đổi, cấp lại thẻ căn cước, giấy chứng nhận căn cước', number: '18/2024/TT-BCA' },
  { title: 'Thông tư sửa đổi, bổ sung Thông tư 55/2021/TT-BCA, 56/2021/TT-BCA (cư trú) và 17/2024/TT-BCA (căn cước)', number: '53/2025/TT-BCA' },
  { title: 'Thông tư quy định mức thu, miễn, chế độ thu, nộp lệ phí cấp đổi, cấp lại thẻ căn cước', number: '73/2024/TT-BTC' },
];
const TT_64_2025: LegalBasisInput = { title: 'Thông tư quy định mức thu, miễn một số khoản phí, lệ phí nhằm hỗ trợ doanh nghiệp, người dân', number: '64/2025/TT-BTC' };

const firstIssueFee: FeeInput = freeFee(
  'Lệ phí cấp thẻ căn cước lần đầu',
  'Không thu lệ phí khi cấp thẻ căn cước lần đầu — Thông tư 73/2024/TT-BTC chỉ quy định lệ phí cấp đổi (50.000 đồng) và cấp lại (70.000 đồng).',
);

const HALF_RATE_NOTE = 'từ 01/7/2025 đến hết 31/12/2026 thu bằng 50% mức quy định (Thông tư 64/2025/TT-BTC). Các trường hợp được miễn lệ phí theo Thông tư 73/2024/TT-BTC.';

const ccDocs = (extra: DocumentInput[] = []): DocumentInput[] => [
  { name: 'Phiếu đề nghị giải quyết thủ tục về căn cước', form: 'Mẫu DC02 (Thông tư 17/2024/TT-BCA)', originals: 1, condition: 'Nộp trực tuyến thì khai biểu mẫu điện tử.' },
  { name: 'Phiếu thu nhận thông tin căn cước (CC01)', form: 'Mẫu CC01 — cán bộ in từ Cơ sở dữ liệu quốc gia về dân cư để công dân kiểm tra, ký xác nhận', originals: 1 },
  { name: 'Phiếu thu thập thông tin dân cư kèm giấy tờ pháp lý chứa thông tin công dân', form: 'Mẫu DC01 (Thông tư 53/2025/TT-BCA)', originals: 1, condition: 'Chỉ khi công dân chưa có thông tin trong Cơ sở dữ liệu quốc gia về dân cư.' },
  ...extra,
];

const REPRESENTATIVE_DOC: DocumentInput = {
  name: 'Giấy tờ, tài liệu chứng minh là người đại diện hợp pháp của người dưới 14 tuổi',
  originals: 1,
  condition: 'Người đại diện làm thủ tục cho người dưới 14 tuổi.',
};

const CC_STEPS = [
  'Đến Công an cấp xã (hoặc đặt lịch trước trên Cổng Dịch vụ công/VNeID); cung cấp họ tên, số định danh cá nhân, nơi cư trú.',
  'Cán bộ tra cứu Cơ sở dữ liệu quốc gia về dân cư để lập hồ sơ; thông tin cần điều chỉnh thì hướng dẫn điều chỉnh trước.',
  'Thu nhận vân tay, ảnh khuôn mặt, mống mắt (người từ đủ 06 tuổi); công dân kiểm tra và ký Phiếu CC01.',
  'Nộp lại thẻ cũ (nếu có), nộp lệ phí (nếu có), nhận giấy hẹn (mẫu CC02).',
  'Nhận thẻ tại Công an cấp xã hoặc qua bưu chính.',
];

export const canCuocProcedures: ProcedureInput[] = [
  {
    code: '1.014061',
    name: 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên',
    aliases: aliases('căn cước', 'thẻ căn cước', 'làm căn cước', 'cấp căn cước', 'căn cước công dân', 'cccd', 'làm cccd', 'làm căn cước công dân', 'cmnd', 'chứng minh thư', 'chứng minh nhân dân', 'làm chứng minh thư', 'làm căn cước lần đầu', 'đổi cmnd sang căn cước', 'căn cước gắn chip'),
    levels: ['xa'],
    sector: 'Cấp, quản lý căn cước',
    competentAgency: CC_AGENCY,
    implementingAgencies: ['Công an cấp xã'],
    submitAt: CC_SUBMIT,
    subjects: ['Công dân Việt Nam từ đủ 14 tuổi trở lên'],
    channels: [
      { method: 'truc_tiep', time: CC_TIME, fees: [firstIssueFee], note: CC_RECEIVE_NOTE },
      { method: 'truc_tuyen', time: CC_TIME, fees: [firstIssueFee], note: CC_ONLINE_NOTE },
    ],
    documents: ccDocs(),
    steps: CC_STEPS,
    result: ['Thẻ căn cước'],
    legalBasis: CC_LEGAL,
    related: ['2.000200', '1.014062', '1.014063', '1.014064'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-9e11-77ef-bf03-ae190acb0be3',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Công dân từ đủ 14 tuổi trở lên phải làm thủ tục cấp thẻ căn cước (Luật Căn cước).',
      'Chứng minh nhân dân hết giá trị sử dụng từ 01/01/2025; thẻ căn cước công dân còn hạn vẫn được dùng đến hết thời hạn ghi trên thẻ.',
      'Cũng có thể làm tại Công an cấp tỉnh (thủ tục 2.000200).',
    ],
  },
  {
    code: '1.014062',
    name: 'Cấp thẻ căn cước cho người dưới 14 tuổi',
    aliases: aliases('căn cước cho con', 'làm căn cước cho con', 'làm căn cước cho bé', 'căn cước cho trẻ em', 'căn cước dưới 14 tuổi', 'cccd cho trẻ em', 'căn cước cho trẻ dưới 6 tuổi'),
    levels: ['xa'],
    sector: 'Cấp, quản lý căn cước',
    competentAgency: CC_AGENCY,
    implementingAgencies: ['Công an cấp xã'],
    submitAt: CC_SUBMIT,
    subjects: ['Người đại diện hợp pháp của công dân Việt Nam dưới 14 tuổi'],
    channels: [
      { method: 'truc_tiep', time: CC_TIME, fees: [firstIssueFee], note: CC_RECEIVE_NOTE },
      { method: 'truc_tuyen', time: CC_TIME, fees: [firstIssueFee], note: 'Người dưới 06 tuổi: người đại diện làm hoàn toàn trên Cổng Dịch vụ công/VNeID, không phải thu nhận sinh trắc học. Từ đủ 06 đến dưới 14 tuổi: đặt lịch rồi đưa trẻ đến thu nhận sinh trắc học.' },
    ],
    documents: ccDocs([REPRESENTATIVE_DOC]),
    steps: [
      'Người đại diện hợp pháp đến Công an cấp xã cùng trẻ (hoặc nộp trực tuyến với trẻ dưới 06 tuổi).',
      ...CC_STEPS.slice(1),
    ],
    result: ['Thẻ căn cước'],
    legalBasis: CC_LEGAL,
    related: ['1.012549', '1.014061'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-9e16-74eb-bb7b-a492aadf15a0',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: ['Công dân dưới 14 tuổi được cấp thẻ căn cước theo nhu cầu (không bắt buộc).'],
  },
  {
    code: '1.014063',
    name: 'Cấp đổi thẻ căn cước',
    aliases: aliases('đổi căn cước', 'cấp đổi căn cước', 'cấp đổi thẻ căn cước', 'đổi thẻ căn cước', 'đổi cccd', 'đổi căn cước công dân', 'đổi căn cước khi đủ 25 tuổi', 'đổi căn cước 40 tuổi', 'đổi căn cước 60 tuổi', 'đổi căn cước do sai thông tin', 'đổi căn cước do sáp nhập tỉnh', 'căn cước bị hỏng'),
    levels: ['xa'],
    sector: 'Cấp, quản lý căn cước',
    competentAgency: CC_AGENCY,
    implementingAgencies: ['Công an cấp xã'],
    submitAt: CC_SUBMIT,
    subjects: ['Công dân Việt Nam đã được cấp thẻ căn cước/căn cước công dân'],
    channels: [
      { method: 'truc_tiep', time: CC_TIME, fees: [exchangeFee()], note: CC_RECEIVE_NOTE },
      { method: 'truc_tuyen', time: CC_TIME, fees: [exchangeFee()], note: `${CC_ONLINE_NOTE} Cấp đổi cho người dưới 06 tuổi hoặc do sắp xếp đơn vị hành chính có thể làm hoàn toàn trực tuyến.` },
    ],
    documents: ccDocs([REPRESENTATIVE_DOC]),
    steps: CC_STEPS,
    conditions: [
      'Các trường hợp cấp đổi (khoản 1 Điều 24 Luật Căn cước), gồm: đủ 14, 25, 40, 60 tuổi; thay đổi, cải chính thông tin trên thẻ; thay đổi đặc điểm nhân dạng, xác định lại giới tính hoặc chuyển đổi giới tính; có sai sót thông tin trên thẻ; thẻ bị hư hỏng không dùng được.',
    ],
    result: ['Thẻ căn cước'],
    legalBasis: [...CC_LEGAL, TT_64_2025],
    related: ['2.001195', '1.014064'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-9e0f-730b-9510-60349ebab5b2',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Thẻ được cấp, cấp đổi, cấp lại trong vòng 02 năm trước tuổi phải đổi (25, 40, 60) thì vẫn dùng được đến tuổi đổi tiếp theo.',
      'Mất thẻ thì làm thủ tục cấp lại (1.014064), không phải cấp đổi.',
    ],
  },
  {
    code: '1.014064',
    name: 'Cấp lại thẻ căn cước',
    aliases: aliases('cấp lại căn cước', 'cấp lại thẻ căn cước', 'làm lại căn cước', 'mất căn cước', 'mất thẻ căn cước', 'mất cccd', 'làm lại cccd', 'cấp lại cccd', 'mất căn cước công dân'),
    levels: ['xa'],
    sector: 'Cấp, quản lý căn cước',
    competentAgency: CC_AGENCY,
    implementingAgencies: ['Công an cấp xã'],
    submitAt: CC_SUBMIT,
    subjects: ['Công dân Việt Nam bị mất thẻ căn cước hoặc được trở lại quốc tịch Việt Nam'],
    channels: [
      { method: 'truc_tiep', time: CC_TIME, fees: [reissueFee()], note: CC_RECEIVE_NOTE },
      { method: 'truc_tuyen', time: CC_TIME, fees: [reissueFee()], note: CC_ONLINE_NOTE },
    ],
    documents: ccDocs([REPRESENTATIVE_DOC]),
    steps: CC_STEPS,
    conditions: ['Cấp lại khi bị mất thẻ căn cước hoặc được trở lại quốc tịch Việt Nam (khoản 2 Điều 24 Luật Căn cước).'],
    result: ['Thẻ căn cước'],
    legalBasis: [...CC_LEGAL, TT_64_2025],
    related: ['2.001194', '1.014063'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-9e0b-7681-bd68-83f1e84c1cc7',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: ['Thẻ bị hư hỏng (không mất) thì làm thủ tục cấp đổi (1.014063).'],
  },
];

function exchangeFee(): FeeInput {
  return fixedFee('Lệ phí cấp đổi thẻ căn cước', 25000, `Mức quy định 50.000 đồng/thẻ (Thông tư 73/2024/TT-BTC); ${HALF_RATE_NOTE}`, [
    'Các trường hợp miễn lệ phí theo Thông tư 73/2024/TT-BTC (hỏi Công an cấp xã)',
  ]);
}

function reissueFee(): FeeInput {
  return fixedFee('Lệ phí cấp lại thẻ căn cước', 35000, `Mức quy định 70.000 đồng/thẻ (Thông tư 73/2024/TT-BTC); ${HALF_RATE_NOTE}`, [
    'Các trường hợp miễn lệ phí theo Thông tư 73/2024/TT-BTC (hỏi Công an cấp xã)',
  ]);
}
