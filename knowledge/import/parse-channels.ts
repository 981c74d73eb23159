/**
 * `cach_thuc_thuc_hien` → submission channels. The portal flattened a table
 * `Hình thức nộp | Thời gian | Phí, lệ phí | Mô tả` with no separators:
 * `Trực tiếp8 Ngày làm việc200,000 Việt Nam Đồng(…note…)Mô tả…Trực tuyến8 Ngày làm việc…`.
 * A row starts at a method name glued to a time cell that is itself glued to a fee cell;
 * a method name inside a description ("- Trực tiếp: nộp tại …") is followed by a space or
 * a colon and is not taken for a row.
 */
import type { ChannelMethod, ProcessingTime, SubmissionChannel, TimeUnit } from '../schema.ts';
import { feesFromDescription, noteMentionsAmount, parseAmount, parseFeeCell, unwrapNote, type FeeStatus } from './parse-fees.ts';

export type TimeStatus =
  | 'parsed' // value and unit from the time cell
  | 'unit_inferred' // bare number; unit taken from another row, the description, or defaulted (noted)
  | 'from_description' // the time cell was empty; the description states the time
  | 'absent' // the portal says it has no information
  | 'unparsed'; // text we could not read

export interface ChannelRow {
  channel: SubmissionChannel;
  timeStatus: TimeStatus;
  feeStatus: FeeStatus;
  problems: string[];
}

const METHODS: Record<string, ChannelMethod> = {
  'Trực tiếp': 'truc_tiep',
  'Trực tuyến': 'truc_tuyen',
  'Dịch vụ bưu chính': 'buu_chinh',
};
const HEADER = /^\s*Hình thức nộp\s*Thời gian\s*Phí, lệ phí\s*Mô tả/u;
const NO_INFO = 'Không có thông tin';
const ROW_CANDIDATE = /(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=[\p{Lu}\d])/gu;
const FEE_START = /^(?:Miễn phí|Không có thông tin|\d[\d.,]*\s?(?:VNĐ|Việt Nam Đồng|Đồng|USD))/u;
const TIME_WITH_UNIT = /^(\d+(?:[.,]\d+)?)\s*(Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm)(?![\p{Ll}])/u;
const UNITS: Record<string, TimeUnit> = {
  'ngày làm việc': 'working_days',
  ngày: 'days',
  'giờ làm việc': 'hours',
  giờ: 'hours',
  tháng: 'months',
};
/** "02 ngày làm việc", "10 ngày", "24 giờ" inside a description. */
const TIME_IN_TEXT = /(\d{1,3})(?:\s*\([^)]{1,12}\))?\s*(ngày làm việc|ngày|giờ làm việc|giờ|tháng)(?![\p{L}])/giu;

interface RowHead {
  method: ChannelMethod;
  /** Offset in the row text where the fee cell starts. */
  feeAt: number;
  time:
    | { kind: 'unit'; value: number; unit: TimeUnit; extraNote?: string }
    | { kind: 'bare'; value: number }
    | { kind: 'digits'; digits: string } // bare time glued to the amount: resolved later
    | { kind: 'none' }
    | { kind: 'text'; text: string };
}

function unitOf(word: string): { unit: TimeUnit; factor: number } {
  const lower = word.toLowerCase();
  if (lower === 'năm') return { unit: 'months', factor: 12 };
  return { unit: UNITS[lower] ?? 'days', factor: 1 };
}

/** Reads the time cell right after a method name; null when this is not a row. */
function readHead(method: ChannelMethod, rest: string): RowHead | null {
  if (rest.startsWith(NO_INFO) && FEE_START.test(rest.slice(NO_INFO.length))) {
    return { method, feeAt: NO_INFO.length, time: { kind: 'none' } };
  }
  const withUnit = TIME_WITH_UNIT.exec(rest);
  if (withUnit && FEE_START.test(rest.slice(withUnit[0].length))) {
    const { unit, factor } = unitOf(withUnit[2] ?? '');
    const value = Number((withUnit[1] ?? '').replace(',', '.')) * factor;
    const extraNote = factor === 1 ? undefined : `${withUnit[1]} năm`;
    return { method, feeAt: withUnit[0].length, time: { kind: 'unit', value, unit, ...(extraNote ? { extraNote } : {}) } };
  }
  const glued = /^(\d[\d,]*)\s?(?:VNĐ|Việt Nam Đồng|Đồng|USD)/u.exec(rest);
  if (glued) return { method, feeAt: 0, time: { kind: 'digits', digits: glued[1] ?? '' } };
  const bare = /^(\d+)(?=Miễn phí|Không có thông tin)/u.exec(rest);
  if (bare) return { method, feeAt: bare[0].length, time: { kind: 'bare', value: Number(bare[1]) } };
  const text = /^(\p{Lu}[^\n()]{1,200}?)(?=Miễn phí|Không có thông tin|\d[\d.,]*\s?(?:VNĐ|Việt Nam Đồng|USD))/u.exec(rest);
  if (text) return { method, feeAt: text[0].length, time: { kind: 'text', text: (text[1] ?? '').trim() } };
  return null;
}

/** Splits off the fee token and its parenthesised note; returns the rest (the description). */
function readFee(cell: string): { token: string; note: string; description: string } {
  const head = FEE_START.exec(cell);
  const token = head?.[0] ?? '';
  let at = token.length;
  let note = '';
  if (cell[at] === '(') {
    let depth = 0;
    let end = cell.length;
    for (let i = at; i < cell.length; i += 1) {
      if (cell[i] === '(') depth += 1;
      else if (cell[i] === ')') depth -= 1;
      if (depth === 0) {
        end = i + 1;
        break;
      }
    }
    note = cell.slice(at, end);
    at = end;
  }
  return { token: token.trim(), note, description: cell.slice(at).trim() };
}

/**
 * "120,000 VNĐ" right after a method: a unit-less time glued to an amount ("1" + "20,000").
 * Picks the split the note confirms, else the one matching another row's time, else the
 * shortest time (amounts are printed with thousands separators, times are small).
 */
function splitDigits(digits: string, note: string, knownValues: number[]): { value: number | null; amount: string } {
  const candidates: { value: number | null; amount: string; score: number }[] = [];
  for (let k = 0; k < digits.length; k += 1) {
    const timePart = digits.slice(0, k);
    const amount = digits.slice(k);
    if (timePart.includes(',') || !/^(?:0|[1-9]\d{0,2}(?:,\d{3})*)$/.test(amount)) continue;
    const value = k === 0 ? null : Number(timePart);
    if (value === 0) continue;
    const amountValue = parseAmount(amount) ?? 0;
    let score = value === null ? 0 : 1;
    if (amountValue > 0 && (noteMentionsAmount(note, amountValue) || noteMentionsAmount(note, amountValue * 1000))) score += 4;
    if (value !== null && knownValues.includes(value)) score += 2;
    candidates.push({ value, amount, score: score + amount.length / 100 });
  }
  candidates.sort((a, b) => b.score - a.score);
  return candidates[0] ?? { value: null, amount: digits };
}

function timeFromText(text: string): { value: number; unit: TimeUnit } | null {
  if (/trong ngày/iu.test(text) && !/\d+\s*ngày/iu.test(text)) return null;
  TIME_IN_TEXT.lastIndex = 0;
  const match = TIME_IN_TEXT.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  return value > 0 ? { value, unit: unitOf(match[2] ?? '').unit } : null;
}

interface Segment {
  head: RowHead;
  body: string;
}

function segments(text: string): { segs: Segment[]; firstAt: number } {
  const starts: { at: number; head: RowHead; keyLength: number }[] = [];
  for (const match of text.matchAll(ROW_CANDIDATE)) {
    const key = match[1] ?? '';
    const at = match.index ?? 0;
    const head = readHead(METHODS[key] as ChannelMethod, text.slice(at + key.length));
    if (head) starts.push({ at, head, keyLength: key.length });
  }
  const segs = starts.map((start, i) => ({
    head: start.head,
    body: text.slice(start.at + start.keyLength, starts[i + 1]?.at ?? text.length),
  }));
  return { segs, firstAt: starts[0]?.at ?? text.length };
}

export interface ParsedChannels {
  rows: ChannelRow[];
  /** Text we could not place in any row (reported, never dropped silently). */
  leftover: string;
}

export function parseChannels(source: string): ParsedChannels {
  const text = source.replace(HEADER, '').trim();
  if (!text || text === NO_INFO) return { rows: [], leftover: '' };
  const { segs, firstAt } = segments(text);
  const leftover = text.slice(0, firstAt).trim();

  // Times stated with a unit in some row help the rows whose unit was lost.
  const stated = segs.flatMap((s) => (s.head.time.kind === 'unit' ? [s.head.time] : []));
  const knownValues = segs.flatMap((s) => (s.head.time.kind === 'unit' || s.head.time.kind === 'bare' ? [s.head.time.value] : []));

  const rows = segs.map((seg) => {
    const problems: string[] = [];
    const cell = seg.body.slice(seg.head.feeAt);
    const { token, note, description } = readFee(cell);
    let feeToken = token;
    let time: ProcessingTime | null = null;
    let timeStatus: TimeStatus = 'unparsed';
    let bareValue: number | null = null;
    let timeText = '';

    const t = seg.head.time;
    if (t.kind === 'digits') {
      const split = splitDigits(t.digits, unwrapNote(note), knownValues);
      bareValue = split.value;
      feeToken = token.replace(t.digits, split.amount);
      if (bareValue === null) timeStatus = 'absent';
    } else if (t.kind === 'bare') {
      bareValue = t.value;
    } else if (t.kind === 'unit') {
      if (t.value > 0) {
        time = { value: t.value, unit: t.unit, ...(t.extraNote ? { note: t.extraNote } : {}) };
        timeStatus = 'parsed';
      } else {
        timeStatus = 'absent';
      }
    } else if (t.kind === 'none') {
      timeStatus = 'absent';
    } else {
      if (/trong ngày|ngay trong ngày/iu.test(t.text)) {
        time = { value: null, unit: 'same_day', note: t.text };
        timeStatus = 'parsed';
      } else {
        const fromText = timeFromText(t.text);
        time = fromText ? { ...fromText, note: t.text } : null;
        // "Không quy định", "Không phải trả kết quả…", "…phản hồi tự động…": the source states there is no time.
        timeStatus = fromText ? 'parsed' : /^Không|tự động/u.test(t.text) ? 'absent' : 'unparsed';
        if (!fromText) timeText = t.text;
        if (timeStatus === 'unparsed') problems.push(`thời gian không đọc được: "${t.text}"`);
      }
    }

    if (bareValue === 0) {
      // "Trực tuyến0Miễn phí": the portal's placeholder for no time.
      bareValue = null;
      timeStatus = 'absent';
    }
    if (bareValue !== null) {
      time = inferUnit(bareValue, stated, description);
      timeStatus = 'unit_inferred';
    }
    if (time === null && timeStatus === 'absent') {
      const fromDescription = timeFromText(description);
      if (fromDescription) {
        time = { ...fromDescription, note: 'Cổng không ghi thời gian ở cột "Thời gian"; lấy từ mô tả' };
        timeStatus = 'from_description';
      }
    }

    let fees = parseFeeCell(feeToken, note);
    if (fees.status === 'absent') {
      const stated = feesFromDescription(description);
      if (stated) fees = { fees: stated, status: 'parsed' };
    }
    if (fees.problem) problems.push(fees.problem);
    const channel: SubmissionChannel = {
      method: seg.head.method,
      time,
      fees: fees.fees,
      ...(description || timeText ? { note: [timeText && `Thời gian: ${timeText}`, description].filter(Boolean).join('\n') } : {}),
    };
    return { channel, timeStatus, feeStatus: fees.status, problems };
  });
  return { rows, leftover };
}

/** A unit-less time ("Trực tuyến3Miễn phí"): unit from a sibling row, else the description, else noted default. */
function inferUnit(value: number, stated: { value: number; unit: TimeUnit }[], description: string): ProcessingTime {
  const sameValue = stated.find((s) => s.value === value);
  if (sameValue) return { value, unit: sameValue.unit, note: 'Cổng không ghi đơn vị; lấy theo hình thức nộp khác của cùng thủ tục' };
  const fromDescription = timeFromText(description);
  if (fromDescription && fromDescription.value === value) {
    return { value, unit: fromDescription.unit, note: 'Cổng không ghi đơn vị; lấy theo mô tả' };
  }
  const units = [...new Set(stated.map((s) => s.unit))];
  if (units.length === 1 && units[0]) {
    return { value, unit: units[0], note: 'Cổng không ghi đơn vị; lấy theo hình thức nộp khác của cùng thủ tục' };
  }
  return { value, unit: 'working_days', note: `Cổng chỉ ghi số "${value}", không ghi đơn vị; tạm hiểu là ngày làm việc` };
}
