/**
 * Demo dossiers, one per status (and one overdue), so a new user can try "tra cứu hồ sơ" on
 * the embedded default. Their codes carry the DEMO marker (`000.00.00.DEMO-250101-000N`); the
 * applicant is fictitious (phone ending 5678, for trying verification). Seeded at start while
 * the store holds no real dossier, with dates placed around today so the statuses read true.
 */
import type { Dossier, DossierState } from './dossier.ts';
import type { DossierStore } from './dossier-store.ts';
import { addWorkingDays, subtractWorkingDays, vietnamDay } from './working-days.ts';

export const DEMO_APPLICANT = { name: 'Nguyễn Văn Dùng Thử (DEMO)', phone: '0912345678' } as const;

interface DemoSpec {
  serial: string;
  status: DossierState;
  procedureCode: string;
  procedureName: string;
  /** Working days before today it was received, and after today it is due (negative: overdue). */
  receivedAgo: number;
  dueIn: number;
  step: string | null;
  agency: string;
  note: string | null;
}

const SPECS: DemoSpec[] = [
  { serial: '0001', status: 'received', procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', receivedAgo: 0, dueIn: 1, step: 'Tiếp nhận hồ sơ', agency: 'Bộ phận Một cửa UBND phường Dùng Thử (DEMO)', note: null },
  { serial: '0002', status: 'processing', procedureCode: '1.004222', procedureName: 'Đăng ký thường trú', receivedAgo: 2, dueIn: 5, step: 'Thẩm định hồ sơ', agency: 'Công an phường Dùng Thử (DEMO)', note: null },
  { serial: '0003', status: 'processing', procedureCode: '1.013225', procedureName: 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ', receivedAgo: 18, dueIn: -3, step: 'Kiểm tra thực địa', agency: 'Phòng Kinh tế, Hạ tầng và Đô thị (DEMO)', note: null },
  { serial: '0004', status: 'need_supplement', procedureCode: '1.000894', procedureName: 'Đăng ký kết hôn', receivedAgo: 1, dueIn: 4, step: 'Yêu cầu bổ sung hồ sơ', agency: 'Bộ phận Một cửa UBND phường Dùng Thử (DEMO)', note: 'Giấy xác nhận tình trạng hôn nhân của bên nữ (bản chính, còn thời hạn 6 tháng)' },
  { serial: '0005', status: 'paused', procedureCode: '1.013978', procedureName: 'Đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu', receivedAgo: 10, dueIn: 20, step: 'Chờ kết quả xác minh nguồn gốc đất', agency: 'Văn phòng đăng ký đất đai (DEMO)', note: 'Đang chờ ý kiến xác minh của cơ quan liên quan về nguồn gốc sử dụng đất' },
  { serial: '0006', status: 'result_ready', procedureCode: '1.001456', procedureName: 'Cấp hộ chiếu phổ thông ở trong nước', receivedAgo: 8, dueIn: 0, step: 'Trả kết quả', agency: 'Phòng Quản lý xuất nhập cảnh, Công an tỉnh Dùng Thử (DEMO)', note: 'Nhận kết quả trong giờ hành chính, từ thứ Hai đến thứ Sáu' },
  { serial: '0007', status: 'returned', procedureCode: '2.000815', procedureName: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', receivedAgo: 3, dueIn: -2, step: 'Đã trả kết quả', agency: 'Bộ phận Một cửa UBND phường Dùng Thử (DEMO)', note: null },
  { serial: '0008', status: 'rejected', procedureCode: '1.001612', procedureName: 'Đăng ký thành lập hộ kinh doanh', receivedAgo: 4, dueIn: -1, step: 'Trả lời từ chối', agency: 'Phòng Tài chính - Kế hoạch (DEMO)', note: 'Tên hộ kinh doanh trùng với tên hộ kinh doanh đã đăng ký trong phạm vi cấp huyện' },
];

export const DEMO_CODES: readonly string[] = SPECS.map((s) => `000.00.00.DEMO-250101-${s.serial}`);

/** The demo dossiers with dates around `now` (received at 08:00, due at 17:00 Vietnam time). */
export function demoDossiers(now: Date): Dossier[] {
  const today = vietnamDay(now);
  return SPECS.map((spec, i) => ({
    code: DEMO_CODES[i] as string,
    procedureCode: spec.procedureCode,
    procedureName: spec.procedureName,
    receivedAt: new Date(`${subtractWorkingDays(today, spec.receivedAgo)}T08:00:00+07:00`).toISOString(),
    dueAt: new Date(
      `${spec.dueIn >= 0 ? addWorkingDays(today, spec.dueIn) : subtractWorkingDays(today, -spec.dueIn)}T17:00:00+07:00`,
    ).toISOString(),
    status: spec.status,
    step: spec.step,
    agency: spec.agency,
    note: spec.note,
    applicant: { ...DEMO_APPLICANT },
    updatedAt: now.toISOString(),
  }));
}

/**
 * Seeds (or refreshes the dates of) the demo dossiers while no real dossier is stored.
 * Returns the demo codes a user can try — none once real dossiers arrive.
 */
export async function seedDemoDossiers(store: DossierStore, now = new Date()): Promise<readonly string[]> {
  if ((await store.count({ realOnly: true })) > 0) return [];
  for (const dossier of demoDossiers(now)) await store.upsert(dossier);
  return DEMO_CODES;
}
