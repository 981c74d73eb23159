/**
 * Giấy phép lái xe (đổi, cấp lại) and đăng ký xe lần đầu — ngành Công an.
 * Source: national records 3.000347, 3.000348, 1.013067 (mid-2026 crawl); Thông tư 12/2025/TT-BCA,
 * 79/2024/TT-BCA; Thông tư 37/2023/TT-BTC, 60/2023/TT-BTC (lệ phí).
 */
import type { ProcedureInput } from '../schema.ts';
import {
  aliases,
  CRAWL_DATE,
  fixedFee,
  MPS_PORTAL,
  NATIONAL_PORTAL_OR_VNEID,
  unspecifiedFee,
  workingDays,
  type DocumentInput,
  type FeeInput,
  type LegalBasisInput,
} from './common.ts';

const GPLX_TIME = workingDays(5, 'Kể từ ngày nhận đủ hồ sơ hợp lệ; hồ sơ không đúng quy định thì được thông báo bổ sung trong 02 ngày làm việc.');
const GPLX_SUBMIT = [
  'Phòng Cảnh sát giao thông Công an cấp tỉnh, hoặc Công an cấp xã nơi được bố trí điểm tiếp nhận hồ sơ giấy phép lái xe',
  `${NATIONAL_PORTAL_OR_VNEID}, ${MPS_PORTAL}`,
];
const GPLX_AGENCY = 'Cục Cảnh sát giao thông - Bộ Công an';
const GPLX_IMPLEMENTERS = ['Phòng Cảnh sát giao thông Công an cấp tỉnh', 'Công an cấp xã (điểm tiếp nhận hồ sơ)'];

const gplxFee = (online: boolean): FeeInput =>
  fixedFee(
    'Lệ phí cấp giấy phép lái xe',
    135000,
    online
      ? '135.000 đồng/lần cấp (Thông tư 37/2023/TT-BTC). Mức giảm 115.000 đồng khi nộp trực tuyến chỉ áp dụng từ 01/12/2023 đến hết 31/12/2025 (Thông tư 63/2023/TT-BTC); số tiền phải nộp hiển thị khi thanh toán trên Cổng. Cổng Dịch vụ công quốc gia ghi "Miễn phí" ở cột phí nhưng mô tả mức 135.000 đồng.'
      : '135.000 đồng/lần cấp (Thông tư 37/2023/TT-BTC). Cổng Dịch vụ công quốc gia ghi "Miễn phí" ở cột phí nhưng mô tả mức 135.000 đồng.',
  );

const GPLX_LEGAL: LegalBasisInput[] = [
  { title: 'Luật Trật tự, an toàn giao thông đường bộ', number: '36/2024/QH15' },
  { title: 'Thông tư quy định về sát hạch, cấp giấy phép lái xe; cấp, sử dụng giấy phép lái xe quốc tế', number: '12/2025/TT-BCA' },
  { title: 'Thông tư quy định phí sát hạch lái xe; lệ phí cấp bằng, chứng chỉ hoạt động trên các loại phương tiện', number: '37/2023/TT-BTC' },
  { title: 'Thông tư sửa đổi một số Thông tư về phí, lệ phí nhằm khuyến khích sử dụng dịch vụ công trực tuyến', number: '63/2023/TT-BTC' },
  { title: 'Thông tư sửa đổi, bổ sung một số Thông tư của Bộ Tài chính về phí, lệ phí', number: '06/2025/TT-BTC' },
];

const gplxDocs = (licenceCopyCondition: string): DocumentInput[] => [
  { name: 'Đơn đề nghị đổi, cấp lại giấy phép lái xe', form: 'Mẫu tại Phụ lục XII Thông tư 12/2025/TT-BCA', originals: 1 },
  { name: 'Giấy khám sức khỏe của người lái xe còn hiệu lực, do cơ sở khám bệnh, chữa bệnh đủ điều kiện cấp', originals: 1, condition: 'Không cần đối với giấy phép lái xe hạng A1, A, B1.' },
  { name: 'Bản sao (hoặc bản sao điện tử) có chứng thực giấy phép lái xe, hoặc quyết định xử phạt đối với trường hợp bị tước giấy phép lái xe tích hợp', copies: 1, condition: licenceCopyCondition },
  { name: 'Hộ chiếu còn thời hạn', originals: 1, condition: 'Người nước ngoài, người Việt Nam định cư ở nước ngoài.' },
  { name: 'Giấy tờ khác thể hiện thông tin theo điểm d khoản 1 Điều 21 Thông tư 12/2025/TT-BCA', originals: 1, condition: 'Khi cơ quan yêu cầu.' },
];

const GPLX_STEPS = [
  'Nộp hồ sơ trực tiếp tại Phòng Cảnh sát giao thông hoặc điểm tiếp nhận của Công an cấp xã (chụp ảnh trực tiếp tại chỗ, nộp lệ phí khi được tiếp nhận), hoặc nộp trực tuyến và thanh toán lệ phí trên hệ thống.',
  'Cơ quan tra cứu hệ thống thông tin giấy phép lái xe và dữ liệu vi phạm; giấy phép chưa có dữ liệu thì phải chờ xác minh.',
  'Nhận giấy phép lái xe sau 05 ngày làm việc tại nơi nộp hoặc qua bưu chính; nộp trực tuyến thì gửi giấy phép cũ về cơ quan cấp để tiêu hủy.',
];

export const giaoThongProcedures: ProcedureInput[] = [
  {
    code: '3.000347',
    name: 'Đổi giấy phép lái xe',
    aliases: aliases('đổi bằng lái', 'đổi bằng lái xe', 'đổi giấy phép lái xe', 'đổi gplx', 'gplx', 'bằng lái', 'bằng lái xe', 'giấy phép lái xe', 'bằng lái hết hạn', 'đổi bằng lái xe ô tô', 'đổi bằng lái xe máy', 'đổi bằng lái sang thẻ pet', 'gia hạn bằng lái'),
    levels: ['tinh', 'xa'],
    sector: 'Sát hạch, cấp giấy phép lái xe',
    competentAgency: GPLX_AGENCY,
    implementingAgencies: GPLX_IMPLEMENTERS,
    submitAt: GPLX_SUBMIT,
    subjects: ['Công dân Việt Nam, người Việt Nam định cư ở nước ngoài, người nước ngoài có giấy phép lái xe Việt Nam'],
    channels: [
      { method: 'truc_tiep', time: GPLX_TIME, fees: [gplxFee(false)] },
      { method: 'truc_tuyen', time: GPLX_TIME, fees: [gplxFee(true)] },
    ],
    documents: gplxDocs('Giấy phép lái xe chưa tra cứu được trên hệ thống hoặc đang bị tước (giấy phép tích hợp).'),
    steps: GPLX_STEPS,
    result: ['Giấy phép lái xe'],
    legalBasis: GPLX_LEGAL,
    related: ['3.000348', '3.000353'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-bda8-740c-9f49-ddaae438530d',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Việc sát hạch, cấp, đổi giấy phép lái xe do ngành Công an thực hiện (trước đây là Sở Giao thông vận tải).',
      'Bản ghi trên Cổng Dịch vụ công quốc gia là thủ tục cấp bộ nhưng hồ sơ được tiếp nhận ở Phòng Cảnh sát giao thông Công an cấp tỉnh hoặc Công an cấp xã được bố trí điểm tiếp nhận.',
    ],
  },
  {
    code: '3.000348',
    name: 'Cấp lại giấy phép lái xe',
    aliases: aliases('cấp lại bằng lái', 'cấp lại giấy phép lái xe', 'cấp lại gplx', 'làm lại bằng lái', 'mất bằng lái', 'mất bằng lái xe', 'mất gplx', 'bằng lái bị mất', 'làm lại bằng lái xe máy'),
    levels: ['tinh', 'xa'],
    sector: 'Sát hạch, cấp giấy phép lái xe',
    competentAgency: GPLX_AGENCY,
    implementingAgencies: GPLX_IMPLEMENTERS,
    submitAt: GPLX_SUBMIT,
    subjects: ['Công dân Việt Nam, người Việt Nam định cư ở nước ngoài, người nước ngoài'],
    channels: [
      { method: 'truc_tiep', time: GPLX_TIME, fees: [gplxFee(false)] },
      { method: 'truc_tuyen', time: GPLX_TIME, fees: [gplxFee(true)] },
    ],
    documents: gplxDocs('Nếu có (Cổng Dịch vụ công quốc gia liệt kê trong hồ sơ).'),
    steps: GPLX_STEPS,
    result: ['Giấy phép lái xe'],
    legalBasis: GPLX_LEGAL,
    related: ['3.000347'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-bdb6-7217-affe-2819858d612c',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: ['Hỏi cơ quan tiếp nhận xem trường hợp của mình có phải sát hạch lại hay không (ví dụ giấy phép quá hạn lâu).'],
  },
  {
    code: '1.013067',
    name: 'Đăng ký, cấp biển số xe lần đầu (dịch vụ công một phần hoặc trực tiếp)',
    aliases: aliases('đăng ký xe', 'đăng ký xe máy', 'đăng ký xe ô tô', 'đăng ký ô tô', 'đăng ký xe mới', 'đăng ký xe lần đầu', 'bấm biển số', 'bốc biển số', 'biển số xe', 'cấp biển số', 'cà vẹt xe', 'làm cà vẹt', 'giấy đăng ký xe', 'chứng nhận đăng ký xe', 'mua xe mới làm giấy tờ'),
    levels: ['tinh', 'xa'],
    sector: 'Đăng ký, quản lý phương tiện giao thông cơ giới',
    competentAgency: 'Cơ quan đăng ký xe: Cục Cảnh sát giao thông, Công an cấp tỉnh, Công an cấp xã (theo phân cấp)',
    implementingAgencies: ['Phòng Cảnh sát giao thông Công an cấp tỉnh', 'Công an cấp xã được giao đăng ký xe'],
    submitAt: ['Cơ quan đăng ký xe nơi chủ xe cư trú hoặc có trụ sở (Phòng Cảnh sát giao thông Công an cấp tỉnh hoặc Công an cấp xã theo phân cấp)', `Kê khai Giấy khai đăng ký xe trên ${NATIONAL_PORTAL_OR_VNEID}`],
    subjects: ['Cá nhân, cơ quan, tổ chức là chủ xe (trong nước và nước ngoài)'],
    channels: [
      {
        method: 'truc_tiep',
        time: workingDays(2, 'Cấp chứng nhận đăng ký xe không quá 02 ngày làm việc; biển số mới được cấp ngay sau khi nhận đủ hồ sơ hợp lệ; biển số trúng đấu giá, biển số định danh, đổi biển số: không quá 07 ngày làm việc. Thời hạn tính từ khi nhận đủ hồ sơ hợp lệ và chủ xe đã nộp lệ phí.'),
        fees: [
          unspecifiedFee(
            'Lệ phí đăng ký, cấp biển số xe',
            'Mức thu theo Thông tư 60/2023/TT-BTC (sửa đổi bởi Thông tư 06/2025/TT-BTC), khác nhau theo loại xe và khu vực — hỏi cơ quan đăng ký xe hoặc xem khi thanh toán trên Cổng. Cổng Dịch vụ công quốc gia ghi "Miễn phí" ở cột phí nhưng dẫn chiếu các Thông tư này. Lệ phí trước bạ là khoản riêng, nộp trước khi đăng ký.',
          ),
        ],
        note: 'Kê khai Giấy khai đăng ký xe trên Cổng Dịch vụ công (hoặc kê khai tại cơ quan đăng ký xe), sau đó đưa xe đến kiểm tra; có thể nhận kết quả qua bưu chính.',
      },
    ],
    documents: [
      { name: 'Giấy khai đăng ký xe', form: 'Mẫu ĐKX10 (Thông tư 79/2024/TT-BCA, sửa đổi bởi Thông tư 13/2025/TT-BCA)', originals: 1, condition: 'Kê khai và ký số trên Cổng Dịch vụ công; không có chữ ký số thì in, ký tên (đóng dấu nếu là tổ chức).' },
      { name: 'Giấy tờ của chủ xe theo quy định', originals: 1 },
      { name: 'Giấy tờ của xe: chứng nhận nguồn gốc xe; chứng từ chuyển quyền sở hữu hợp pháp (hóa đơn…); chứng từ hoàn thành nghĩa vụ tài chính (lệ phí trước bạ)', originals: 1 },
    ],
    steps: [
      'Chủ xe đăng nhập Cổng Dịch vụ công, kê khai Giấy khai đăng ký xe, nhận mã hồ sơ và lịch hẹn (hoặc kê khai trực tiếp tại cơ quan đăng ký xe).',
      'Đưa xe đến cơ quan đăng ký xe để kiểm tra, cung cấp mã hồ sơ và nộp giấy tờ.',
      'Cán bộ kiểm tra giấy tờ, đối chiếu dữ liệu và kiểm tra thực tế xe; hợp lệ thì cấp biển số (biển mới hoặc biển số định danh đã có của chủ xe).',
      'Nộp lệ phí, nhận giấy hẹn và biển số; nhận chứng nhận đăng ký xe tại cơ quan đăng ký xe hoặc qua bưu chính.',
    ],
    result: ['Chứng nhận đăng ký xe', 'Biển số xe'],
    legalBasis: [
      { title: 'Luật Trật tự, an toàn giao thông đường bộ', number: '36/2024/QH15' },
      { title: 'Thông tư quy định về cấp, thu hồi chứng nhận đăng ký, biển số xe cơ giới, xe máy chuyên dùng', number: '79/2024/TT-BCA' },
      { title: 'Thông tư sửa đổi, bổ sung các thông tư về trật tự, an toàn giao thông đường bộ, đường sắt, đường thủy nội địa', number: '13/2025/TT-BCA' },
      { title: 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý lệ phí đăng ký, cấp biển số phương tiện giao thông cơ giới đường bộ', number: '60/2023/TT-BTC' },
      { title: 'Thông tư sửa đổi, bổ sung một số Thông tư của Bộ Tài chính về phí, lệ phí', number: '06/2025/TT-BTC' },
    ],
    onlineLevel: 'mot_phan',
    related: ['1.012575', '1.013066', '1.013076'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-8ebf-754a-8107-e996c9e1c18a',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Xe sản xuất, lắp ráp trong nước có thể đăng ký lần đầu trực tuyến toàn trình (thủ tục 1.012575); xe nhập khẩu: 1.013066.',
      'Biển số định danh gắn với chủ xe: chủ xe đã có biển số định danh được thu hồi thì được cấp lại biển số đó.',
      'Mua xe cũ (sang tên) là thủ tục khác (1.013076).',
    ],
  },
];
