/**
 * Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm — ngành nông nghiệp (nông, lâm, thủy sản).
 * Source: national record 2.001827 (mid-2026 crawl); Luật An toàn thực phẩm; Nghị định 15/2018/NĐ-CP.
 */
import type { ProcedureInput } from '../schema.ts';
import { aliases, CRAWL_DATE, days, fixedFee, NATIONAL_PORTAL, type FeeInput } from './common.ts';

const ATTP_TIME = days(15, 'Trong 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (gồm thẩm định thực tế tại cơ sở).');

const attpFee: FeeInput = fixedFee(
  'Phí thẩm định cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
  700000,
  '700.000 đồng/cơ sở khi cơ quan kiểm tra địa phương thẩm định (theo mô tả trên Cổng Dịch vụ công quốc gia; cột phí trên Cổng ghi nhầm "700 VNĐ").',
);

export const anToanThucPhamProcedures: ProcedureInput[] = [
  {
    code: '2.001827',
    name: 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm nông, lâm, thủy sản',
    aliases: aliases('an toàn thực phẩm', 'giấy chứng nhận an toàn thực phẩm', 'giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'giấy an toàn thực phẩm', 'giấy phép an toàn thực phẩm', 'giấy phép vệ sinh an toàn thực phẩm', 'chứng nhận vệ sinh an toàn thực phẩm', 'vệ sinh an toàn thực phẩm', 'attp', 'vsattp', 'cơ sở đủ điều kiện an toàn thực phẩm'),
    levels: ['tinh', 'xa'],
    sector: 'Quản lý chất lượng nông lâm sản và thủy sản',
    competentAgency: 'Cơ quan chuyên môn được Chủ tịch UBND cấp tỉnh giao (ngành nông nghiệp và môi trường)',
    implementingAgencies: ['Cơ quan chức năng do UBND cấp tỉnh chỉ định'],
    submitAt: ['Cơ quan tiếp nhận hồ sơ do Chủ tịch UBND cấp tỉnh giao (nộp trực tiếp hoặc qua bưu chính)', NATIONAL_PORTAL],
    subjects: ['Cơ sở sản xuất, kinh doanh thực phẩm nông, lâm, thủy sản (cá nhân, hộ kinh doanh, doanh nghiệp, hợp tác xã…)'],
    channels: [
      { method: 'truc_tiep', time: ATTP_TIME, fees: [attpFee], note: 'Cơ quan tiếp nhận trả lời ngay về tính đầy đủ của hồ sơ.' },
      { method: 'truc_tuyen', time: ATTP_TIME, fees: [attpFee], note: 'Cơ quan tiếp nhận trả lời về tính đầy đủ của hồ sơ trong 01 ngày làm việc.' },
      { method: 'buu_chinh', time: ATTP_TIME, fees: [attpFee], note: 'Cơ quan tiếp nhận trả lời về tính đầy đủ của hồ sơ trong 01 ngày làm việc.' },
    ],
    documents: [
      { name: 'Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', form: 'Mẫu tại Phụ lục I Thông tư 17/2025/TT-BNNMT', originals: 1 },
      { name: 'Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ bảo đảm điều kiện vệ sinh an toàn thực phẩm', form: 'Mẫu tại Phụ lục II Thông tư 17/2025/TT-BNNMT', originals: 1 },
    ],
    steps: [
      'Nộp hồ sơ cho cơ quan tiếp nhận do Chủ tịch UBND cấp tỉnh giao (trực tiếp, trực tuyến hoặc bưu chính).',
      'Cơ quan thẩm quyền kiểm tra tính hợp lệ, thông báo ngày dự kiến thẩm định hoặc lý do hồ sơ không đạt.',
      'Đoàn thẩm định đánh giá thực tế điều kiện bảo đảm an toàn thực phẩm tại cơ sở (nhà xưởng, trang thiết bị, quản lý, truy xuất nguồn gốc; lấy mẫu nếu cần).',
      'Đạt yêu cầu thì cấp Giấy chứng nhận; không đạt thì cơ sở khắc phục trong thời hạn yêu cầu, không khắc phục thì không được cấp.',
    ],
    result: ['Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm'],
    legalBasis: [
      { title: 'Luật An toàn thực phẩm', number: '55/2010/QH12' },
      { title: 'Nghị định quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm', number: '15/2018/NĐ-CP' },
      { title: 'Thông tư quy định thẩm định, chứng nhận cơ sở sản xuất, kinh doanh thực phẩm nông, lâm, thủy sản đủ điều kiện an toàn thực phẩm', number: '38/2018/TT-BNNPTNT' },
      { title: 'Thông tư sửa đổi, bổ sung các Thông tư về thẩm định, chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', number: '17/2024/TT-BNNPTNT' },
      { title: 'Thông tư quy định về phân cấp quản lý nhà nước trong lĩnh vực quản lý chất lượng nông lâm sản và thủy sản', number: '17/2025/TT-BNNMT' },
    ],
    related: [],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfa-b57f-73cc-856f-0255333fcb48',
    lastUpdated: CRAWL_DATE,
    origin: 'bundled',
    notes: [
      'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm có hiệu lực 03 năm (Luật An toàn thực phẩm).',
      'Thủ tục này dành cho cơ sở thuộc ngành nông nghiệp (nông, lâm, thủy sản). Cơ sở kinh doanh dịch vụ ăn uống, sản xuất thực phẩm thuộc ngành Y tế hoặc Công Thương làm thủ tục với cơ quan của ngành đó theo phân công của UBND cấp tỉnh.',
      'Không thuộc diện cấp Giấy chứng nhận (Điều 12 Nghị định 15/2018/NĐ-CP), ví dụ: sản xuất ban đầu nhỏ lẻ; kinh doanh thực phẩm bao gói sẵn; kinh doanh thực phẩm nhỏ lẻ; cơ sở đã có chứng nhận hệ thống quản lý an toàn thực phẩm như HACCP, ISO 22000 còn hiệu lực — các cơ sở này vẫn phải bảo đảm điều kiện an toàn thực phẩm.',
    ],
  },
];
