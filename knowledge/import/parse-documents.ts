/**
 * `thanh_phan_ho_so` → required documents. The portal flattened one or more tables
 * `Tên giấy tờ | Mẫu đơn, tờ khai | Số lượng`, each preceded by an optional group heading:
 * `1. Chứng từ phải nộpTên giấy tờMẫu đơn, tờ khaiSố lượnga) Tờ khai …;1 bản chínhb) Hóa đơn…0 bản chính,1 bản sao2. Hồ sơ …:Tên giấy tờ…`.
 * Each row ends with its count cell ("1 bản chính,1 bản sao" or "Bản chính: 1Bản sao: 0"); the form
 * (a file name such as "Mẫu CC01 Phiếu thu nhận thông tin căn cước.doc") sits just before it.
 */
import type { RequiredDocument } from '../schema.ts';

const TABLE_HEADER = /Tên giấy tờ\s*Mẫu đơn, tờ khai\s*Số lượng/gu;
const COUNT_CELL = /(\d+) bản chính(?:,\s?(\d+) bản sao)?|Bản chính:\s*(\d+)\s*Bản sao:\s*(\d+)/gu;
const FILE_EXTENSION = /\.(?:docx?|pdf|xlsx?|rar|zip|odt)$/iu;

export interface ParsedDocuments {
  documents: RequiredDocument[];
  /** Text after the last count cell that is not a heading (kept as a document, reported). */
  leftover: string;
}

interface CountCell {
  start: number;
  end: number;
  originals: number;
  copies: number;
}

/** Count cells of one table; "nộp 02 bản chính tờ khai" inside a name is not a cell. */
function countCells(block: string): CountCell[] {
  const cells: CountCell[] = [];
  for (const match of block.matchAll(COUNT_CELL)) {
    let start = match.index ?? 0;
    const end = start + match[0].length;
    if (match[3] !== undefined) {
      cells.push({ start, end, originals: Number(match[3]), copies: Number(match[4]) });
      continue;
    }
    let digits = match[1] ?? '';
    const before = block[start - 1] ?? '';
    const after = block.slice(end, end + 2);
    const inline = (before === '' || /\s/u.test(before)) && (digits.startsWith('0') || /^[;:,.]|^ \p{Ll}/u.test(after));
    if (inline && digits.length > 0 && start > 0) continue;
    if (digits.length > 1 && before !== '' && !/\s/u.test(before)) {
      // "…Mẫu số 021 bản chính": the name ends in a digit glued to the count.
      start += digits.length - 1;
      digits = digits.slice(-1);
    }
    cells.push({ start, end, originals: Number(digits), copies: Number(match[2] ?? 0) });
  }
  return cells;
}

/** Positions where a file name could begin: after punctuation glued to text, at a camel-case join, after another file. */
function fileNameStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 1; i < text.length; i += 1) {
    const prev = text[i - 1] ?? '';
    const here = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (/\s/u.test(here)) continue;
    const afterPunctuation = /[.;:)\]]/u.test(prev);
    const camel = /[\p{Ll}\d]/u.test(prev) && /\p{Lu}/u.test(here);
    const acronymThenWord = /\p{Lu}/u.test(prev) && /\p{Lu}/u.test(here) && /\p{Ll}/u.test(next) && /\p{Lu}/u.test(text[i - 2] ?? '');
    const letterThenDigit = /\p{L}/u.test(prev) && /\d/u.test(here) && !/\d/u.test(text[i - 2] ?? '');
    if (afterPunctuation || camel || acronymThenWord || letterThenDigit) starts.push(i);
  }
  return starts;
}

/** Splits trailing form file names off a row: "Tờ khai…thay.Mau TK01a … MỚI.doc" → name + form. */
export function splitForm(text: string): { name: string; form?: string } {
  let name = text.trim();
  const forms: string[] = [];
  while (FILE_EXTENSION.test(name)) {
    const starts = fileNameStarts(name).filter((p) => name.length - p > 4);
    const fits = (p: number) => name.length - p <= 120 && !/[,;] /u.test(name.slice(p));
    const start = starts.find(fits) ?? starts.at(-1);
    if (start === undefined) break;
    // "Mẫu số 91.docxMẫu số 101.docx": several files glued together.
    const files = name.slice(start).split(/(?<=\.(?:docx?|pdf|xlsx?|rar|zip|odt))(?=[^\sxX])/iu);
    forms.unshift(...files.map((file) => file.trim()).filter(Boolean));
    name = name.slice(0, start).trim();
  }
  if (!name && forms.length) name = forms.join('; ');
  return { name, ...(forms.length ? { form: forms.join('; ') } : {}) };
}

function cleanName(text: string): string {
  return text
    .replace(/^[\s\-+*•–]+/u, '')
    .replace(/[\s;,]+$/u, '')
    .trim();
}

function conditionOf(name: string): string | undefined {
  const lead = /^((?:Đối với |Trong )?trường hợp[^:]{3,200}?):/iu.exec(name);
  if (lead) return lead[1]?.trim();
  const inner = /\(((?:đối với |áp dụng )?(?:trường hợp|nếu có)[^()]{0,200})\)/iu.exec(name);
  return inner?.[1]?.trim();
}

function cleanHeading(text: string): string | undefined {
  const heading = text.replace(/^[\s\-*]+/u, '').replace(/[\s:]+$/u, '').trim();
  return heading && heading !== '--' ? heading : undefined;
}

function toDocument(raw: string, cell: Pick<CountCell, 'originals' | 'copies'>, group: string | undefined): RequiredDocument | null {
  const { name, form } = splitForm(raw);
  const cleaned = cleanName(name);
  if (!cleaned) return null;
  const condition = conditionOf(cleaned);
  return {
    name: cleaned,
    ...(form ? { form } : {}),
    originals: cell.originals,
    copies: cell.copies,
    ...(condition ? { condition } : {}),
    ...(group ? { group } : {}),
  };
}

export function parseDocuments(source: string): ParsedDocuments {
  const text = source.trim();
  if (!text || text === 'Không có thông tin') return { documents: [], leftover: '' };
  const parts = text.split(TABLE_HEADER);
  // Without a table header the whole field is one table (or not a table at all).
  const blocks = parts.length > 1 ? parts.slice(1) : [text];
  let heading = parts.length > 1 ? cleanHeading(parts[0] ?? '') : undefined;
  const documents: RequiredDocument[] = [];
  let leftover = '';

  blocks.forEach((block, index) => {
    const cells = countCells(block);
    let cursor = 0;
    for (const cell of cells) {
      const document = toDocument(block.slice(cursor, cell.start), cell, heading);
      if (document) documents.push(document);
      cursor = cell.end;
    }
    const tail = block.slice(cursor).replace(/^[\s\-+*]+$/u, '').trim();
    const isLast = index === blocks.length - 1;
    if (!isLast) {
      heading = cleanHeading(tail);
    } else if (tail && cells.length > 0) {
      leftover = tail;
      const document = toDocument(tail, { originals: 0, copies: 0 }, heading);
      if (document) documents.push(document);
    } else if (tail && cells.length === 0 && parts.length > 1) {
      leftover = tail;
    }
  });
  return { documents, leftover };
}
