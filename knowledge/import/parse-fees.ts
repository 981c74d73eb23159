/**
 * One fee cell of the portal's "Cách thức thực hiện" table → Fee lines.
 * The cell is `Miễn phí` | `Không có thông tin` | `<amount> VNĐ|Việt Nam Đồng|USD`, optionally
 * followed by a parenthesised note that we keep verbatim.
 */
import type { Fee } from '../schema.ts';

export type FeeStatus = 'parsed' | 'absent' | 'unparsed';

export interface ParsedFees {
  fees: Fee[];
  /** parsed: a kind was determined from a figure or a statement; absent: the portal says it has no information. */
  status: FeeStatus;
  problem?: string;
}

const DEFAULT_LABEL = 'Phí, lệ phí';
const NO_INFO = 'Không có thông tin';

/** "do Hội đồng nhân dân tỉnh … quyết định", "HĐND tỉnh quy định", "do Ủy ban nhân dân cấp tỉnh quy định". */
const SET_BY_PROVINCE =
  /(?:Hội đồng nhân dân|HĐND)[^.;]{0,120}?(?:quyết định|quy định)|do (?:Ủy ban nhân dân|UBND) (?:cấp )?tỉnh[^.;]{0,40}?quy định/iu;
const EXEMPTION = /Miễn (?:lệ phí|phí)(?: \S+){0,4}? (?:cho|đối với) ([^.]+)/giu;
/** An amount written in a note: 160.000 đồng, 320.000đ, 40.000đồng, 2.000.000 VNĐ. */
const NOTE_AMOUNT = /(\d{1,3}(?:[.,]\d{3})+|\d{4,})\s?(?:đồng|Đồng|đ(?![\p{L}])|VNĐ|vnđ|VND)/gu;

export function parseAmount(text: string): number | null {
  const digits = text.replace(/[.,\s]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : null;
}

/** Amounts (in đồng) written inside a note. */
export function amountsInNote(note: string): number[] {
  const found: number[] = [];
  for (const match of note.matchAll(NOTE_AMOUNT)) {
    const amount = parseAmount(match[1] ?? '');
    if (amount !== null && !found.includes(amount)) found.push(amount);
  }
  return found;
}

/** Strips the outer parentheses of "(…)" / "((…))" and trims. */
export function unwrapNote(raw: string): string {
  let note = raw.trim();
  while (note.startsWith('(') && note.endsWith(')') && balanced(note.slice(1, -1))) {
    note = note.slice(1, -1).trim();
  }
  if (note.startsWith('(') && !balanced(note)) note = note.slice(1).trim();
  return note;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

export function exemptionsIn(note: string): string[] {
  const phrases: string[] = [];
  for (const match of note.matchAll(EXEMPTION)) {
    for (const part of (match[1] ?? '').split(/;|, (?=người|hộ|trẻ|tổ chức|cá nhân)/u)) {
      const phrase = part.trim().replace(/[.;,]+$/, '');
      if (phrase && !phrases.includes(phrase)) phrases.push(phrase);
    }
  }
  return phrases;
}

function labelOf(note: string): string {
  const match = /^[\s\-+*•]*((?:Lệ phí|Phí)[^:()\d]{0,80}?)\s*:/u.exec(note);
  return match?.[1]?.trim() || DEFAULT_LABEL;
}

function fee(kind: Fee['kind'], amountVnd: number | null, note: string, label = labelOf(note)): Fee {
  return {
    kind,
    label,
    amountVnd,
    ...(note ? { note } : {}),
    exemptions: exemptionsIn(note),
  };
}

const formatted = (amount: number) => [amount.toLocaleString('de-DE'), amount.toLocaleString('en-US'), String(amount)];

/** Whether a note confirms `amount` (as written, e.g. 20.000 or 20,000). */
export function noteMentionsAmount(note: string, amount: number): boolean {
  return formatted(amount).some((text) => new RegExp(`(?<![\\d.,])${text.replace(/[.,]/g, '[.,]')}(?![\\d]|[.,]\\d)`).test(note));
}

/**
 * @param token  the fee cell head: "Miễn phí", "Không có thông tin", or "<digits> <currency>"
 * @param rawNote the parenthesised note right after it (may be empty)
 */
export function parseFeeCell(token: string, rawNote: string): ParsedFees {
  const note = unwrapNote(rawNote);
  if (token === NO_INFO) {
    if (note && SET_BY_PROVINCE.test(note)) return { fees: [fee('set_by_province', null, note)], status: 'parsed' };
    return { fees: [fee('unspecified', null, note || 'Cổng Dịch vụ công không có thông tin về phí, lệ phí')], status: 'absent' };
  }
  if (token === 'Miễn phí') return parseFreeCell(note);

  const money = /^(\d[\d.,]*)\s?(VNĐ|Việt Nam Đồng|Đồng|USD)$/u.exec(token);
  if (!money) return { fees: [fee('unspecified', null, [token, note].filter(Boolean).join(' '))], status: 'unparsed', problem: `phí không đọc được: "${token}"` };
  const amount = parseAmount(money[1] ?? '');
  const currency = money[2] ?? '';
  if (amount === null) return { fees: [fee('unspecified', null, `${token} ${note}`.trim())], status: 'unparsed', problem: `số tiền không đọc được: "${token}"` };
  if (currency === 'USD') {
    // The schema holds đồng only: keep the foreign-currency figure in the note.
    return { fees: [fee('unspecified', null, [`${amount} USD`, note].filter(Boolean).join(' — '))], status: 'parsed' };
  }
  if (amount === 0) return { fees: [fee('free', null, note)], status: 'parsed' };
  if (amount < 1000) {
    // The portal sometimes stores thousands ("20 VNĐ(20.000 vnđ /tờ khai)"); trust it only when the note agrees.
    if (new RegExp(`(?<![\\d.,])${amount}\\s?USD`).test(note)) {
      return { fees: [fee('unspecified', null, [`${amount} USD`, note].filter(Boolean).join(' — '))], status: 'parsed' };
    }
    for (const scale of [1000, 1_000_000]) {
      if (noteMentionsAmount(note, amount * scale)) return { fees: [fee('fixed', amount * scale, note)], status: 'parsed' };
    }
    if (amount <= 1 && /miễn/iu.test(note)) return { fees: [fee('free', null, note)], status: 'parsed' };
    if (note && SET_BY_PROVINCE.test(note)) return { fees: [fee('set_by_province', null, note)], status: 'parsed' };
    return {
      fees: [fee('unspecified', null, [`Cổng Dịch vụ công ghi "${token}" — con số không rõ đơn vị`, note].filter(Boolean).join('. '))],
      status: 'unparsed',
      problem: `số tiền bất thường: "${token}"`,
    };
  }
  return { fees: [fee('fixed', amount, note)], status: 'parsed' };
}

/** "Miễn phí" is the portal's default; its note often says who sets the fee or names the real figures. */
function parseFreeCell(note: string): ParsedFees {
  if (note && SET_BY_PROVINCE.test(note)) return { fees: [fee('set_by_province', null, note)], status: 'parsed' };
  const amounts = amountsInNote(note);
  if (amounts.length === 0) return { fees: [fee('free', null, note)], status: 'parsed' };
  // "Miễn phí(Lệ phí cấp mới 40.000đồng/lần; lệ phí cấp lại 20.000 đồng/lần.)": the note carries the rates.
  return { fees: amounts.map((amount) => fee('fixed', amount, note)), status: 'parsed' };
}

const DESCRIPTION_FEE = /((?:Lệ phí|Phí)[^:\n]{0,80}?)\s*:\s*(\d{1,3}(?:[.,]\d{3})+|\d{4,})\s?(?:Đồng|đồng|VNĐ|đ(?![\p{L}]))/gu;

/**
 * When the fee column says "Không có thông tin", the description sometimes states the fee:
 * "- Lệ phí : 20.000 Đồng (…)", "Không quy định phí, lệ phí", "Hội đồng nhân dân cấp tỉnh quyết định".
 */
export function feesFromDescription(description: string): Fee[] | null {
  const fixed: Fee[] = [];
  for (const match of description.matchAll(DESCRIPTION_FEE)) {
    const amount = parseAmount(match[2] ?? '');
    if (amount && !fixed.some((f) => f.amountVnd === amount)) {
      fixed.push(fee('fixed', amount, description, (match[1] ?? '').trim() || DEFAULT_LABEL));
    }
  }
  if (fixed.length) return fixed;
  if (/phí[^.\n]{0,60}(?:Hội đồng nhân dân|HĐND)[^.\n]{0,60}quyết định/iu.test(description)) {
    return [fee('set_by_province', null, description)];
  }
  if (/không quy định[^.\n]{0,40}phí/iu.test(description)) return [fee('free', null, description)];
  return null;
}
