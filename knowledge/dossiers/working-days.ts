/**
 * Working days (ngày làm việc) in Vietnam: Monday to Friday, minus public holidays and swapped
 * days off, plus Saturdays made working days by a swap. The holidays are data
 * (vn-public-holidays.json), not code. Dates are calendar days in Vietnam time (UTC+7, no DST)
 * written `YYYY-MM-DD`.
 */
import { z } from 'zod';
import holidayData from './vn-public-holidays.json' with { type: 'json' };

const DayEntry = z.object({ date: z.iso.date(), name: z.string().min(1), confirmed: z.boolean() });
const HolidayFileSchema = z.object({ holidays: z.array(DayEntry), workingWeekends: z.array(DayEntry) });
export type HolidayEntry = z.infer<typeof DayEntry>;

export interface WorkingCalendar {
  isWorkingDay(day: string): boolean;
  /** The holiday on that day, if any. */
  holiday(day: string): HolidayEntry | undefined;
  /** Years the holiday data covers; outside them only weekends are excluded. */
  readonly years: readonly number[];
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar day in Vietnam of an instant. */
export function vietnamDay(instant: Date | string): string {
  const ms = (typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + VIETNAM_OFFSET_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function createWorkingCalendar(data: unknown = holidayData): WorkingCalendar {
  const parsed = HolidayFileSchema.parse(data);
  const holidays = new Map(parsed.holidays.map((h) => [h.date, h]));
  const workingWeekends = new Set(parsed.workingWeekends.map((d) => d.date));
  const years = [...new Set(parsed.holidays.map((h) => Number(h.date.slice(0, 4))))].sort();
  return {
    years,
    holiday: (day) => holidays.get(day),
    isWorkingDay(day) {
      if (workingWeekends.has(day)) return true;
      const w = weekday(day);
      return w !== 0 && w !== 6 && !holidays.has(day);
    },
  };
}

/** The bundled calendar (vn-public-holidays.json), built once. */
export const VIETNAM_CALENDAR: WorkingCalendar = createWorkingCalendar();

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar = VIETNAM_CALENDAR): number {
  let count = 0;
  for (let day = shiftDay(from, 1); day <= to; day = shiftDay(day, 1)) if (calendar.isWorkingDay(day)) count += 1;
  return count;
}

/** The day `n` working days after `from` (n ≥ 0; n = 0 is `from` itself). */
export function addWorkingDays(from: string, n: number, calendar: WorkingCalendar = VIETNAM_CALENDAR): string {
  let day = from;
  for (let left = n; left > 0; ) {
    day = shiftDay(day, 1);
    if (calendar.isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** The day `n` working days before `from`. */
export function subtractWorkingDays(from: string, n: number, calendar: WorkingCalendar = VIETNAM_CALENDAR): string {
  let day = from;
  for (let left = n; left > 0; ) {
    day = shiftDay(day, -1);
    if (calendar.isWorkingDay(day)) left -= 1;
  }
  return day;
}

export interface Deadline {
  /** Calendar day due (Vietnam time). */
  dueDay: string;
  /** At least one working day has passed after the due day. */
  overdue: boolean;
  /** Working days past the due day, else 0. */
  workingDaysLate: number;
  /** Working days left until the due day (today excluded, due day included), else 0. */
  workingDaysLeft: number;
}

/** Where `now` stands against the due instant, counted in working days. */
export function deadlineOf(dueAt: string, now: Date, calendar: WorkingCalendar = VIETNAM_CALENDAR): Deadline {
  const dueDay = vietnamDay(dueAt);
  const today = vietnamDay(now);
  // Late only once a working day has passed after the due day (due Friday, asked Saturday: not yet).
  const workingDaysLate = today > dueDay ? workingDaysBetween(dueDay, today, calendar) : 0;
  return {
    dueDay,
    overdue: workingDaysLate > 0,
    workingDaysLate,
    workingDaysLeft: today < dueDay ? workingDaysBetween(today, dueDay, calendar) : 0,
  };
}
