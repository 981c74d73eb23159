/**
 * Cư trú at Công an cấp xã: đăng ký thường trú, đăng ký tạm trú, xác nhận thông tin về cư trú.
 * Source: national records 1.004222, 1.004194, 1.010041 (mid-2026 crawl); Luật Cư trú 68/2020/QH14;
 * Thông tư 75/2022/TT-BTC (lệ phí, sửa đổi bởi Thông tư 71/2025/TT-BTC).
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
  type LegalBasisInput,
} from './common.ts';

const CT_SUBMIT = (where: string) => [where, `${NATIONAL_PORTAL_OR_VNEID}, ${MPS_PORTAL}`];
const CT_HOURS = 'Giờ hành chính thứ Hai đến thứ Sáu và sáng thứ Bảy (trừ lễ, Tết).';

const CT_EXEMPT = [
  'Các đối tượng được miễn theo Điều 4 Thông tư 75/2022/TT-BTC (sửa đổi bởi Thông tư 71/2025/TT-BTC); phải xuất trình giấy tờ chứng minh nếu thông tin chưa có trong cơ sở dữ liệu',
];

const CT_LEGAL: LegalBasisInput[] = [
  { title: 'Luật Cư trú', number: '68/2020/QH14' },
  { title: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú', number: '154/2024/NĐ-CP' },
  { title: 'Thông tư quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú', number: '55/2021/TT-BCA' },
  { title: 'Thông tư sửa đổi, bổ sung các Thông tư về cư trú, căn cước (mẫu CT01, CT02, CT07…)', number: '53/2025/TT-BCA' },
  { title: 'Thông tư quy định mức thu, chế độ thu, nộp và quản lý lệ phí đăng ký cư trú', number: '75/2022/TT-BTC' },
  { title: 'Thông tư sửa đổi, bổ sung Thông tư 75/2022/TT-BTC', number: '71/2025/TT-BTC' },
];

const CT01 = (condition?: string): DocumentInput => ({
  name: 'Tờ khai thay đổi thông tin cư trú',
  form: 'Mẫu CT01 (Thông tư 53/2025/TT-BCA)',
  originals: 1,
  ...(condition ? { condition } : {}),
});

const NO_HOUSEHOLD_BOOK =
  'Sổ hộ khẩu, sổ tạm trú giấy không còn giá trị sử dụng từ 01/01/2023; thông tin cư trú nằm trong Cơ sở dữ liệu về cư trú và có thể xem trên VNeID.';

export const cuTruProcedures: ProcedureInput[] = [
  {
    code: '1.004222',
    name: 'Đăng ký thường trú',
    aliases: aliases('thường trú', 'đăng ký thường trú', 'nhập hộ khẩu', 'hộ khẩu', 'đăng ký hộ khẩu', 'làm hộ khẩu', 'chuyển hộ khẩu', 'chuyển khẩu', 'nhập khẩu', 'nhập hộ khẩu cho con', 'nhập hộ khẩu vào nhà người thân', 'nhập hộ khẩu nhà thuê', 'đăng ký thường trú nhà thuê'),
    levels: ['xa'],
    sector: 'Đăng ký, quản lý cư trú',
    competentAgency: 'Công an cấp xã',
    implementingAgencies: ['Công an cấp xã nơi có chỗ ở hợp pháp'],
    submitAt: CT_SUBMIT('Công an cấp xã nơi có chỗ ở hợp pháp đăng ký thường trú'),
    subjects: ['Công dân Việt Nam, người Việt Nam định cư ở nước ngoài'],
    channels: [
      { method: 'truc_tiep', time: workingDays(7, 'Kể từ ngày nhận đủ hồ sơ hợp lệ.'), fees: [fixedFee('Lệ phí đăng ký thường trú', 20000, '20.000 đồng/lần đăng ký khi nộp trực tiếp (Thông tư 75/2022/TT-BTC, sửa đổi bởi Thông tư 71/2025/TT-BTC).', CT_EXEMPT)], note: CT_HOURS },
      { method: 'truc_tuyen', time: workingDays(7, 'Kể từ ngày nhận đủ hồ sơ hợp lệ.'), fees: [fixedFee('Lệ phí đăng ký thường trú', 10000, '10.000 đồng/lần đăng ký khi nộp qua cổng dịch vụ công trực tuyến (Thông tư 75/2022/TT-BTC).', CT_EXEMPT)] },
    ],
    documents: [
      CT01('Đăng ký cho người chưa thành niên: ghi ý kiến đồng ý của cha, mẹ hoặc người giám hộ. Đăng ký vào chỗ ở không thuộc sở hữu của mình: ghi ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở (trừ khi đã có văn bản đồng ý). Người Việt Nam định cư ở nước ngoài không có hộ chiếu Việt Nam còn giá trị: dùng mẫu CT02.'),
      { name: 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', originals: 1, condition: 'Đăng ký vào chỗ ở thuộc sở hữu của mình; không phải xuất trình nếu cơ quan khai thác được (ví dụ Giấy chứng nhận quyền sử dụng đất đã có trong Cơ sở dữ liệu quốc gia về đất đai).' },
      { name: 'Giấy tờ chứng minh quan hệ nhân thân với chủ hộ, thành viên hộ gia đình', originals: 1, condition: 'Nhập vào chỗ ở của người thân (khoản 2 Điều 20 Luật Cư trú) khi không khai thác được thông tin từ cơ sở dữ liệu (hộ tịch, dân cư, VNeID).' },
      { name: 'Hợp đồng, văn bản cho thuê, cho mượn, cho ở nhờ được công chứng hoặc chứng thực', originals: 1, condition: 'Đăng ký vào chỗ ở do thuê, mượn, ở nhờ.' },
      { name: 'Giấy tờ chứng minh đủ diện tích nhà ở tối thiểu hoặc xác nhận của UBND cấp xã về điều kiện diện tích bình quân', form: 'Mẫu số 02 Nghị định 154/2024/NĐ-CP (xác nhận của UBND cấp xã)', originals: 1, condition: 'Đăng ký vào chỗ ở do thuê, mượn, ở nhờ, khi không khai thác được thông tin.' },
    ],
    steps: [
      'Nộp hồ sơ tại Công an cấp xã hoặc trực tuyến trên Cổng Dịch vụ công/VNeID.',
      'Công an cấp xã kiểm tra, cấp phiếu tiếp nhận; hồ sơ chưa đủ thì hướng dẫn bổ sung.',
      'Trong 07 ngày làm việc, cập nhật thông tin thường trú vào Cơ sở dữ liệu về cư trú và thông báo kết quả; từ chối thì trả lời bằng văn bản nêu rõ lý do.',
    ],
    conditions: [
      'Có chỗ ở hợp pháp thuộc quyền sở hữu của mình; hoặc được chủ hộ, chủ sở hữu đồng ý cho nhập vào chỗ ở của họ trong các trường hợp quan hệ gia đình theo khoản 2 Điều 20 Luật Cư trú (vợ về ở với chồng, con về ở với cha mẹ…).',
      'Đăng ký vào chỗ ở thuê, mượn, ở nhờ: được chủ sở hữu đồng ý và bảo đảm diện tích nhà ở tối thiểu do HĐND cấp tỉnh quy định, không thấp hơn 08 m² sàn/người.',
      'Người đăng ký đã có thông tin trong Cơ sở dữ liệu quốc gia về dân cư.',
    ],
    result: ['Cập nhật thông tin thường trú vào Cơ sở dữ liệu về cư trú, Cơ sở dữ liệu quốc gia về dân cư', 'Thông báo kết quả giải quyết (hoặc văn bản từ chối nêu rõ lý do)'],
    legalBasis: CT_LEGAL,
    related: ['1.004194', '1.010041', '2.000986'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-7704-7449-9e95-fe7ebb959aa2',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      NO_HOUSEHOLD_BOOK,
      'Trẻ mới sinh đăng ký thường trú lần đầu không phải xuất trình Giấy khai sinh; trong 60 ngày kể từ ngày đăng ký khai sinh phải đăng ký cư trú cho trẻ.',
      'Còn các hồ sơ riêng cho thường trú tại cơ sở tôn giáo, cơ sở trợ giúp xã hội, phương tiện lưu động, đơn vị đóng quân — hỏi Công an cấp xã.',
    ],
  },
  {
    code: '1.004194',
    name: 'Đăng ký tạm trú',
    aliases: aliases('tạm trú', 'đăng ký tạm trú', 'khai báo tạm trú', 'làm tạm trú', 'tạm trú tạm vắng', 'đăng ký tạm trú nhà trọ', 'đăng ký tạm trú cho sinh viên', 'đăng ký tạm trú cho người thuê nhà', 'sổ tạm trú', 'kt3'),
    levels: ['xa'],
    sector: 'Đăng ký, quản lý cư trú',
    competentAgency: 'Công an cấp xã',
    implementingAgencies: ['Công an cấp xã nơi dự kiến tạm trú'],
    submitAt: CT_SUBMIT('Công an cấp xã nơi dự kiến tạm trú'),
    subjects: ['Công dân Việt Nam', 'Cơ quan, tổ chức, doanh nghiệp đăng ký tạm trú theo danh sách'],
    channels: [
      {
        method: 'truc_tiep',
        time: workingDays(3, 'Kể từ ngày nhận đủ hồ sơ hợp lệ.'),
        fees: [
          fixedFee('Lệ phí đăng ký tạm trú (cá nhân, hộ gia đình)', 15000, '15.000 đồng/lần đăng ký khi nộp trực tiếp (Thông tư 75/2022/TT-BTC).', CT_EXEMPT),
          fixedFee('Lệ phí đăng ký tạm trú theo danh sách', 10000, '10.000 đồng/người/lần đăng ký khi nộp trực tiếp (theo Cổng Dịch vụ công quốc gia).', CT_EXEMPT),
        ],
        note: CT_HOURS,
      },
      {
        method: 'truc_tuyen',
        time: workingDays(3, 'Kể từ ngày nhận đủ hồ sơ hợp lệ.'),
        fees: [fixedFee('Lệ phí đăng ký tạm trú (cá nhân, hộ gia đình)', 7000, '7.000 đồng/lần đăng ký khi nộp qua cổng dịch vụ công trực tuyến (Thông tư 75/2022/TT-BTC).', CT_EXEMPT)],
      },
    ],
    documents: [
      CT01('Người chưa thành niên: ghi ý kiến đồng ý của cha, mẹ hoặc người giám hộ (trừ khi đã có văn bản đồng ý).'),
      { name: 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', originals: 1, condition: 'Văn bản cho thuê, cho mượn, cho ở nhờ không bắt buộc công chứng, chứng thực; không phải xuất trình nếu cơ quan khai thác được từ cơ sở dữ liệu.' },
      { name: 'Văn bản đề nghị đăng ký tạm trú ghi rõ chỗ ở hợp pháp, kèm danh sách người tạm trú (họ tên, ngày sinh, giới tính, số định danh cá nhân, thời hạn tạm trú) và Tờ khai CT01 của từng người', originals: 1, condition: 'Đăng ký tạm trú theo danh sách (cơ quan, tổ chức, doanh nghiệp).' },
    ],
    steps: [
      'Nộp hồ sơ tại Công an cấp xã nơi tạm trú hoặc trực tuyến trên Cổng Dịch vụ công/VNeID.',
      'Công an cấp xã kiểm tra, cấp phiếu tiếp nhận; hồ sơ chưa đủ thì hướng dẫn bổ sung.',
      'Trong 03 ngày làm việc, cập nhật thông tin tạm trú vào Cơ sở dữ liệu về cư trú và thông báo kết quả.',
    ],
    conditions: [
      'Đến sinh sống tại chỗ ở hợp pháp ngoài phạm vi đơn vị hành chính cấp xã nơi đã đăng ký thường trú để lao động, học tập hoặc mục đích khác từ 30 ngày trở lên.',
      'Thời hạn tạm trú tối đa 02 năm và có thể gia hạn nhiều lần.',
    ],
    result: ['Cập nhật thông tin tạm trú vào Cơ sở dữ liệu về cư trú', 'Thông báo kết quả giải quyết (hoặc văn bản từ chối nêu rõ lý do)'],
    legalBasis: CT_LEGAL,
    related: ['1.002755', '1.010028', '1.004222'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-770b-734d-b7fb-5e1995f194f4',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Trong 15 ngày trước khi hết thời hạn tạm trú phải làm thủ tục gia hạn tạm trú (1.002755).',
      'Mức 15.000 đồng (trực tiếp, cá nhân/hộ gia đình) theo biểu phí Thông tư 75/2022/TT-BTC; Cổng Dịch vụ công quốc gia chỉ hiển thị dòng 10.000 đồng/người (đăng ký theo danh sách) và 7.000 đồng (trực tuyến).',
      NO_HOUSEHOLD_BOOK,
    ],
  },
  {
    code: '1.010041',
    name: 'Xác nhận thông tin về cư trú',
    aliases: aliases('xác nhận cư trú', 'xác nhận thông tin cư trú', 'giấy xác nhận cư trú', 'ct07', 'mẫu ct07', 'giấy xác nhận thường trú', 'xác nhận hộ khẩu', 'giấy xác nhận nơi cư trú', 'giấy tờ thay sổ hộ khẩu', 'xin xác nhận cư trú'),
    levels: ['xa'],
    sector: 'Đăng ký, quản lý cư trú',
    competentAgency: 'Công an cấp xã',
    implementingAgencies: ['Công an cấp xã (cơ quan đăng ký cư trú)'],
    submitAt: CT_SUBMIT('Công an cấp xã bất kỳ (cơ quan đăng ký cư trú), không phụ thuộc nơi cư trú'),
    subjects: ['Công dân Việt Nam', 'Cơ quan, tổ chức có yêu cầu'],
    channels: [
      { method: 'truc_tuyen', time: workingDays(1, '01 ngày làm việc nếu thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư; 03 ngày làm việc nếu cần xác minh.'), fees: [freeFee('Lệ phí', 'Không thu phí, lệ phí (Cổng Dịch vụ công quốc gia ghi miễn phí).')] },
      { method: 'truc_tiep', time: workingDays(1, '01 ngày làm việc nếu thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư; 03 ngày làm việc nếu cần xác minh.'), fees: [freeFee('Lệ phí', 'Không thu phí, lệ phí (Cổng Dịch vụ công quốc gia ghi miễn phí).')], note: 'Nộp trực tiếp tại cơ quan đăng ký cư trú theo Thông tư 55/2021/TT-BCA; Cổng Dịch vụ công quốc gia chỉ liệt kê hình thức trực tuyến.' },
    ],
    documents: [CT01('Nộp trực tuyến thì khai biểu mẫu điện tử, không đính kèm CT01.')],
    steps: [
      'Nộp yêu cầu trực tuyến (Cổng Dịch vụ công/VNeID) hoặc tại Công an cấp xã.',
      'Cơ quan đăng ký cư trú tra cứu Cơ sở dữ liệu và cấp xác nhận; từ chối thì trả lời bằng văn bản nêu rõ lý do.',
    ],
    result: ['Xác nhận thông tin về cư trú (mẫu CT07), bản giấy hoặc bản điện tử'],
    legalBasis: CT_LEGAL,
    related: ['1.004222', '1.004194'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-7f19-762d-be5e-741f71796016',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Dùng khi cơ quan, tổ chức cần giấy tờ chứng minh nơi cư trú (thay cho sổ hộ khẩu trước đây).',
    ],
  },
];
