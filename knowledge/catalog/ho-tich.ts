/**
 * Hộ tịch at cấp xã: khai sinh, kết hôn, khai tử and the khai sinh – thường trú – BHYT link-up.
 * Source: national records 1.001193, 1.000894, 1.000656, 2.000986 (mid-2026 crawl) and Luật Hộ tịch.
 */
import type { ProcedureInput } from '../schema.ts';
import {
  aliases,
  CRAWL_DATE,
  freeFee,
  HO_TICH_EXEMPT,
  HO_TICH_ID_DOC,
  HO_TICH_LEGAL_BASIS,
  HO_TICH_POSTAL_NOTE,
  HO_TICH_RESIDENCE_DOC,
  HO_TICH_SUBMIT_NOTE,
  hoTichAuthorisationDoc,
  hoTichCopyFee,
  hoTichOnlineForm,
  LAW_HO_TICH,
  ND_123_2015,
  NATIONAL_PORTAL_OR_VNEID,
  provinceFee,
  sameDay,
  TT_281_2016_BTC,
  TT_85_2019_BTC,
  workingDays,
  type FeeInput,
} from './common.ts';

const ONLINE_CONFIRM_NOTE =
  'Nộp trực tuyến: người yêu cầu kiểm tra, xác nhận bản điện tử gửi qua thư điện tử/thiết bị số (tối đa 01 ngày).';

const khaiSinhFees: FeeInput[] = [
  freeFee(
    'Lệ phí đăng ký khai sinh',
    'Miễn lệ phí khi đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh) — Điều 11 Luật Hộ tịch 60/2014/QH13.',
    ['Đăng ký khai sinh đúng hạn', ...HO_TICH_EXEMPT],
  ),
  provinceFee(
    'Lệ phí đăng ký khai sinh quá hạn',
    'Đăng ký khai sinh sau 60 ngày kể từ ngày sinh: mức lệ phí (nếu có) do HĐND cấp tỉnh quy định (Thông tư 85/2019/TT-BTC) — hỏi UBND cấp xã hoặc xem Cổng Dịch vụ công của tỉnh.',
    HO_TICH_EXEMPT,
  ),
  hoTichCopyFee('Giấy khai sinh'),
];

const ketHonFees: FeeInput[] = [
  freeFee(
    'Lệ phí đăng ký kết hôn',
    'Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước — Điều 11 Luật Hộ tịch 60/2014/QH13.',
  ),
  hoTichCopyFee('Trích lục kết hôn'),
];

const khaiTuFees: FeeInput[] = [
  freeFee(
    'Lệ phí đăng ký khai tử',
    'Miễn lệ phí khi đăng ký khai tử đúng hạn (trong 15 ngày kể từ ngày chết) — Điều 11 Luật Hộ tịch 60/2014/QH13.',
    ['Đăng ký khai tử đúng hạn', ...HO_TICH_EXEMPT],
  ),
  provinceFee(
    'Lệ phí đăng ký khai tử quá hạn',
    'Đăng ký khai tử quá hạn: mức lệ phí (nếu có) do HĐND cấp tỉnh quy định (Thông tư 85/2019/TT-BTC) — hỏi UBND cấp xã.',
    HO_TICH_EXEMPT,
  ),
  hoTichCopyFee('Trích lục khai tử'),
];

export const hoTichProcedures: ProcedureInput[] = [
  {
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    aliases: aliases('khai sinh', 'đăng ký khai sinh', 'làm giấy khai sinh', 'làm khai sinh', 'giấy khai sinh', 'khai sinh cho con', 'khai sinh cho bé', 'làm giấy khai sinh cho con', 'đăng ký khai sinh quá hạn', 'dkks', 'đkks'),
    levels: ['xa'],
    sector: 'Hộ tịch',
    competentAgency: 'Ủy ban nhân dân cấp xã',
    implementingAgencies: ['UBND cấp xã nơi cư trú của cha hoặc mẹ (công chức tư pháp - hộ tịch)'],
    submitAt: ['Bộ phận một cửa (Trung tâm Phục vụ hành chính công) của UBND cấp xã nơi cư trú của cha hoặc mẹ', NATIONAL_PORTAL_OR_VNEID],
    subjects: ['Cha, mẹ của trẻ; ông, bà, người thân thích khác hoặc cá nhân, tổ chức đang nuôi dưỡng trẻ', 'Công dân Việt Nam, người Việt Nam định cư ở nước ngoài'],
    channels: [
      { method: 'truc_tiep', time: sameDay('Giải quyết ngay trong ngày nhận đủ hồ sơ hợp lệ; nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo (Cổng Dịch vụ công quốc gia ghi thời hạn 01 ngày).'), fees: khaiSinhFees },
      { method: 'truc_tuyen', time: sameDay(`Như nộp trực tiếp. ${ONLINE_CONFIRM_NOTE}`), fees: khaiSinhFees },
      { method: 'buu_chinh', time: sameDay('Tính từ khi nhận đủ hồ sơ hợp lệ.'), fees: khaiSinhFees, note: HO_TICH_POSTAL_NOTE },
    ],
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', form: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, condition: 'Khi nộp trực tiếp hoặc qua bưu chính.', group: 'Giấy tờ phải nộp' },
      hoTichOnlineForm('đăng ký khai sinh'),
      { name: 'Giấy chứng sinh', originals: 1, condition: 'Không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; không có người làm chứng thì nộp giấy cam đoan về việc sinh. Đã nộp bản điện tử hoặc cơ quan khai thác được Giấy chứng sinh điện tử thì không phải nộp bản giấy.', group: 'Giấy tờ phải nộp' },
      { name: 'Biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập', originals: 1, condition: 'Trẻ bị bỏ rơi.', group: 'Giấy tờ phải nộp' },
      { name: 'Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản cho việc mang thai hộ', originals: 1, condition: 'Trẻ sinh ra do mang thai hộ.', group: 'Giấy tờ phải nộp' },
      hoTichAuthorisationDoc('việc đăng ký khai sinh'),
      HO_TICH_ID_DOC,
      HO_TICH_RESIDENCE_DOC,
    ],
    steps: [
      'Nộp hồ sơ trực tiếp tại Bộ phận một cửa cấp xã, qua bưu chính, hoặc trực tuyến trên Cổng Dịch vụ công quốc gia/VNeID (khai mẫu điện tử, đính kèm bản chụp giấy tờ).',
      'Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đủ thì hướng dẫn bổ sung; nhận sau 15 giờ thì hẹn trả trong ngày làm việc tiếp theo.',
      'Công chức tư pháp - hộ tịch ghi vào Sổ đăng ký khai sinh, cập nhật cơ sở dữ liệu và lấy Số định danh cá nhân cho trẻ từ Cơ sở dữ liệu quốc gia về dân cư.',
      'Lãnh đạo UBND cấp xã ký Giấy khai sinh; người yêu cầu nhận Giấy khai sinh (và bản sao, bản điện tử nếu yêu cầu).',
    ],
    result: ['Giấy khai sinh (bản chính) có Số định danh cá nhân của trẻ', 'Bản sao Giấy khai sinh (nếu có yêu cầu)'],
    legalBasis: [...HO_TICH_LEGAL_BASIS, TT_85_2019_BTC, TT_281_2016_BTC],
    related: ['2.000986', '1.000689', '2.000635'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Trong 60 ngày kể từ ngày sinh, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con; nếu cha, mẹ không thể đi thì ông, bà, người thân thích hoặc người đang nuôi dưỡng trẻ đi đăng ký (không cần văn bản ủy quyền của cha, mẹ nhưng phải thống nhất nội dung khai sinh với cha, mẹ).',
      'Cha, mẹ đã đăng ký kết hôn thì chỉ cần cung cấp thông tin Giấy chứng nhận kết hôn, cơ quan hộ tịch tự tra cứu.',
      'Muốn làm cùng lúc khai sinh, đăng ký thường trú và thẻ BHYT cho trẻ dưới 6 tuổi: xem thủ tục liên thông 2.000986.',
      HO_TICH_SUBMIT_NOTE,
    ],
  },
  {
    code: '1.000894',
    name: 'Đăng ký kết hôn',
    aliases: aliases('kết hôn', 'đăng ký kết hôn', 'làm giấy kết hôn', 'giấy đăng ký kết hôn', 'giấy chứng nhận kết hôn', 'đăng ký cưới', 'làm đăng ký kết hôn', 'giấy hôn thú', 'làm giấy hôn thú', 'đkkh'),
    levels: ['xa'],
    sector: 'Hộ tịch',
    competentAgency: 'Ủy ban nhân dân cấp xã',
    implementingAgencies: ['UBND cấp xã nơi cư trú của bên nam hoặc bên nữ'],
    submitAt: ['Bộ phận một cửa (Trung tâm Phục vụ hành chính công) của UBND cấp xã nơi cư trú của một trong hai bên nam, nữ', NATIONAL_PORTAL_OR_VNEID],
    subjects: ['Công dân Việt Nam cư trú trong nước (hai bên nam, nữ)'],
    channels: [
      { method: 'truc_tiep', time: sameDay('Giải quyết ngay sau khi nhận đủ hồ sơ hợp lệ (Điều 18 Luật Hộ tịch); cần xác minh điều kiện kết hôn thì không quá 05 ngày làm việc. Cổng Dịch vụ công quốc gia ghi thời hạn 01 ngày.'), fees: ketHonFees },
      { method: 'truc_tuyen', time: sameDay(`Như nộp trực tiếp. ${ONLINE_CONFIRM_NOTE}`), fees: ketHonFees },
      { method: 'buu_chinh', time: sameDay('Như nộp trực tiếp.'), fees: ketHonFees, note: HO_TICH_POSTAL_NOTE },
    ],
    documents: [
      { name: 'Tờ khai đăng ký kết hôn có đủ thông tin của hai bên nam, nữ (hai bên có thể khai chung một tờ khai)', form: 'Tờ khai đăng ký kết hôn theo mẫu', originals: 1, condition: 'Khi nộp trực tiếp.', group: 'Giấy tờ phải nộp' },
      hoTichOnlineForm('đăng ký kết hôn'),
      HO_TICH_ID_DOC,
      HO_TICH_RESIDENCE_DOC,
    ],
    steps: [
      'Nộp hồ sơ tại Bộ phận một cửa cấp xã hoặc trực tuyến; cơ quan hộ tịch tự tra cứu tình trạng hôn nhân của hai bên trong Cơ sở dữ liệu hộ tịch điện tử và Cơ sở dữ liệu quốc gia về dân cư.',
      'Không tra cứu được thì UBND cấp xã nơi thường trú/nơi đã đăng ký kết hôn trước đây xác minh trong 03 ngày làm việc.',
      'Đủ điều kiện: công chức tư pháp - hộ tịch ghi Sổ đăng ký kết hôn, in Giấy chứng nhận kết hôn trình lãnh đạo UBND cấp xã ký.',
      'Hai bên nam, nữ cùng có mặt, xuất trình giấy tờ tùy thân, ký Sổ đăng ký kết hôn và Giấy chứng nhận kết hôn; mỗi bên nhận 01 bản chính.',
    ],
    conditions: [
      'Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi trở lên; việc kết hôn do hai bên tự nguyện quyết định; không bị mất năng lực hành vi dân sự (Điều 8 Luật Hôn nhân và gia đình).',
      'Không thuộc trường hợp cấm kết hôn: kết hôn giả tạo, tảo hôn, cưỡng ép kết hôn; người đang có vợ hoặc có chồng; giữa những người cùng dòng máu về trực hệ hoặc có họ trong phạm vi ba đời…',
      'Nhà nước không thừa nhận hôn nhân giữa những người cùng giới tính.',
    ],
    result: ['Giấy chứng nhận kết hôn (mỗi bên 01 bản chính)'],
    legalBasis: [...HO_TICH_LEGAL_BASIS, { title: 'Luật Hôn nhân và gia đình', number: '52/2014/QH13' }, TT_281_2016_BTC],
    related: ['1.004873', '2.000635'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-a15eb239a6fe',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Theo hồ sơ hiện hành trên Cổng Dịch vụ công quốc gia, người đăng ký không phải tự nộp Giấy xác nhận tình trạng hôn nhân khi kết hôn trong nước: cơ quan hộ tịch tra cứu, xác minh.',
      'Bên đã ly hôn/hủy kết hôn ở nước ngoài mà chưa ghi chú vào sổ hộ tịch thì phải làm thủ tục ghi chú ly hôn trước khi đăng ký kết hôn.',
      'Kết hôn có yếu tố nước ngoài là thủ tục khác (2.000806).',
      HO_TICH_SUBMIT_NOTE,
    ],
  },
  {
    code: '1.000656',
    name: 'Đăng ký khai tử',
    aliases: aliases('khai tử', 'đăng ký khai tử', 'giấy chứng tử', 'làm giấy chứng tử', 'báo tử', 'khai báo tử', 'trích lục khai tử', 'khai tử cho người mất', 'làm khai tử'),
    levels: ['xa'],
    sector: 'Hộ tịch',
    competentAgency: 'Ủy ban nhân dân cấp xã',
    implementingAgencies: ['UBND cấp xã nơi cư trú cuối cùng của người chết (không xác định được thì nơi người đó chết hoặc nơi phát hiện thi thể)'],
    submitAt: ['Bộ phận một cửa (Trung tâm Phục vụ hành chính công) của UBND cấp xã nơi cư trú cuối cùng của người chết', NATIONAL_PORTAL_OR_VNEID],
    subjects: ['Vợ, chồng, con, cha, mẹ hoặc người thân thích khác của người chết; cơ quan, tổ chức, cá nhân liên quan nếu người chết không có người thân'],
    channels: [
      { method: 'truc_tiep', time: sameDay('Giải quyết ngay sau khi nhận đủ giấy tờ (Điều 34 Luật Hộ tịch); cần xác minh thì không quá 03 ngày làm việc; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo.'), fees: khaiTuFees },
      { method: 'truc_tuyen', time: sameDay(`Như nộp trực tiếp. ${ONLINE_CONFIRM_NOTE}`), fees: khaiTuFees },
      { method: 'buu_chinh', time: sameDay('Như nộp trực tiếp.'), fees: khaiTuFees, note: HO_TICH_POSTAL_NOTE },
    ],
    documents: [
      { name: 'Tờ khai đăng ký khai tử', form: 'Tờ khai đăng ký khai tử theo mẫu', originals: 1, condition: 'Khi nộp trực tiếp.', group: 'Giấy tờ phải nộp' },
      hoTichOnlineForm('đăng ký khai tử'),
      { name: 'Giấy báo tử hoặc giấy tờ thay Giấy báo tử do cơ quan có thẩm quyền cấp', originals: 1, condition: 'Đã nộp bản điện tử hoặc cơ quan khai thác được Giấy báo tử điện tử thì không phải nộp bản giấy.', group: 'Giấy tờ phải nộp' },
      { name: 'Giấy tờ, tài liệu, chứng cứ hợp lệ chứng minh sự kiện chết', originals: 1, condition: 'Người chết đã lâu, không có Giấy báo tử hoặc giấy tờ thay thế.', group: 'Giấy tờ phải nộp' },
      hoTichAuthorisationDoc('việc đăng ký khai tử'),
      HO_TICH_ID_DOC,
      { name: 'Giấy tờ chứng minh nơi cư trú cuối cùng của người chết (hoặc nơi chết, nơi phát hiện thi thể)', originals: 1, condition: 'Khi cơ quan không khai thác được thông tin cư trú từ Cơ sở dữ liệu quốc gia về dân cư.', group: 'Giấy tờ phải xuất trình' },
    ],
    steps: [
      'Nộp hồ sơ tại Bộ phận một cửa cấp xã, qua bưu chính hoặc trực tuyến.',
      'Công chức tư pháp - hộ tịch kiểm tra, ghi Sổ đăng ký khai tử và cập nhật cơ sở dữ liệu.',
      'Lãnh đạo UBND cấp xã ký Trích lục khai tử; người yêu cầu nhận kết quả.',
    ],
    result: ['Trích lục khai tử'],
    legalBasis: [...HO_TICH_LEGAL_BASIS, TT_85_2019_BTC, TT_281_2016_BTC],
    related: ['1.005461', '2.000635'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-9c6c958f2da4',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Trong 15 ngày kể từ ngày có người chết, vợ, chồng hoặc con, cha, mẹ, người thân thích khác của người chết có trách nhiệm đi đăng ký khai tử.',
      '"Giấy chứng tử" mà người dân hay gọi nay là Trích lục khai tử.',
      HO_TICH_SUBMIT_NOTE,
    ],
  },
  {
    code: '2.000986',
    name: 'Liên thông đăng ký khai sinh – đăng ký thường trú – cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    aliases: aliases('liên thông khai sinh', 'liên thông khai sinh thường trú bảo hiểm y tế', 'khai sinh thường trú bhyt', 'làm khai sinh và bảo hiểm y tế cho con', 'thẻ bhyt cho trẻ dưới 6 tuổi', 'bảo hiểm y tế cho trẻ em', 'nhập hộ khẩu cho con mới sinh', 'đăng ký thường trú cho trẻ mới sinh', 'làm giấy tờ cho con mới sinh'),
    levels: ['xa'],
    sector: 'Hộ tịch',
    competentAgency: 'UBND cấp xã (khai sinh); Công an cấp xã (thường trú); cơ quan Bảo hiểm xã hội (thẻ BHYT)',
    implementingAgencies: ['UBND cấp xã', 'Công an cấp xã', 'Cơ quan Bảo hiểm xã hội'],
    submitAt: ['Bộ phận một cửa (Trung tâm Phục vụ hành chính công) của UBND cấp xã', NATIONAL_PORTAL_OR_VNEID],
    subjects: ['Cha, mẹ hoặc người đi đăng ký khai sinh cho trẻ em dưới 6 tuổi'],
    channels: [
      {
        method: 'truc_tiep',
        time: workingDays(20, 'Tối đa 20 ngày làm việc kể từ ngày nộp đủ hồ sơ; phải bổ sung hồ sơ theo yêu cầu của Công an, BHXH thì thêm không quá 02 ngày làm việc; xã cách xa từ 50 km, đi lại khó khăn thì thêm không quá 05 ngày làm việc; địa phương có thể quy định ngắn hơn.'),
        fees: [freeFee('Lệ phí', 'Cổng Dịch vụ công quốc gia ghi miễn phí; đăng ký khai sinh đúng hạn được miễn lệ phí (Điều 11 Luật Hộ tịch); thẻ BHYT của trẻ em dưới 6 tuổi do ngân sách nhà nước đóng (Luật Bảo hiểm y tế).')],
      },
      {
        method: 'truc_tuyen',
        time: null,
        fees: [freeFee('Lệ phí', 'Miễn lệ phí như nộp trực tiếp.')],
        note: 'Liên thông điện tử trên Cổng Dịch vụ công quốc gia hoặc VNeID theo Nghị định 63/2024/NĐ-CP; thời hạn hiển thị khi nộp hồ sơ.',
      },
    ],
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', form: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1 },
      { name: 'Giấy chứng sinh do cơ sở y tế cấp', originals: 1, condition: 'Sinh ngoài cơ sở y tế: văn bản xác nhận của người làm chứng, không có người làm chứng thì giấy cam đoan về việc sinh; trẻ bị bỏ rơi: biên bản về việc trẻ bị bỏ rơi.' },
      { name: 'Tờ khai thay đổi thông tin cư trú', form: 'Mẫu CT01 (Thông tư 53/2025/TT-BCA)', originals: 1, condition: 'Hồ sơ gốc trên Cổng còn ghi Phiếu báo thay đổi hộ khẩu, nhân khẩu và Sổ hộ khẩu — các giấy tờ này không còn dùng từ 01/01/2023 (Luật Cư trú 2020).' },
      { name: 'Văn bản ý kiến của cha, mẹ (có xác nhận của UBND cấp xã) và ý kiến đồng ý của chủ hộ', originals: 1, condition: 'Trẻ đăng ký thường trú vào hộ của người khác, không cùng cha, mẹ.' },
      { name: 'Tờ khai tham gia bảo hiểm y tế; danh sách đề nghị cấp thẻ BHYT cho trẻ em dưới 6 tuổi', form: 'Theo mẫu quy định (UBND cấp xã lập danh sách)', originals: 1 },
    ],
    steps: [
      'Nộp một bộ hồ sơ tại Bộ phận một cửa cấp xã (hoặc trực tuyến).',
      'UBND cấp xã đăng ký khai sinh, chuyển hồ sơ cho Công an đăng ký thường trú và cho cơ quan BHXH cấp thẻ BHYT.',
      'Nhận Giấy khai sinh, thông báo kết quả đăng ký thường trú và thẻ BHYT của trẻ tại nơi nộp hồ sơ.',
    ],
    result: ['Giấy khai sinh', 'Thông báo kết quả giải quyết thủ tục đăng ký thường trú', 'Thẻ bảo hiểm y tế của trẻ'],
    legalBasis: [LAW_HO_TICH, ND_123_2015, { title: 'Luật Cư trú', number: '68/2020/QH14' }, { title: 'Luật Bảo hiểm y tế', number: '25/2008/QH12' }, { title: 'Nghị định quy định thực hiện liên thông điện tử thủ tục hành chính (khai sinh – thường trú – thẻ BHYT cho trẻ dưới 6 tuổi)', number: '63/2024/NĐ-CP' }],
    related: ['1.001193', '1.004222', '2.001023'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-95d8-77dd-86c5-880463eb8dbe',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Bản ghi trên Cổng Dịch vụ công quốc gia còn nêu Sổ hộ khẩu, Phiếu báo thay đổi hộ khẩu nhân khẩu; từ 01/01/2023 không còn dùng sổ hộ khẩu, thông tin cư trú được cập nhật vào Cơ sở dữ liệu về cư trú.',
      'Chỉ cần khai sinh và thẻ BHYT (không đăng ký thường trú): thủ tục liên thông 2.001023.',
    ],
  },
];
