/**
 * Hộ chiếu phổ thông ở trong nước, cấp tại Phòng Quản lý xuất nhập cảnh Công an cấp tỉnh.
 * Source: national record 1.001456 (mid-2026 crawl); Luật Xuất cảnh, nhập cảnh của công dân
 * Việt Nam; Thông tư 25/2021/TT-BTC (lệ phí).
 */
import type { ProcedureInput } from '../schema.ts';
import { aliases, CRAWL_DATE, fixedFee, MPS_PORTAL, NATIONAL_PORTAL, workingDays, type FeeInput } from './common.ts';

const PASSPORT_TIME = workingDays(8, 'Kể từ ngày nhận đủ hồ sơ hợp lệ.');

const passportFees = (online: boolean): FeeInput[] => [
  fixedFee(
    'Lệ phí cấp hộ chiếu',
    200000,
    online
      ? '200.000 đồng/hộ chiếu (Thông tư 25/2021/TT-BTC). Cổng Dịch vụ công quốc gia còn ghi 160.000 đồng cho hồ sơ trực tuyến — đó là mức giảm tạm thời theo Thông tư 44/2023/TT-BTC, chỉ áp dụng đến hết 31/12/2023. Số tiền phải nộp hiển thị khi thanh toán trên Cổng.'
      : '200.000 đồng/hộ chiếu, áp dụng cho cả hộ chiếu gắn chíp và không gắn chíp (Thông tư 25/2021/TT-BTC).',
  ),
  fixedFee('Lệ phí cấp lại hộ chiếu do bị hỏng hoặc bị mất', 400000, '400.000 đồng/hộ chiếu (Thông tư 25/2021/TT-BTC).'),
];

export const xuatNhapCanhProcedures: ProcedureInput[] = [
  {
    code: '1.001456',
    name: 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)',
    aliases: aliases('hộ chiếu', 'làm hộ chiếu', 'cấp hộ chiếu', 'xin hộ chiếu', 'passport', 'làm passport', 'hc', 'hộ chiếu phổ thông', 'hộ chiếu gắn chip', 'đổi hộ chiếu', 'gia hạn hộ chiếu', 'làm lại hộ chiếu', 'cấp lại hộ chiếu', 'hộ chiếu cho trẻ em', 'làm hộ chiếu cho con'),
    levels: ['tinh'],
    sector: 'Quản lý xuất nhập cảnh',
    competentAgency: 'Cục Quản lý xuất nhập cảnh - Bộ Công an',
    implementingAgencies: ['Phòng Quản lý xuất nhập cảnh Công an cấp tỉnh'],
    submitAt: [
      'Phòng Quản lý xuất nhập cảnh Công an cấp tỉnh: lần đầu tại nơi thường trú hoặc tạm trú (có thẻ căn cước/căn cước công dân thì tại nơi thuận lợi); từ lần thứ hai tại nơi thuận lợi',
      NATIONAL_PORTAL,
      MPS_PORTAL,
    ],
    subjects: ['Công dân Việt Nam'],
    channels: [
      { method: 'truc_tiep', time: PASSPORT_TIME, fees: passportFees(false), note: 'Nộp vào giờ hành chính các ngày làm việc (một số nơi nhận cả sáng thứ Bảy); xuất trình thẻ căn cước/căn cước công dân hoặc hộ chiếu còn giá trị.' },
      { method: 'truc_tuyen', time: PASSPORT_TIME, fees: passportFees(true), note: 'Giấy tờ nộp trực tuyến phải được chứng thực điện tử; chưa chứng thực điện tử thì gửi bổ sung qua bưu chính công ích theo thông báo của cơ quan xuất nhập cảnh.' },
      { method: 'buu_chinh', time: PASSPORT_TIME, fees: passportFees(false), note: 'Dùng để gửi bổ sung hồ sơ đã nộp trực tuyến; có thể nhận hộ chiếu qua bưu chính (trả phí chuyển phát).' },
    ],
    documents: [
      { name: 'Tờ khai đề nghị cấp hộ chiếu phổ thông ở trong nước', form: 'Mẫu TK01 (từ 14 tuổi trở lên) hoặc TK01a (dưới 14 tuổi) — Thông tư 31/2023/TT-BCA', originals: 1, condition: 'Người chưa đủ 14 tuổi, người mất năng lực hành vi dân sự hoặc khó khăn trong nhận thức, làm chủ hành vi: người đại diện hợp pháp khai và ký thay.' },
      { name: 'Ảnh chân dung cỡ 4cm x 6cm, chụp không quá 06 tháng, mặt nhìn thẳng, đầu để trần, rõ mặt, rõ hai tai, không đeo kính, trang phục lịch sự, phông nền trắng', originals: 1 },
      { name: 'Hộ chiếu phổ thông cấp lần gần nhất', originals: 1, condition: 'Người đã được cấp hộ chiếu; hộ chiếu còn hạn bị mất thì kèm đơn báo mất hoặc thông báo đã tiếp nhận đơn báo mất.' },
      { name: 'Bản sao Giấy khai sinh hoặc trích lục khai sinh', copies: 1, condition: 'Người chưa đủ 14 tuổi chưa có số định danh cá nhân; không có bản sao thì nộp bản chụp và xuất trình bản chính.' },
      { name: 'Bản sao giấy tờ chứng minh người đại diện hợp pháp', copies: 1, condition: 'Người chưa đủ 14 tuổi, người mất năng lực hành vi dân sự, người khó khăn trong nhận thức, làm chủ hành vi; không có bản sao thì nộp bản chụp và xuất trình bản chính.' },
    ],
    steps: [
      'Chuẩn bị hồ sơ; nộp trực tiếp tại Phòng Quản lý xuất nhập cảnh Công an cấp tỉnh hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia/Cổng Dịch vụ công Bộ Công an.',
      'Cán bộ kiểm tra hồ sơ; hồ sơ đủ thì cấp giấy hẹn và thu lệ phí (hoặc thông báo thanh toán trực tuyến); hồ sơ thiếu thì hướng dẫn bổ sung.',
      'Nhận hộ chiếu tại cơ quan xuất nhập cảnh (mang giấy hẹn, xuất trình giấy tờ tùy thân) hoặc qua bưu chính.',
    ],
    result: ['Hộ chiếu phổ thông (gắn chíp điện tử hoặc không gắn chíp)'],
    legalBasis: [
      { title: 'Luật Xuất cảnh, nhập cảnh của công dân Việt Nam', number: '49/2019/QH14' },
      { title: 'Luật sửa đổi, bổ sung Luật Xuất cảnh, nhập cảnh của công dân Việt Nam và Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam', number: '23/2023/QH15' },
      { title: 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí trong lĩnh vực xuất cảnh, nhập cảnh, quá cảnh, cư trú tại Việt Nam', number: '25/2021/TT-BTC' },
      { title: 'Thông tư quy định về mẫu hộ chiếu, mẫu giấy thông hành và các biểu mẫu liên quan', number: '31/2023/TT-BCA' },
    ],
    related: ['1.001471', '1.001445'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-5fda-7370-bc07-6f1fd02ffcc4',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Hộ chiếu phổ thông cấp cho người từ đủ 14 tuổi có thời hạn 10 năm; người chưa đủ 14 tuổi có thời hạn 05 năm; hộ chiếu không được gia hạn — hết hạn thì làm thủ tục cấp mới.',
      'Cũng có thể nộp tại Cục Quản lý xuất nhập cảnh - Bộ Công an (thủ tục cấp trung ương 1.001471).',
      'Mất hộ chiếu: trình báo mất trước (thủ tục 1.001445 hoặc tại Công an cấp xã), rồi đề nghị cấp lại (lệ phí 400.000 đồng).',
    ],
  },
];
