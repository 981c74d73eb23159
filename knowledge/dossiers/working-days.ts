/**
 * Working days (ngày làm việc) in Vietnam: Monday to Friday, minus public holidays and swapped
 * days off, plus Saturdays made working days by a swap. The holidays are data
 * (vn-public-holidays.json), not code. Dates are calendar days in Vietnam time (UTC+7, no DST)
 * written `YYYY-MM-DD`. Counts are arithmetic (whole weeks, then the holiday table inside the
 * range), so a date a thousand years away costs what next week costs.
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
  /** Working days after `from` up to and including `to`; costs the same for a week or a millennium. */
  workingDaysBetween(from: string, to: string): number;
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

/** Days since 1970-01-01 (a Thursday), and back. */
const dayNumber = (day: string): number => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const dayOfNumber = (n: number): string => new Date(n * DAY_MS).toISOString().split('T')[0] as string;
const isWeekdayNumber = (n: number): boolean => {
  const w = (((n + 4) % 7) + 7) % 7;
  return w !== 0 && w !== 6;
};

function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** Monday–Friday days in (a, b]: whole weeks × 5, plus the at most 6 remaining days. */
function weekdaysAfter(a: number, b: number): number {
  if (b <= a) return 0;
  const weeks = Math.floor((b - a) / 7);
  let count = weeks * 5;
  for (let n = a + weeks * 7 + 1; n <= b; n += 1) if (isWeekdayNumber(n)) count += 1;
  return count;
}

/** Index of the first element greater than `value` in an ascending array. */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createWorkingCalendar(data: unknown = holidayData): WorkingCalendar {
  const parsed = HolidayFileSchema.parse(data);
  const holidays = new Map(parsed.holidays.map((h) => [h.date, h]));
  const workingWeekends = new Set(parsed.workingWeekends.map((d) => d.date));
  const years = [...new Set(parsed.holidays.map((h) => Number(h.date.slice(0, 4))))].sort();
  const isWorkingDay = (day: string): boolean => {
    if (workingWeekends.has(day)) return true;
    const w = weekday(day);
    return w !== 0 && w !== 6 && !holidays.has(day);
  };
  // The days where the table overrules Monday–Friday (+1 a swapped weekend, −1 a weekday
  // holiday), with running sums: a range's correction is two binary searches.
  const exceptions = [...new Set([...holidays.keys(), ...workingWeekends])]
    .map((day) => ({ n: dayNumber(day), delta: Number(isWorkingDay(day)) - Number(isWeekdayNumber(dayNumber(day))) }))
    .filter((e) => e.delta !== 0)
    .sort((a, b) => a.n - b.n);
  const exceptionDays = exceptions.map((e) => e.n);
  const runningSums = [0];
  for (const e of exceptions) runningSums.push((runningSums[runningSums.length - 1] as number) + e.delta);
  const correction = (a: number, b: number) => (runningSums[upperBound(exceptionDays, b)] as number) - (runningSums[upperBound(exceptionDays, a)] as number);
  return {
    years,
    holiday: (day) => holidays.get(day),
    isWorkingDay,
    workingDaysBetween(from, to) {
      const a = dayNumber(from);
      const b = dayNumber(to);
      return b <= a ? 0 : weekdaysAfter(a, b) + correction(a, b);
    },
  };
}

/** The bundled calendar (vn-public-holidays.json), built once. */
export const VIETNAM_CALENDAR: WorkingCalendar = createWorkingCalendar();

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar = VIETNAM_CALENDAR): number {
  return calendar.workingDaysBetween(from, to);
}

/**
 * The smallest day number in (low, …) where `reached` turns true (it is monotone), found by
 * doubling a bound past it and then halving — logarithmic in the distance, never day by day.
 */
function firstReached(low: number, reached: (n: number) => boolean, step: number): number {
  let below = low;
  let above = low + Math.max(1, step);
  while (!reached(above)) {
    below = above;
    above = low + (above - low) * 2;
  }
  while (above - below > 1) {
    const mid = below + Math.floor((above - below) / 2);
    if (reached(mid)) above = mid;
    else below = mid;
  }
  return above;
}

/** The day `n` working days after `from` (n ≥ 0; n = 0 is `from` itself). */
export function addWorkingDays(from: string, n: number, calendar: WorkingCalendar = VIETNAM_CALENDAR): string {
  if (n <= 0) return from;
  const start = dayNumber(from);
  const count = (day: number) => calendar.workingDaysBetween(from, dayOfNumber(day));
  return dayOfNumber(firstReached(start, (day) => count(day) >= n, Math.ceil(n / 5) * 7 + 7));
}

/** The day `n` working days before `from`. */
export function subtractWorkingDays(from: string, n: number, calendar: WorkingCalendar = VIETNAM_CALENDAR): string {
  if (n <= 0) return from;
  const end = dayNumber(from) - 1;
  // Counting back k days from the day before `from`: working days in [end − k + 1, end].
  const count = (k: number) => calendar.workingDaysBetween(dayOfNumber(end - k), dayOfNumber(end));
  return dayOfNumber(end - firstReached(0, (k) => count(k) >= n, Math.ceil(n / 5) * 7 + 7) + 1);
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
