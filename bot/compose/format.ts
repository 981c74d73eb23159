/** Vietnamese formatting of the facts: money, durations, names, lists. */
import { foldedKey } from '../../knowledge/language/normalize.ts';
import { CHANNEL_LABELS, TIME_UNIT_LABELS, type ChannelMethod, type ProcessingTime } from '../../knowledge/schema.ts';

/** 200000 → "200.000 đồng". */
export function formatMoney(amountVnd: number): string {
  const digits = Math.round(amountVnd).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${digits} đồng`;
}

/** 8 → "8", 0.5 → "0,5". */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(value).replace('.', ',');
}

/** { value: 8, unit: 'working_days' } → "8 ngày làm việc"; same_day → "trong ngày". */
export function formatDuration(time: ProcessingTime): string {
  if (time.unit === 'same_day' || time.value === null) return TIME_UNIT_LABELS.same_day;
  return `${formatNumber(time.value)} ${TIME_UNIT_LABELS[time.unit]}`;
}

/** "Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính", joined in lower case after the first. */
export function channelList(methods: readonly ChannelMethod[]): string {
  return methods.map((m, i) => (i === 0 ? CHANNEL_LABELS[m] : CHANNEL_LABELS[m].toLowerCase())).join(', ');
}

/** “Đăng ký khai sinh” */
export function quoteName(name: string): string {
  return `“${name}”`;
}

/** Ends a sentence with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…:;)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function bullets(items: readonly string[]): string {
  return items.map((item) => `• ${item}`).join('\n');
}

export function numbered(items: readonly string[]): string {
  return items.map((item, i) => `${i + 1}. ${item}`).join('\n');
}

/** Shortens long source text at a word boundary (the full record stays at its source URL). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, '')}…`;
}

/** Case- and diacritic-insensitive "contains". */
export function mentions(text: string, ...needles: string[]): boolean {
  const haystack = foldedKey(text);
  return needles.some((n) => haystack.includes(foldedKey(n)));
}

export const NATIONAL_PORTAL_URL = 'https://dichvucong.gov.vn';

/** Splits source text into sentences (keeps the punctuation). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ0-9"“(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Sentences shared by every note, and what is left of each note — so a caveat repeated for
 * every channel is said once.
 */
export function commonSentences(notes: readonly string[]): { common: string[]; rest: string[] } {
  const split = notes.map(sentences);
  if (split.length < 2) return { common: [], rest: notes.map((n) => n.trim()) };
  const common = split[0]!.filter((s) => split.every((list) => list.includes(s)));
  const rest = split.map((list) => list.filter((s) => !common.includes(s)).join(' '));
  return { common, rest };
}
