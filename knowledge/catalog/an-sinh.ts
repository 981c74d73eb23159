/**
 * An sinh xã hội: hưởng BHXH một lần (national record 1.001613), hưởng trợ cấp thất nghiệp and
 * trợ cấp xã hội hằng tháng. The last two are not among the national records in our data (they
 * belong to the Bộ Nội vụ sector) and carry LOCAL codes `9.0000xx-…` — see each record's notes.
 */
import type { ProcedureInput } from '../schema.ts';
import { aliases, CRAWL_DATE, freeFee, NATIONAL_PORTAL, workingDays } from './common.ts';

const BHXH_FREE = freeFee('Phí, lệ phí', 'Không thu phí, lệ phí (Cổng Dịch vụ công quốc gia ghi miễn phí).');
const NO_FEE_BY_LAW = freeFee('Phí, lệ phí', 'Không thu phí, lệ phí: văn bản quy định thủ tục không đặt ra khoản phí, lệ phí nào.');

const LOCAL_CODE_NOTE =
  'Mã thủ tục này là mã nội bộ của trợ lý (không phải mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính): thủ tục thuộc lĩnh vực của Bộ Nội vụ, không có trong bộ dữ liệu thủ tục quốc gia mà trợ lý đang dùng. Tra cứu bản ghi chính thức trên Cổng Dịch vụ công quốc gia https://dichvucong.gov.vn.';

export const anSinhProcedures: ProcedureInput[] = [
  {
    code: '1.001613',
    name: 'Giải quyết hưởng bảo hiểm xã hội một lần',
    aliases: aliases('bhxh một lần', 'bảo hiểm xã hội một lần', 'rút bhxh một lần', 'rút bảo hiểm xã hội một lần', 'rút bảo hiểm', 'rút bhxh', 'rút bhxh 1 lần', 'hưởng bhxh 1 lần', 'lãnh bảo hiểm xã hội một lần', 'rút sổ bảo hiểm', 'rút tiền bảo hiểm xã hội'),
    levels: ['tinh', 'xa'],
    sector: 'Thực hiện chính sách bảo hiểm xã hội',
    competentAgency: 'Cơ quan Bảo hiểm xã hội',
    implementingAgencies: ['Bảo hiểm xã hội cấp tỉnh', 'Bảo hiểm xã hội cơ sở'],
    submitAt: ['Cơ quan bảo hiểm xã hội nơi cư trú', NATIONAL_PORTAL],
    subjects: ['Người lao động đã tham gia bảo hiểm xã hội thuộc trường hợp được hưởng một lần'],
    channels: [
      { method: 'truc_tiep', time: workingDays(5, 'Theo Cổng Dịch vụ công quốc gia; kể từ ngày nhận đủ hồ sơ.'), fees: [BHXH_FREE] },
      { method: 'truc_tuyen', time: workingDays(5, 'Theo Cổng Dịch vụ công quốc gia; kể từ ngày nhận đủ hồ sơ.'), fees: [BHXH_FREE] },
      { method: 'buu_chinh', time: workingDays(5, 'Theo Cổng Dịch vụ công quốc gia; kể từ ngày nhận đủ hồ sơ.'), fees: [BHXH_FREE] },
    ],
    documents: [
      { name: 'Sổ bảo hiểm xã hội', originals: 1 },
      { name: 'Đơn đề nghị hưởng bảo hiểm xã hội một lần', form: 'Theo mẫu của Bảo hiểm xã hội Việt Nam', originals: 1 },
      { name: 'Giấy tờ chứng minh ra nước ngoài để định cư', originals: 1, condition: 'Hưởng vì ra nước ngoài định cư.' },
      { name: 'Giấy tờ y tế chứng minh mắc bệnh thuộc diện được hưởng, hoặc biên bản giám định mức suy giảm khả năng lao động', originals: 1, condition: 'Hưởng vì mắc bệnh nguy hiểm đến tính mạng hoặc suy giảm khả năng lao động.' },
    ],
    steps: [
      'Người lao động lập hồ sơ và nộp cho cơ quan bảo hiểm xã hội (trực tiếp, bưu chính hoặc trực tuyến).',
      'Cơ quan bảo hiểm xã hội tiếp nhận và giải quyết.',
      'Nhận Quyết định hưởng bảo hiểm xã hội một lần, Bản quá trình đóng bảo hiểm xã hội và tiền trợ cấp.',
    ],
    conditions: [
      'Các trường hợp được hưởng một lần theo Luật Bảo hiểm xã hội 2024 (từ 01/7/2025), gồm: đủ tuổi nghỉ hưu mà chưa đủ 15 năm đóng và không tiếp tục tham gia; ra nước ngoài để định cư; mắc bệnh ung thư, bại liệt, xơ gan mất bù, lao nặng, AIDS hoặc bệnh khác theo quy định, suy giảm khả năng lao động từ 81% trở lên, người khuyết tật đặc biệt nặng.',
      'Người bắt đầu tham gia bảo hiểm xã hội trước 01/7/2025: sau 12 tháng không thuộc diện đóng bắt buộc, không tham gia tự nguyện và có thời gian đóng chưa đủ 20 năm thì được đề nghị hưởng một lần.',
    ],
    result: ['Quyết định về việc hưởng bảo hiểm xã hội một lần', 'Bản quá trình đóng bảo hiểm xã hội', 'Tiền trợ cấp'],
    legalBasis: [{ title: 'Luật Bảo hiểm xã hội', number: '41/2024/QH15' }],
    related: ['2.000755', '1.001601'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfb-d775-76cf-83da-dc00816c97e0',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Mức hưởng: 1,5 tháng mức bình quân tiền lương đóng bảo hiểm xã hội cho mỗi năm đóng trước năm 2014; 02 tháng cho mỗi năm đóng từ năm 2014 trở đi.',
      'Bản ghi trên Cổng Dịch vụ công quốc gia chưa liệt kê thành phần hồ sơ và còn dẫn Luật Bảo hiểm xã hội 2014; từ 01/7/2025 áp dụng Luật Bảo hiểm xã hội 2024 (41/2024/QH15). Hỏi cơ quan bảo hiểm xã hội về hồ sơ cụ thể của trường hợp mình.',
      'Nhận một lần sẽ chấm dứt thời gian đóng đã tính hưởng; cân nhắc bảo lưu để hưởng lương hưu sau này.',
    ],
  },
  {
    code: '9.000001-TCTN',
    name: 'Giải quyết hưởng trợ cấp thất nghiệp',
    aliases: aliases('trợ cấp thất nghiệp', 'bảo hiểm thất nghiệp', 'hưởng bảo hiểm thất nghiệp', 'hưởng trợ cấp thất nghiệp', 'làm bảo hiểm thất nghiệp', 'lãnh thất nghiệp', 'nhận trợ cấp thất nghiệp', 'tctn', 'bhtn', 'thất nghiệp', 'mất việc nhận trợ cấp', 'nghỉ việc nhận bảo hiểm thất nghiệp'),
    levels: ['tinh'],
    sector: 'Việc làm (bảo hiểm thất nghiệp)',
    competentAgency: 'Cơ quan quản lý nhà nước về việc làm cấp tỉnh (quyết định hưởng); Trung tâm dịch vụ việc làm tiếp nhận hồ sơ',
    implementingAgencies: ['Trung tâm dịch vụ việc làm tỉnh, thành phố'],
    submitAt: ['Trung tâm dịch vụ việc làm tại địa phương nơi người lao động muốn nhận trợ cấp thất nghiệp', NATIONAL_PORTAL],
    subjects: ['Người lao động đã đóng bảo hiểm thất nghiệp, đã chấm dứt hợp đồng lao động hoặc hợp đồng làm việc'],
    channels: [
      { method: 'truc_tiep', time: null, fees: [NO_FEE_BY_LAW], note: 'Luật Việc làm 2013: quyết định hưởng trong 20 ngày kể từ ngày nhận đủ hồ sơ. Từ 01/01/2026 áp dụng Luật Việc làm 2025 — hỏi Trung tâm dịch vụ việc làm về thời hạn hiện hành.' },
      { method: 'truc_tuyen', time: null, fees: [NO_FEE_BY_LAW], note: 'Dịch vụ công "Giải quyết hưởng trợ cấp thất nghiệp" trên Cổng Dịch vụ công quốc gia.' },
    ],
    documents: [
      { name: 'Đề nghị hưởng trợ cấp thất nghiệp', form: 'Theo mẫu', originals: 1 },
      { name: 'Bản chính hoặc bản sao có chứng thực giấy tờ xác nhận đã chấm dứt hợp đồng lao động/hợp đồng làm việc (hợp đồng đã hết hạn, quyết định thôi việc, quyết định sa thải, thỏa thuận hoặc thông báo chấm dứt hợp đồng…)', originals: 1 },
      { name: 'Sổ bảo hiểm xã hội (hoặc xác nhận của cơ quan bảo hiểm xã hội về thời gian đóng bảo hiểm thất nghiệp)', originals: 1 },
    ],
    steps: [
      'Nộp hồ sơ tại Trung tâm dịch vụ việc làm (hoặc trực tuyến) trong thời hạn luật định kể từ ngày chấm dứt hợp đồng.',
      'Trung tâm dịch vụ việc làm thẩm định hồ sơ, trình cơ quan có thẩm quyền ra quyết định hưởng trợ cấp thất nghiệp.',
      'Nhận quyết định và tiền trợ cấp hằng tháng; hằng tháng thông báo về việc tìm kiếm việc làm theo lịch hẹn.',
    ],
    conditions: [
      'Theo Luật Việc làm 2013: đã chấm dứt hợp đồng lao động/hợp đồng làm việc (trừ đơn phương chấm dứt trái pháp luật, hưởng lương hưu hoặc trợ cấp mất sức lao động hằng tháng); đã đóng bảo hiểm thất nghiệp từ đủ 12 tháng trở lên trong 24 tháng trước khi chấm dứt hợp đồng; nộp hồ sơ trong 03 tháng kể từ ngày chấm dứt hợp đồng; chưa tìm được việc làm sau 15 ngày kể từ ngày nộp hồ sơ.',
    ],
    result: ['Quyết định hưởng trợ cấp thất nghiệp', 'Tiền trợ cấp thất nghiệp hằng tháng'],
    legalBasis: [
      { title: 'Luật Việc làm 2013 (áp dụng đến hết 31/12/2025)', number: '38/2013/QH13' },
      { title: 'Nghị định quy định chi tiết Luật Việc làm về bảo hiểm thất nghiệp', number: '28/2015/NĐ-CP' },
      { title: 'Nghị định sửa đổi, bổ sung Nghị định 28/2015/NĐ-CP', number: '61/2020/NĐ-CP' },
      { title: 'Luật Việc làm 2025 (hiệu lực từ 01/01/2026)', number: '' },
    ],
    related: ['1.001601'],
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      LOCAL_CODE_NOTE,
      'Theo Luật Việc làm 2013: mức hưởng hằng tháng bằng 60% bình quân tiền lương tháng đóng bảo hiểm thất nghiệp của 06 tháng liền kề trước khi thất nghiệp (có mức trần); đóng đủ 12 đến 36 tháng được hưởng 03 tháng, sau đó cứ đóng thêm đủ 12 tháng được hưởng thêm 01 tháng, tối đa 12 tháng.',
      'Từ 01/01/2026 Luật Việc làm 2025 thay thế Luật Việc làm 2013; điều kiện, mức hưởng, thời hạn có thể đã được điều chỉnh — xác nhận với Trung tâm dịch vụ việc làm trước khi nộp.',
    ],
  },
  {
    code: '9.000002-TCXH',
    name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng',
    aliases: aliases('trợ cấp xã hội', 'trợ cấp xã hội hằng tháng', 'trợ cấp xã hội hàng tháng', 'trợ cấp hằng tháng', 'bảo trợ xã hội', 'chế độ bảo trợ xã hội', 'trợ cấp người khuyết tật', 'trợ cấp khuyết tật', 'trợ cấp người tàn tật', 'trợ cấp người cao tuổi', 'trợ cấp người già', 'trợ cấp trẻ mồ côi', 'trợ cấp mẹ đơn thân', 'tiền trợ cấp hàng tháng'),
    levels: ['xa'],
    sector: 'Bảo trợ xã hội',
    competentAgency: 'Cơ quan có thẩm quyền quyết định trợ cấp xã hội theo phân cấp tại địa phương (hồ sơ do UBND cấp xã tiếp nhận, xét duyệt)',
    implementingAgencies: ['UBND cấp xã nơi cư trú'],
    submitAt: ['Bộ phận một cửa (Trung tâm Phục vụ hành chính công) của UBND cấp xã nơi cư trú'],
    subjects: [
      'Đối tượng bảo trợ xã hội theo Điều 5 Nghị định 20/2021/NĐ-CP, ví dụ: trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng; người thuộc hộ nghèo không có chồng hoặc vợ đang nuôi con nhỏ; người cao tuổi thuộc diện quy định; người khuyết tật nặng, đặc biệt nặng; trẻ em nhiễm HIV thuộc hộ nghèo',
    ],
    channels: [
      { method: 'truc_tiep', time: null, fees: [NO_FEE_BY_LAW], note: 'Thời hạn theo Nghị định 20/2021/NĐ-CP và phân cấp của địa phương — hỏi Bộ phận một cửa UBND cấp xã.' },
    ],
    documents: [
      { name: 'Tờ khai đề nghị trợ giúp xã hội', form: 'Mẫu theo Phụ lục ban hành kèm Nghị định 20/2021/NĐ-CP (mẫu tương ứng với từng nhóm đối tượng)', originals: 1 },
      { name: 'Giấy xác nhận khuyết tật', copies: 1, condition: 'Người khuyết tật.' },
      { name: 'Giấy tờ chứng minh thuộc đối tượng hưởng', originals: 1, condition: 'Khi cơ quan không khai thác được thông tin từ cơ sở dữ liệu.' },
    ],
    steps: [
      'Nộp tờ khai tại UBND cấp xã nơi cư trú.',
      'UBND cấp xã xem xét hồ sơ và đề nghị cơ quan có thẩm quyền quyết định theo phân cấp.',
      'Cơ quan có thẩm quyền ban hành quyết định trợ cấp; người hưởng nhận trợ cấp hằng tháng.',
    ],
    result: ['Quyết định hưởng (điều chỉnh, thôi hưởng) trợ cấp xã hội hằng tháng hoặc hỗ trợ kinh phí chăm sóc, nuôi dưỡng', 'Tiền trợ cấp hằng tháng'],
    legalBasis: [
      { title: 'Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội', number: '20/2021/NĐ-CP' },
      { title: 'Nghị định sửa đổi, bổ sung Nghị định 20/2021/NĐ-CP (nâng mức chuẩn trợ giúp xã hội)', number: '76/2024/NĐ-CP' },
      { title: 'Luật Người khuyết tật', number: '51/2010/QH12' },
      { title: 'Luật Người cao tuổi', number: '39/2009/QH12' },
    ],
    related: [],
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      LOCAL_CODE_NOTE,
      'Mức chuẩn trợ giúp xã hội là 500.000 đồng/tháng từ 01/7/2024 (Nghị định 76/2024/NĐ-CP); mức trợ cấp của từng người bằng mức chuẩn nhân hệ số theo nhóm đối tượng. Địa phương có thể quy định mức cao hơn.',
      'Từ 01/7/2025, người từ đủ 75 tuổi (hoặc từ đủ 70 tuổi thuộc hộ nghèo, cận nghèo) không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng được hưởng trợ cấp hưu trí xã hội theo Luật Bảo hiểm xã hội 2024 — đây là thủ tục riêng.',
    ],
  },
];
