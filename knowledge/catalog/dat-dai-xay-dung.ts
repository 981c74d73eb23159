/**
 * Giấy phép xây dựng nhà ở riêng lẻ and cấp Giấy chứng nhận quyền sử dụng đất lần đầu — cấp xã.
 * Source: national records 1.013225, 1.013978 (mid-2026 crawl); Luật Xây dựng; Luật Đất đai 2024.
 */
import type { ProcedureInput } from '../schema.ts';
import { aliases, CRAWL_DATE, days, NATIONAL_PORTAL, provinceFee, TT_85_2019_BTC, workingDays, type FeeInput, type TimeInput } from './common.ts';

const gpxdFee: FeeInput = provinceFee(
  'Lệ phí cấp giấy phép xây dựng',
  'Mức lệ phí do HĐND cấp tỉnh quy định (Thông tư 85/2019/TT-BTC) — xem nghị quyết HĐND tỉnh hoặc hỏi Bộ phận một cửa UBND cấp xã. Cổng Dịch vụ công quốc gia ghi "Miễn phí (Theo quy định của HĐND cấp tỉnh)".',
);

const GPXD_TIME: TimeInput = days(
  15,
  'Nhà ở riêng lẻ: 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ; công trình khác: 20 ngày (Luật Xây dựng). Cổng Dịch vụ công quốc gia ghi 15 ngày (trực tiếp) và 20 ngày (trực tuyến, bưu chính) cho cả nhóm công trình cấp III, IV và nhà ở riêng lẻ.',
);

const datFee: FeeInput = provinceFee(
  'Lệ phí cấp Giấy chứng nhận; phí thẩm định hồ sơ cấp Giấy chứng nhận',
  'Mức do HĐND cấp tỉnh quy định (Thông tư 85/2019/TT-BTC) — hỏi nơi nộp hồ sơ. Ngoài ra là nghĩa vụ tài chính về đất đai (tiền sử dụng đất, lệ phí trước bạ…) theo thông báo của cơ quan thuế nếu thuộc trường hợp phải nộp.',
);

const DAT_TIME_NOTE =
  'Theo Cổng Dịch vụ công quốc gia. Quy trình có bước niêm yết công khai kết quả kiểm tra 15 ngày tại UBND cấp xã và khu dân cư; thời gian người sử dụng đất thực hiện nghĩa vụ tài chính không tính vào thời hạn giải quyết.';

export const datDaiXayDungProcedures: ProcedureInput[] = [
  {
    code: '1.013225',
    name: 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ',
    aliases: aliases('giấy phép xây dựng', 'xin giấy phép xây dựng', 'cấp giấy phép xây dựng', 'xin phép xây dựng', 'gpxd', 'giấy phép xây dựng nhà ở', 'xin phép xây nhà', 'xin giấy phép xây nhà', 'cấp phép xây dựng', 'xây nhà', 'xây nhà có cần xin phép không', 'giấy phép xây dựng nhà ở riêng lẻ'),
    levels: ['xa'],
    sector: 'Hoạt động xây dựng',
    competentAgency: 'Ủy ban nhân dân cấp xã',
    implementingAgencies: ['UBND cấp xã nơi có công trình'],
    submitAt: ['Bộ phận một cửa (Trung tâm Phục vụ hành chính công) của UBND cấp xã nơi xây dựng', NATIONAL_PORTAL],
    subjects: ['Hộ gia đình, cá nhân, tổ chức là chủ đầu tư'],
    channels: [
      { method: 'truc_tiep', time: GPXD_TIME, fees: [gpxdFee] },
      { method: 'truc_tuyen', time: GPXD_TIME, fees: [gpxdFee] },
      { method: 'buu_chinh', time: GPXD_TIME, fees: [gpxdFee] },
    ],
    documents: [
      { name: 'Đơn đề nghị cấp giấy phép xây dựng', form: 'Mẫu số 1 Phụ lục II Nghị định 175/2024/NĐ-CP', originals: 1 },
      { name: 'Một trong những giấy tờ hợp pháp về đất đai theo Điều 53 Nghị định 175/2024/NĐ-CP (ví dụ Giấy chứng nhận quyền sử dụng đất; Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất)', copies: 1, condition: 'Giấy chứng nhận đã có trong Cơ sở dữ liệu quốc gia về đất đai thì được thay bằng dữ liệu khi cơ sở dữ liệu vận hành.' },
      { name: '02 bộ bản vẽ thiết kế xây dựng: mặt bằng công trình trên lô đất kèm sơ đồ vị trí; mặt bằng các tầng, các mặt đứng và mặt cắt chính; mặt bằng móng, mặt cắt móng kèm sơ đồ đấu nối hạ tầng kỹ thuật (cấp nước, thoát nước, cấp điện)', originals: 2 },
      { name: 'Bản cam kết bảo đảm an toàn đối với công trình liền kề', originals: 1, condition: 'Công trình xây dựng có công trình liền kề.' },
      { name: 'Kết quả thực hiện thủ tục về phòng cháy, chữa cháy; báo cáo kết quả thẩm tra thiết kế xây dựng', originals: 1, condition: 'Khi pháp luật về phòng cháy, chữa cháy hoặc về xây dựng có yêu cầu.' },
    ],
    steps: [
      'Nộp hồ sơ tại Bộ phận một cửa UBND cấp xã, qua bưu chính hoặc trực tuyến.',
      'UBND cấp xã kiểm tra hồ sơ, thẩm định và kiểm tra thực địa; hồ sơ cần bổ sung thì thông báo một lần bằng văn bản.',
      'Đủ điều kiện thì cấp giấy phép xây dựng kèm bản vẽ có đóng dấu; không đủ điều kiện thì trả lời bằng văn bản nêu rõ lý do.',
    ],
    conditions: [
      'Phù hợp với mục đích sử dụng đất theo quy hoạch được phê duyệt; bảo đảm an toàn cho công trình và công trình lân cận, yêu cầu bảo vệ môi trường, phòng cháy chữa cháy; bảo đảm an toàn hạ tầng kỹ thuật và hành lang bảo vệ công trình (Luật Xây dựng).',
    ],
    result: ['Giấy phép xây dựng kèm hồ sơ thiết kế có đóng dấu của cơ quan cấp phép'],
    legalBasis: [
      { title: 'Luật Xây dựng', number: '50/2014/QH13' },
      { title: 'Luật sửa đổi, bổ sung một số điều của Luật Xây dựng', number: '62/2020/QH14' },
      { title: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng', number: '175/2024/NĐ-CP' },
      { title: 'Nghị định phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Xây dựng', number: '140/2025/NĐ-CP' },
      { title: 'Nghị định quy định về phân quyền, phân cấp trong lĩnh vực quản lý nhà nước của Bộ Xây dựng', number: '144/2025/NĐ-CP' },
      TT_85_2019_BTC,
    ],
    related: ['1.013229', '1.013226', '1.013227', '1.013228'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfe-9088-744d-aa0a-e846b6dce3d5',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Được miễn giấy phép xây dựng, ví dụ: nhà ở riêng lẻ ở nông thôn dưới 07 tầng thuộc khu vực không có quy hoạch đô thị, quy hoạch xây dựng khu chức năng hoặc quy hoạch chi tiết điểm dân cư nông thôn được duyệt; nhà ở riêng lẻ dưới 07 tầng thuộc dự án khu đô thị, dự án nhà ở có quy hoạch chi tiết 1/500 được duyệt (Điều 89 Luật Xây dựng) — hỏi UBND cấp xã để biết trường hợp cụ thể.',
      'Sửa chữa, cải tạo; điều chỉnh; gia hạn; cấp lại giấy phép xây dựng là các thủ tục riêng.',
    ],
  },
  {
    code: '1.013978',
    name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với hộ gia đình, cá nhân, cộng đồng dân cư, người gốc Việt Nam định cư ở nước ngoài',
    aliases: aliases('sổ đỏ', 'sổ hồng', 'bìa đỏ', 'làm sổ đỏ', 'cấp sổ đỏ', 'làm sổ đỏ lần đầu', 'cấp sổ đỏ lần đầu', 'làm sổ hồng', 'làm bìa đỏ', 'xin cấp sổ đỏ', 'giấy chứng nhận quyền sử dụng đất', 'cấp giấy chứng nhận quyền sử dụng đất', 'cấp giấy chứng nhận quyền sử dụng đất lần đầu', 'đăng ký đất đai', 'đăng ký đất đai lần đầu', 'gcn qsdđ', 'gcnqsdđ'),
    levels: ['xa'],
    sector: 'Đất đai',
    competentAgency: 'Chủ tịch UBND cấp xã nơi có đất (cấp Giấy chứng nhận)',
    implementingAgencies: ['UBND cấp xã nơi có đất', 'Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất đai'],
    submitAt: ['Trung tâm Phục vụ hành chính công (Bộ phận một cửa); hồ sơ được chuyển đến UBND cấp xã nơi có đất', NATIONAL_PORTAL],
    subjects: ['Hộ gia đình, cá nhân, cộng đồng dân cư, người gốc Việt Nam định cư ở nước ngoài đang sử dụng đất'],
    channels: [
      { method: 'truc_tiep', time: workingDays(27, DAT_TIME_NOTE), fees: [datFee] },
      { method: 'truc_tuyen', time: workingDays(17, `${DAT_TIME_NOTE} Nộp trực tuyến: giấy tờ phải được số hóa từ bản chính hoặc bản sao có công chứng, chứng thực.`), fees: [datFee] },
      { method: 'buu_chinh', time: workingDays(20, DAT_TIME_NOTE), fees: [datFee] },
    ],
    documents: [
      { name: 'Đơn đăng ký đất đai, tài sản gắn liền với đất', form: 'Theo mẫu', originals: 1 },
      { name: 'Một trong các giấy tờ về quyền sử dụng đất theo Điều 137, khoản 1, khoản 5 Điều 148, khoản 1, khoản 5 Điều 149 Luật Đất đai; sơ đồ nhà ở, công trình xây dựng', originals: 1, copies: 1, condition: 'Nếu có.' },
      { name: 'Mảnh trích đo bản đồ địa chính thửa đất', originals: 1, condition: 'Nếu có.' },
      { name: 'Văn bản xác định các thành viên có chung quyền sử dụng đất của hộ gia đình', originals: 1, condition: 'Hộ gia đình đang sử dụng đất.' },
      { name: 'Văn bản thỏa thuận về việc cấp chung một Giấy chứng nhận', originals: 1, condition: 'Nhiều người chung quyền sử dụng đất, chung quyền sở hữu tài sản.' },
      { name: 'Giấy tờ về việc chuyển quyền sử dụng đất, quyền sở hữu nhà ở, công trình có chữ ký của bên chuyển và bên nhận', originals: 1, condition: 'Đã nhận chuyển quyền mà chưa làm thủ tục chuyển quyền theo quy định.' },
      { name: 'Giấy tờ về việc nhận thừa kế quyền sử dụng đất', originals: 1, condition: 'Nhận thừa kế quyền sử dụng đất chưa được cấp Giấy chứng nhận.' },
      { name: 'Chứng từ thực hiện nghĩa vụ tài chính; giấy tờ về miễn, giảm nghĩa vụ tài chính', originals: 1, condition: 'Nếu có.' },
      { name: 'Quyết định xử phạt vi phạm hành chính trong lĩnh vực đất đai và chứng từ nộp phạt', originals: 1, condition: 'Trường hợp có vi phạm hành chính về đất đai.' },
      { name: 'Văn bản về việc đại diện theo pháp luật dân sự', originals: 1, condition: 'Làm thủ tục thông qua người đại diện.' },
    ],
    steps: [
      'Nộp hồ sơ (bản sao kèm bản chính để đối chiếu, hoặc bản chính, hoặc bản sao có công chứng/chứng thực); nhận giấy tiếp nhận và hẹn trả kết quả.',
      'UBND cấp xã trích lục hoặc kiểm tra mảnh trích đo bản đồ địa chính; xác nhận hiện trạng, tình trạng tranh chấp, nguồn gốc sử dụng đất; kiểm tra sự phù hợp quy hoạch.',
      'Niêm yết công khai kết quả kiểm tra 15 ngày tại trụ sở UBND cấp xã và khu dân cư nơi có đất.',
      'Đủ điều kiện: chuyển thông tin sang cơ quan thuế để xác định và thông báo nghĩa vụ tài chính; không đủ điều kiện hoặc không có nhu cầu cấp Giấy chứng nhận: ban hành Thông báo xác nhận kết quả đăng ký đất đai.',
      'Sau khi hoàn thành (hoặc được ghi nợ) nghĩa vụ tài chính, Chủ tịch UBND cấp xã cấp Giấy chứng nhận; nhận Giấy chứng nhận tại nơi nộp hồ sơ (nộp bản chính giấy tờ nếu trước đó nộp bản sao).',
    ],
    result: ['Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', 'Hoặc Thông báo xác nhận kết quả đăng ký đất đai (khi chưa đủ điều kiện hoặc không đề nghị cấp Giấy chứng nhận)'],
    legalBasis: [
      { title: 'Luật Đất đai', number: '31/2024/QH15' },
      { title: 'Luật sửa đổi, bổ sung Luật Đất đai, Luật Nhà ở, Luật Kinh doanh bất động sản và Luật Các tổ chức tín dụng', number: '43/2024/QH15' },
      { title: 'Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và hệ thống thông tin đất đai', number: '101/2024/NĐ-CP' },
      { title: 'Nghị định quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp, phân quyền, phân cấp trong lĩnh vực đất đai', number: '151/2025/NĐ-CP' },
      { title: 'Nghị định sửa đổi, bổ sung một số điều của các nghị định quy định chi tiết thi hành Luật Đất đai', number: '226/2025/NĐ-CP' },
      TT_85_2019_BTC,
    ],
    related: ['1.012787', '1.012783'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfa-8678-770b-8917-1872078767cd',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      '"Sổ đỏ", "sổ hồng" là tên người dân thường gọi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản gắn liền với đất.',
      'Khi nhận Giấy chứng nhận, nếu trước đó nộp bản sao/bản số hóa thì phải nộp bản chính các giấy tờ trong hồ sơ.',
      'Mua bán, tặng cho, thừa kế đất đã có Giấy chứng nhận là thủ tục đăng ký biến động (ví dụ 1.012787), không phải cấp lần đầu.',
    ],
  },
];
