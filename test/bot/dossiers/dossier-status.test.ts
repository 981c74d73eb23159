/**
 * The status vocabulary and the clock: each one-stop status in plain words with the next step,
 * "quá hạn" counted in working days (weekends, public holidays and swapped days from the data
 * file), and the public answer that never carries personal data.
 */
import { describe, expect, test } from 'vitest';
import holidays from '../../../knowledge/dossiers/vn-public-holidays.json' with { type: 'json' };
import { DOSSIER_STATES, type Dossier, type DossierState } from '../../../knowledge/dossiers/dossier.ts';
import {
  addWorkingDays,
  createWorkingCalendar,
  deadlineOf,
  VIETNAM_CALENDAR,
  vietnamDay,
  workingDaysBetween,
} from '../../../knowledge/dossiers/working-days.ts';
import { toPublicStatus } from '../../../bot/dossiers/public-status.ts';
import { composeDossierAnswer, composeStatusChangeNotice } from '../../../bot/compose/dossier.ts';
import { STATUS_WORDS } from '../../../bot/dossiers/status-words.ts';
import { sampleDossier } from '../../support/dossier.ts';

function dossier(status: DossierState, extra: Partial<Dossier> = {}): Dossier {
  return sampleDossier('000.00.19.H53-240101-0001', {
    status,
    step: 'Thẩm định hồ sơ',
    agency: 'UBND phường Bến Nghé',
    note: status === 'need_supplement' ? 'Bản sao Giấy chứng sinh' : status === 'rejected' ? 'Người yêu cầu không có quyền đăng ký' : null,
    updatedAt: '2025-03-04T01:00:00.000Z',
    ...extra,
  });
}

const text = (replies: Array<{ text: string }>) => replies.map((r) => r.text).join('\n');
const beforeDue = new Date('2025-03-05T03:00:00Z');
const answerFor = (status: DossierState, now = beforeDue, extra: Partial<Dossier> = {}) =>
  text(composeDossierAnswer(toPublicStatus(dossier(status, extra), now), { verify: true, subscribe: true }));

describe('each status in plain words, with what to do next', () => {
  const expectations: Record<DossierState, RegExp[]> = {
    received: [/Đã tiếp nhận/, /chưa cần làm gì thêm/],
    processing: [/Đang xử lý/, /còn 2 ngày làm việc/],
    need_supplement: [/Chờ bổ sung hồ sơ/, /Bạn cần bổ sung: Bản sao Giấy chứng sinh/, /UBND phường Bến Nghé/],
    paused: [/Tạm dừng xử lý/, /liên hệ UBND phường Bến Nghé/],
    result_ready: [/Đã có kết quả, chờ trả kết quả/, /để nhận kết quả/, /Căn cước/],
    returned: [/Đã trả kết quả/],
    rejected: [/Từ chối giải quyết/, /Lý do từ chối: Người yêu cầu không có quyền đăng ký/],
  };
  test.each(DOSSIER_STATES)('%s', (status) => {
    const answer = answerFor(status);
    expect(answer).toContain(STATUS_WORDS[status].label);
    for (const pattern of expectations[status]) expect(answer).toMatch(pattern);
    expect(answer).toMatch(/Ngày tiếp nhận: 03\/03\/2025; hẹn trả kết quả: 07\/03\/2025/);
    expect(answer).toContain('Bước hiện tại: Thẩm định hồ sơ');
    expect(answer).toContain('Đăng ký khai sinh');
    // No personal data in the public answer.
    expect(answer).not.toMatch(/Trần Thị Bình|0987654321|4321/);
    expect(answer).toMatch(/4 số cuối/);
  });

  test('finished dossiers offer no notifications', () => {
    expect(answerFor('returned')).not.toMatch(/Nhận thông báo/);
    expect(answerFor('processing')).toMatch(/Nhận thông báo/);
  });

  test('"quá hạn" counts working days while the agency holds the dossier, not while waiting for the citizen', () => {
    // Due Friday 07/03/2025; asked Wednesday 12/03: Mon 10, Tue 11, Wed 12 → 3 working days late.
    const late = new Date('2025-03-12T03:00:00Z');
    expect(answerFor('processing', late)).toMatch(/quá hạn 3 ngày làm việc/);
    expect(answerFor('received', late)).toMatch(/quá hạn 3 ngày làm việc[\s\S]*xin lỗi và hẹn lại/);
    expect(answerFor('need_supplement', late)).not.toMatch(/quá hạn/);
    expect(answerFor('paused', late)).not.toMatch(/quá hạn/);
    expect(answerFor('result_ready', late)).not.toMatch(/quá hạn/);
  });

  test('the notification for a status change has the new status and no personal data', () => {
    const notice = composeStatusChangeNotice(toPublicStatus(dossier('result_ready'), beforeDue));
    expect(notice).toMatch(/Cập nhật hồ sơ 000\.00\.19\.H53-240101-0001 \(Đăng ký khai sinh\): Đã có kết quả, chờ trả kết quả/);
    expect(notice).not.toMatch(/Trần Thị Bình|0987654321/);
  });
});

describe('working days', () => {
  test('Vietnam calendar days (UTC+7)', () => {
    expect(vietnamDay('2025-03-07T16:59:00Z')).toBe('2025-03-07');
    expect(vietnamDay('2025-03-07T17:00:00Z')).toBe('2025-03-08');
  });

  test('weekends are not working days', () => {
    expect(workingDaysBetween('2025-03-07', '2025-03-10')).toBe(1); // Fri → Mon
    expect(addWorkingDays('2025-03-07', 1)).toBe('2025-03-10');
  });

  test('public holidays from the data file are skipped', () => {
    // Giỗ Tổ Hùng Vương Mon 07/04/2025: Fri 04/04 + 1 working day = Tue 08/04.
    expect(addWorkingDays('2025-04-04', 1)).toBe('2025-04-08');
    // 30/4, 1/5 and the swapped 2/5/2025: Tue 29/04 + 1 = Mon 05/05.
    expect(addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
    // Tết Nguyên đán 2025: 27–31/01 off; Fri 24/01 + 1 = Mon 03/02.
    expect(addWorkingDays('2025-01-24', 1)).toBe('2025-02-03');
    // Quốc khánh 2025: Mon 1/9 and Tue 2/9.
    expect(workingDaysBetween('2025-08-29', '2025-09-03')).toBe(1);
    // Tết Dương lịch.
    expect(VIETNAM_CALENDAR.isWorkingDay('2026-01-01')).toBe(false);
  });

  test('a Saturday made a working day by a swap counts', () => {
    expect(VIETNAM_CALENDAR.isWorkingDay('2025-04-26')).toBe(true);
    expect(VIETNAM_CALENDAR.isWorkingDay('2025-04-19')).toBe(false);
  });

  test('overdue only once a working day has passed after the due day', () => {
    const due = '2025-03-07T10:00:00Z'; // Friday
    expect(deadlineOf(due, new Date('2025-03-08T03:00:00Z'))).toMatchObject({ overdue: false, workingDaysLate: 0 });
    expect(deadlineOf(due, new Date('2025-03-10T03:00:00Z'))).toMatchObject({ overdue: true, workingDaysLate: 1 });
    expect(deadlineOf(due, new Date('2025-03-05T03:00:00Z'))).toMatchObject({ overdue: false, workingDaysLeft: 2 });
    // Due Tue 29/04/2025, asked Tue 06/05: 30/4, 1/5, 2/5 are holidays → Mon 5, Tue 6 = 2 days late.
    expect(deadlineOf('2025-04-29T09:00:00Z', new Date('2025-05-06T03:00:00Z')).workingDaysLate).toBe(2);
  });

  test('the holiday data covers 2025–2027, weekdays only, each entry named', () => {
    const calendar = createWorkingCalendar(holidays);
    for (const year of [2025, 2026, 2027]) expect(calendar.years).toContain(year);
    for (const h of holidays.holidays) {
      const weekday = new Date(`${h.date}T00:00:00Z`).getUTCDay();
      expect(weekday, h.date).not.toBe(0);
      expect(weekday, h.date).not.toBe(6);
    }
    for (const fixed of ['01-01', '04-30', '09-02']) {
      for (const year of [2025, 2026, 2027]) expect(calendar.holiday(`${year}-${fixed}`), `${year}-${fixed}`).toBeDefined();
    }
    expect(calendar.holiday('2025-04-07')?.name).toMatch(/Giỗ Tổ Hùng Vương/);
    expect(holidays.holidays.some((h) => !h.confirmed)).toBe(true); // uncertain dates are marked
  });

  test('a malformed holiday file is refused at load', () => {
    expect(() => createWorkingCalendar({ holidays: [{ date: '2025-13-01', name: 'x', confirmed: true }], workingWeekends: [] })).toThrow();
  });
});
