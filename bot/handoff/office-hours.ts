/**
 * Giờ hành chính: when officers are on duty. Working days come from the bundled calendar
 * (weekends, public holidays and swapped days: knowledge/dossiers/working-days.ts); the hours
 * are configurable (OFFICE_HOURS, default "07:30-11:30,13:30-17:00"), in Vietnam time
 * (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). "always" means round the clock.
 */
import { VIETNAM_CALENDAR, vietnamDay, type WorkingCalendar } from '../../knowledge/dossiers/working-days.ts';

export interface OfficeHours {
  isOpen(at: Date): boolean;
  /** The next moment officers come on duty after `at` (null: always open, or none within 60 days). */
  nextOpening(at: Date): Date | null;
  /** "Thứ Hai – Thứ Sáu, 7:30–11:30 và 13:30–17:00 (trừ ngày nghỉ lễ)". */
  readonly description: string;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

interface Interval {
  from: number;
  to: number;
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  if (h > 24 || m > 59) throw new Error(`bad time ${hhmm}`);
  return h * 60 + m;
};
const clock = (minutes: number): string => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

export function parseOfficeHours(spec: string, calendar: WorkingCalendar = VIETNAM_CALENDAR): OfficeHours {
  if (spec.trim() === 'always') {
    return { isOpen: () => true, nextOpening: () => null, description: 'cả ngày, mọi ngày' };
  }
  const intervals: Interval[] = spec.split(',').map((part) => {
    const [from, to] = part.trim().split('-') as [string, string];
    const interval = { from: minutesOf(from), to: minutesOf(to) };
    if (interval.to <= interval.from) throw new Error(`office hours interval ${part} ends before it starts`);
    return interval;
  }).sort((a, b) => a.from - b.from);
  const minuteOfDay = (at: Date) => Math.floor(((at.getTime() + VIETNAM_OFFSET_MS) % DAY_MS) / 60_000);
  const startOf = (day: string, minutes: number) => new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS + minutes * 60_000);
  return {
    description: `thứ Hai – thứ Sáu, ${intervals.map((i) => `${clock(i.from)}–${clock(i.to)}`).join(' và ')} (trừ ngày nghỉ lễ)`,
    isOpen(at) {
      if (!calendar.isWorkingDay(vietnamDay(at))) return false;
      const minute = minuteOfDay(at);
      return intervals.some((i) => minute >= i.from && minute < i.to);
    },
    nextOpening(at) {
      for (let offset = 0; offset < 60; offset += 1) {
        const day = vietnamDay(new Date(at.getTime() + offset * DAY_MS));
        if (!calendar.isWorkingDay(day)) continue;
        for (const interval of intervals) {
          const start = startOf(day, interval.from);
          if (start.getTime() > at.getTime()) return start;
        }
      }
      return null;
    },
  };
}

/** "7:30 thứ Hai, 12/05/2026" in Vietnam time. */
export function formatVietnamTime(at: Date): string {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  const dd = String(local.getUTCDate()).padStart(2, '0');
  const mm = String(local.getUTCMonth() + 1).padStart(2, '0');
  return `${clock(local.getUTCHours() * 60 + local.getUTCMinutes())} ${WEEKDAYS[local.getUTCDay()]}, ${dd}/${mm}/${local.getUTCFullYear()}`;
}
