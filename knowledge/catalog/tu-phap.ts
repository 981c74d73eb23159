/**
 * Chứng thực (bản sao, chữ ký) at cấp xã and Phiếu lý lịch tư pháp at Công an cấp tỉnh.
 * Source: national records 2.000815, 2.000884, 3.000333 (mid-2026 crawl); Nghị định 23/2015/NĐ-CP,
 * Thông tư 226/2016/TT-BTC, Luật Lý lịch tư pháp, Thông tư 244/2016/TT-BTC.
 */
import type { ProcedureInput } from '../schema.ts';
import { aliases, CRAWL_DATE, fixedFee, NATIONAL_PORTAL_OR_VNEID, sameDay, days, type FeeInput, type LegalBasisInput } from './common.ts';

const CHUNG_THUC_TIME = sameDay(
  'Ngay trong ngày tiếp nhận yêu cầu; tiếp nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo (có phiếu hẹn) — Điều 7 Nghị định 23/2015/NĐ-CP. Cổng Dịch vụ công quốc gia không ghi thời hạn.',
);

const CHUNG_THUC_WHERE = [
  'Bộ phận một cửa (Trung tâm Phục vụ hành chính công) của UBND cấp xã bất kỳ, không phụ thuộc nơi cư trú',
  'Tổ chức hành nghề công chứng (phòng/văn phòng công chứng)',
  'Cơ quan đại diện Việt Nam ở nước ngoài (người ở nước ngoài)',
];

const CHUNG_THUC_LEGAL: LegalBasisInput[] = [
  { title: 'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch', number: '23/2015/NĐ-CP' },
  { title: 'Nghị định sửa đổi, bổ sung một số điều của Nghị định 23/2015/NĐ-CP', number: '280/2025/NĐ-CP' },
  { title: 'Thông tư quy định chi tiết một số điều và biện pháp thi hành Nghị định 23/2015/NĐ-CP', number: '01/2020/TT-BTP' },
  { title: 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực', number: '226/2016/TT-BTC' },
  { title: 'Thông tư quy định phí công chứng; phí chứng thực bản sao từ bản chính, chứng thực chữ ký tại tổ chức hành nghề công chứng', number: '257/2016/TT-BTC' },
  { title: 'Thông tư quy định phí, lệ phí trong lĩnh vực ngoại giao áp dụng tại các Cơ quan đại diện Việt Nam ở nước ngoài', number: '264/2016/TT-BTC' },
];

const banSaoFee: FeeInput = fixedFee(
  'Phí chứng thực bản sao từ bản chính',
  2000,
  '2.000 đồng/trang; từ trang thứ 3 trở lên thu 1.000 đồng/trang, tối đa không quá 200.000 đồng/bản; số trang tính theo trang của bản chính (tại UBND cấp xã và tổ chức hành nghề công chứng — Thông tư 226/2016/TT-BTC, 257/2016/TT-BTC). Tại Cơ quan đại diện Việt Nam ở nước ngoài: 10 USD/bản.',
);

const chuKyFee: FeeInput = fixedFee(
  'Phí chứng thực chữ ký',
  10000,
  '10.000 đồng/trường hợp; một trường hợp là một hoặc nhiều chữ ký trong cùng một giấy tờ, văn bản (Thông tư 226/2016/TT-BTC). Tại Cơ quan đại diện Việt Nam ở nước ngoài: 10 USD/bản.',
);

const LLTP_FEE_NOTE =
  'Thông tư 244/2016/TT-BTC. Yêu cầu trên 02 Phiếu trong một lần thì từ Phiếu thứ 3 trở đi thu thêm 5.000 đồng/Phiếu. Cổng Dịch vụ công quốc gia ghi "Miễn phí" ở cột phí nhưng dẫn chiếu Thông tư 244/2016/TT-BTC — mức thu là mức của Thông tư này.';

const LLTP_EXEMPT = [
  'Trẻ em (theo Luật Trẻ em)',
  'Người cao tuổi (theo Luật Người cao tuổi)',
  'Người khuyết tật (theo Luật Người khuyết tật)',
  'Người thuộc hộ nghèo',
  'Người cư trú tại xã đặc biệt khó khăn, đồng bào dân tộc thiểu số ở xã có điều kiện kinh tế - xã hội đặc biệt khó khăn',
];

const lltpFees: FeeInput[] = [
  fixedFee('Phí cung cấp thông tin lý lịch tư pháp', 200000, `200.000 đồng/lần/người. ${LLTP_FEE_NOTE}`, LLTP_EXEMPT),
  fixedFee('Phí cung cấp thông tin lý lịch tư pháp (mức giảm)', 100000, '100.000 đồng/lần/người cho sinh viên, người có công với cách mạng, thân nhân liệt sĩ (cha đẻ, mẹ đẻ, vợ/chồng, con, người có công nuôi dưỡng liệt sĩ) — Thông tư 244/2016/TT-BTC.'),
];

const LLTP_TIME = days(
  10,
  'Không quá 10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ; người đã cư trú ở nhiều nơi hoặc có thời gian cư trú ở nước ngoài, người nước ngoài, hoặc cần xác minh điều kiện đương nhiên được xóa án tích: không quá 15 ngày (Điều 48 Luật Lý lịch tư pháp).',
);

export const tuPhapProcedures: ProcedureInput[] = [
  {
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
    aliases: aliases('chứng thực bản sao', 'chứng thực bản sao từ bản chính', 'sao y', 'sao y bản chính', 'công chứng bản sao', 'photo công chứng', 'công chứng giấy tờ', 'chứng thực giấy tờ', 'sao y giấy tờ', 'công chứng căn cước', 'công chứng bằng cấp'),
    levels: ['xa'],
    sector: 'Chứng thực',
    competentAgency: 'UBND cấp xã; tổ chức hành nghề công chứng; Cơ quan đại diện Việt Nam ở nước ngoài',
    implementingAgencies: ['UBND cấp xã', 'Tổ chức hành nghề công chứng', 'Cơ quan đại diện Việt Nam ở nước ngoài'],
    submitAt: CHUNG_THUC_WHERE,
    subjects: ['Cá nhân, cơ quan, tổ chức có yêu cầu'],
    channels: [{ method: 'truc_tiep', time: CHUNG_THUC_TIME, fees: [banSaoFee] }],
    documents: [
      { name: 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', originals: 1, group: 'Giấy tờ phải xuất trình' },
      { name: 'Bản sao cần chứng thực (đủ các trang có thông tin của bản chính)', copies: 1, condition: 'Chỉ mang bản chính thì cơ quan chụp từ bản chính để chứng thực, trừ khi không có phương tiện chụp.' },
    ],
    steps: [
      'Xuất trình bản chính và bản sao cần chứng thực tại nơi chứng thực.',
      'Người thực hiện chứng thực đối chiếu bản sao với bản chính, ghi lời chứng, ký, đóng dấu và ghi sổ chứng thực (bản sao từ 02 tờ trở lên thì đóng dấu giáp lai).',
      'Nhận bản sao đã chứng thực tại nơi nộp.',
    ],
    conditions: [
      'Không chứng thực bản sao từ bản chính: bị hư hỏng, cũ nát, không xác định được nội dung; đóng dấu mật hoặc ghi rõ không được sao chụp; có nội dung trái pháp luật, đạo đức xã hội; giấy tờ do cá nhân tự lập không có xác nhận, đóng dấu của cơ quan, tổ chức có thẩm quyền.',
    ],
    result: ['Bản sao được chứng thực từ bản chính'],
    legalBasis: CHUNG_THUC_LEGAL,
    related: ['2.000884'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-8e22-77ef-819f-e49460350904',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Giấy tờ đã tích hợp trên VNeID hoặc khai thác được từ Cơ sở dữ liệu quốc gia về dân cư thì người thực hiện chứng thực không yêu cầu xuất trình bản chính, bản sao.',
      'Người dân hay gọi là "công chứng bản sao"/"sao y"; tại UBND cấp xã là chứng thực.',
    ],
  },
  {
    code: '2.000884',
    name: 'Chứng thực chữ ký trong giấy tờ, văn bản (kể cả chứng thực điểm chỉ)',
    aliases: aliases('chứng thực chữ ký', 'công chứng chữ ký', 'xác nhận chữ ký', 'chứng thực điểm chỉ', 'chứng thực giấy ủy quyền', 'chứng thực chữ ký giấy ủy quyền', 'ký chứng thực'),
    levels: ['xa'],
    sector: 'Chứng thực',
    competentAgency: 'UBND cấp xã; tổ chức hành nghề công chứng; Cơ quan đại diện Việt Nam ở nước ngoài',
    implementingAgencies: ['UBND cấp xã', 'Tổ chức hành nghề công chứng', 'Cơ quan đại diện Việt Nam ở nước ngoài'],
    submitAt: CHUNG_THUC_WHERE,
    subjects: ['Công dân Việt Nam, người Việt Nam định cư ở nước ngoài'],
    channels: [{ method: 'truc_tiep', time: CHUNG_THUC_TIME, fees: [chuKyFee] }],
    documents: [
      { name: 'Một trong các giấy tờ: căn cước điện tử; bản chính hoặc bản sao thẻ căn cước/căn cước công dân/giấy chứng nhận căn cước/hộ chiếu hoặc giấy tờ xuất nhập cảnh còn giá trị', originals: 1, group: 'Giấy tờ phải xuất trình' },
      { name: 'Giấy tờ, văn bản sẽ ký và yêu cầu chứng thực chữ ký', originals: 1, condition: 'Văn bản bằng tiếng nước ngoài: có thể bị yêu cầu nộp kèm bản dịch tiếng Việt (không cần công chứng bản dịch).', group: 'Giấy tờ phải xuất trình' },
    ],
    steps: [
      'Xuất trình giấy tờ tùy thân và văn bản cần chứng thực chữ ký.',
      'Ký (hoặc điểm chỉ) trước mặt người thực hiện chứng thực.',
      'Người thực hiện chứng thực ghi lời chứng, ký, đóng dấu, ghi sổ chứng thực; nhận kết quả tại nơi nộp.',
    ],
    conditions: [
      'Không chứng thực chữ ký khi người yêu cầu không nhận thức, làm chủ được hành vi; giấy tờ tùy thân hết giá trị hoặc giả mạo; văn bản có nội dung trái pháp luật.',
      'Không chứng thực chữ ký trên văn bản có nội dung là giao dịch, trừ giấy ủy quyền về nộp hộ, nhận hộ hồ sơ; nhận hộ lương hưu, bưu phẩm, trợ cấp, phụ cấp; nhờ trông nom nhà cửa; thành viên hộ gia đình ủy quyền vay vốn Ngân hàng Chính sách xã hội.',
    ],
    result: ['Giấy tờ, văn bản đã được chứng thực chữ ký/điểm chỉ'],
    legalBasis: CHUNG_THUC_LEGAL,
    related: ['2.000815'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-8e2e-7359-b42f-d5dc8d74741b',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: ['Người không thông thạo tiếng Việt phải có người phiên dịch; thù lao phiên dịch do người yêu cầu trả.'],
  },
  {
    code: '3.000333',
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam, người Việt Nam đang cư trú ở nước ngoài',
    aliases: aliases('lý lịch tư pháp', 'phiếu lý lịch tư pháp', 'làm lý lịch tư pháp', 'xin lý lịch tư pháp', 'llttp', 'lltp', 'giấy xác nhận không tiền án tiền sự', 'xác nhận không tiền án tiền sự', 'không tiền án tiền sự', 'phiếu lý lịch tư pháp số 1', 'phiếu lý lịch tư pháp số 2', 'lý lịch tư pháp để xin visa'),
    levels: ['tinh'],
    sector: 'Lý lịch tư pháp',
    competentAgency: 'Công an cấp tỉnh',
    implementingAgencies: ['Công an cấp tỉnh'],
    submitAt: ['Công an cấp tỉnh nơi thường trú (không có nơi thường trú thì nơi tạm trú; người đang ở nước ngoài: nơi cư trú trước khi xuất cảnh)', NATIONAL_PORTAL_OR_VNEID],
    subjects: ['Công dân Việt Nam', 'Người Việt Nam đang cư trú ở nước ngoài', 'Người nước ngoài đang cư trú tại Việt Nam'],
    channels: [
      { method: 'truc_tiep', time: LLTP_TIME, fees: lltpFees },
      { method: 'truc_tuyen', time: LLTP_TIME, fees: lltpFees, note: 'Đăng nhập tài khoản định danh điện tử mức độ 2 trên Cổng Dịch vụ công quốc gia hoặc VNeID, chọn "Cấp Phiếu lý lịch tư pháp", thanh toán trực tuyến.' },
      { method: 'buu_chinh', time: LLTP_TIME, fees: lltpFees },
    ],
    documents: [
      { name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', form: 'Mẫu số 01/2025/LLTP (trực tuyến: Mẫu số 04/2025/LLTP điện tử tương tác)', originals: 1, condition: 'Cá nhân tự yêu cầu.' },
      { name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (trường hợp ủy quyền, hoặc cha mẹ yêu cầu cho người chưa thành niên)', form: 'Mẫu số 02/2025/LLTP (trực tuyến: Mẫu số 05/2025/LLTP)', originals: 1, condition: 'Ủy quyền yêu cầu Phiếu số 1; cha, mẹ yêu cầu Phiếu số 1, số 2 cho người chưa thành niên.' },
      { name: 'Bản sao thẻ căn cước/căn cước công dân/giấy chứng nhận căn cước hoặc hộ chiếu của người được cấp Phiếu', copies: 1, condition: 'Xuất trình bản chính để đối chiếu; không có bản chính thì nộp bản sao có chứng thực.' },
      { name: 'Văn bản ủy quyền yêu cầu cấp Phiếu lý lịch tư pháp số 1 (có công chứng hoặc chứng thực)', originals: 1, condition: 'Khi ủy quyền; không cần nếu người được ủy quyền là cha, mẹ, vợ, chồng, con của người ủy quyền. Phiếu số 2 không được ủy quyền (trừ người chưa thành niên ủy quyền cho cha, mẹ).' },
      { name: 'Giấy tờ chứng minh thuộc đối tượng được miễn hoặc giảm phí', originals: 1, condition: 'Nếu có.' },
    ],
    steps: [
      'Nộp tờ khai và giấy tờ trực tiếp tại Công an cấp tỉnh, qua bưu chính, hoặc trực tuyến trên Cổng Dịch vụ công quốc gia/VNeID.',
      'Nộp phí cung cấp thông tin lý lịch tư pháp (trực tuyến thì thanh toán qua tiện ích tích hợp trên Cổng/VNeID).',
      'Theo dõi hồ sơ và nhận Phiếu lý lịch tư pháp theo hình thức đã chọn.',
    ],
    result: ['Phiếu lý lịch tư pháp số 1 hoặc số 2'],
    legalBasis: [
      { title: 'Luật Lý lịch tư pháp', number: '28/2009/QH12' },
      { title: 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp', number: '244/2016/TT-BTC' },
    ],
    related: ['3.000330', '3.000334'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-bd79-75fb-a4c6-ba1bf85d20ad',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Phiếu số 1 chỉ ghi án tích chưa được xóa (thường dùng khi xin việc, làm hồ sơ); Phiếu số 2 ghi đầy đủ án tích kể cả án tích đã được xóa, cấp cho chính người yêu cầu hoặc cơ quan tiến hành tố tụng.',
      'Việc cấp Phiếu lý lịch tư pháp hiện do Công an cấp tỉnh thực hiện (trước đây là Sở Tư pháp).',
      'Không xác định được nơi thường trú, tạm trú: thủ tục cấp bộ 3.000330.',
    ],
  },
];
