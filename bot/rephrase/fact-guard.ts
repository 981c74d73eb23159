/**
 * The fact guard for reworded answers: a rephrasing is accepted only if it neither invents nor
 * drops a fact. Compared, after normalising both texts the same way:
 *  - numbers (thousands separators removed: 200.000 = 200,000 = 200000; "200 nghìn" = 200000;
 *    leading zeros dropped: 06 = 6) — every number in the rewrite must be in the sources, and
 *    every number of the composed answer must still be in the rewrite;
 *  - procedure codes (1.001456), legal document numbers (25/2021/TT-BTC), web addresses and
 *    time expressions ("8 ngày làm việc" ≠ "8 ngày") — the same, both ways;
 *  - document names listed in the composed answer — each must still be there.
 * Pure functions; no I/O.
 */

export type GuardVerdict = { ok: true } | { ok: false; reason: string };

export interface GuardInput {
  /** The composed text that was sent for rewording. */
  composed: string;
  /** Everything else the answer may quote (citation, card facts, button labels). */
  alsoAllowed?: readonly string[];
  /** Names of documents the composed answer lists; each must survive. */
  documentNames?: readonly string[];
  /** What came back. */
  rephrased: string;
}

const URL_PATTERN = /https?:\/\/[^\s)>\]]+/giu;
const CODE_PATTERN = /(?<![\d.,])\d\.\d{6}(?![\d])/gu;
const LEGAL_PATTERN = /\d+\/\d{4}\/[\p{L}\d-]*\p{L}[\p{L}\d-]*/gu;
const NUMBER_PATTERN = /\d+(?:[.,]\d+)*(?:\s*(nghìn|ngàn|triệu|tỷ|tỉ)(?!\p{L}))?/giu;
const TIME_UNITS = ['ngày làm việc', 'giờ làm việc', 'ngày', 'giờ', 'phút', 'tuần', 'tháng', 'năm'];
const TIME_PATTERN = new RegExp(`(\\d+(?:[.,]\\d+)?)\\s*(${TIME_UNITS.join('|')})(?!\\p{L})`, 'giu');
/** "1. ", "2) " at the start of a line: list numbering, not a fact. */
const LIST_MARKER = /^(\s*)\d+[.)](?=\s)/gmu;

const MULTIPLIERS: Record<string, number> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 };

/** Unicode NFC, lower case, one space between words. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** "200.000" / "200,000" / "200000" → "200000"; "06" → "6"; "1,5" → "1.5"; "200 nghìn" → "200000". */
export function canonicalNumber(raw: string): string {
  const match = /^(\d+(?:[.,]\d+)*)(?:\s*(\p{L}+))?$/u.exec(raw.trim().toLowerCase());
  if (!match) return raw;
  const digits = match[1]!;
  let value: string;
  if (/^\d{1,3}(?:[.,]\d{3})+$/u.test(digits)) value = digits.replace(/[.,]/gu, '');
  else if (/^\d+[.,]\d+$/u.test(digits)) value = digits.replace(',', '.');
  else value = digits;
  value = value.replace(/^0+(?=\d)/u, '');
  const multiplier = match[2] ? MULTIPLIERS[match[2]] : undefined;
  if (multiplier && /^\d+(?:\.\d+)?$/u.test(value)) {
    const scaled = Number(value) * multiplier;
    if (Number.isSafeInteger(scaled)) return String(scaled);
  }
  return value;
}

function collect(text: string, pattern: RegExp, canonical: (match: RegExpMatchArray) => string): Set<string> {
  return new Set([...text.matchAll(pattern)].map(canonical));
}

/** The facts of one text, each kind as a set of canonical strings. */
export function extractFacts(text: string): { urls: Set<string>; codes: Set<string>; legal: Set<string>; times: Set<string>; numbers: Set<string> } {
  const nfc = text.normalize('NFC');
  const urls = collect(nfc, URL_PATTERN, (m) => m[0].replace(/[.,;:]+$/u, ''));
  const withoutUrls = nfc.replace(URL_PATTERN, ' ').replace(LIST_MARKER, '$1');
  const codes = collect(withoutUrls, CODE_PATTERN, (m) => m[0]);
  const legal = collect(withoutUrls, LEGAL_PATTERN, (m) => m[0].toUpperCase());
  const times = collect(withoutUrls, TIME_PATTERN, (m) => `${canonicalNumber(m[1]!)} ${m[2]!.toLowerCase()}`);
  const numbers = collect(withoutUrls, NUMBER_PATTERN, (m) => canonicalNumber(m[0]));
  return { urls, codes, legal, times, numbers };
}

const KIND_LABELS = { urls: 'web address', codes: 'procedure code', legal: 'legal document number', times: 'time expression', numbers: 'number' } as const;

/** Accepts the rewrite, or says which fact it invented or dropped. */
export function checkRephrase(input: GuardInput): GuardVerdict {
  const rephrased = input.rephrased.trim();
  if (!rephrased) return { ok: false, reason: 'empty rewrite' };
  if (rephrased.length > input.composed.length * 3 + 300) return { ok: false, reason: 'rewrite far longer than the answer' };

  const composedFacts = extractFacts(input.composed);
  const allowedFacts = extractFacts([input.composed, ...(input.alsoAllowed ?? [])].join('\n'));
  const rephrasedFacts = extractFacts(rephrased);
  for (const kind of Object.keys(KIND_LABELS) as Array<keyof typeof KIND_LABELS>) {
    for (const fact of rephrasedFacts[kind]) {
      if (!allowedFacts[kind].has(fact)) return { ok: false, reason: `invented ${KIND_LABELS[kind]} "${fact}"` };
    }
    for (const fact of composedFacts[kind]) {
      if (!rephrasedFacts[kind].has(fact)) return { ok: false, reason: `dropped ${KIND_LABELS[kind]} "${fact}"` };
    }
  }

  const haystack = normalizeText(rephrased);
  for (const name of input.documentNames ?? []) {
    const needle = normalizeText(name).replace(/[.;:,]+$/u, '');
    if (needle && !haystack.includes(needle)) return { ok: false, reason: `dropped document "${name.slice(0, 80)}"` };
  }
  return { ok: true };
}
