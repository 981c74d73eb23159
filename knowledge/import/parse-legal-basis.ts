/**
 * `can_cu_phap_ly` → legal basis. The portal flattened `Tên văn bản pháp lý | Mã văn bản`, so a
 * title runs into its number and the number into the next title:
 * `Luật 54/2014/QH1354/2014/QH13Thông tư 92/2015/TT-BTC92/2015/TT-BTC…`.
 * A row ends at a document number glued to the next title (or at the end); a number followed by a
 * space or a lower-case word ("số 19/2021/TT-BTC ngày 18/3/2021") is part of the title.
 */
import type { LegalBasis } from '../schema.ts';

const HEADER = /^\s*Tên văn bản pháp lý\s*Mã văn bản/u;
/** Issuer tokens: TT, BTC, NĐ, CP, QĐ, TTg; only the National Assembly's carries a term number (QH13). */
const ISSUER = String.raw`(?:TTg|[\p{Lu}Đ]*QH\d{0,2}|[\p{Lu}Đ]+)`;
/** A capital + lower-case pair that can start a Vietnamese word ("Th", "Ng", "Lu"), i.e. the next title. */
const WORD_START = /^\p{Lu}(?:[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]|h|g|r|u)/u;
/** 54/2014/QH13, 92/2015/TT-BTC, 2628/QĐ-BTC, 01/VBHN-BTC, 110/2020/TT-BCA. */
const NUMBER = new RegExp(String.raw`\d{1,4}\/(?:\d{4}\/)?${ISSUER}(?:-${ISSUER})*`, 'gu');
const TRAILING_KIND = /(?<=\S)(?:Luật|Bộ luật|Nghị định|Thông tư|Quyết định|Nghị quyết|Pháp lệnh|Văn bản hợp nhất)(?: số)?\s*$/u;

interface NumberHit {
  start: number;
  end: number;
  number: string;
}

function numberHits(text: string): NumberHit[] {
  const hits: NumberHit[] = [];
  for (const match of text.matchAll(NUMBER)) {
    let number = match[0];
    let start = match.index ?? 0;
    const end = start + number.length;
    // "TT-BTCThông tư…": the capital that starts the next title is not part of the number.
    if (/\p{Lu}$/u.test(number) && !number.endsWith('TTg') && WORD_START.test(text.slice(end - 1, end + 1))) {
      number = number.slice(0, -1);
    }
    // "…năm 201335/2013/QH13": the title's year is glued to the number.
    const previousEnd = hits.at(-1)?.end ?? 0;
    const glued = /\d+$/u.exec(text.slice(previousEnd, start))?.[0] ?? '';
    if (glued) {
      const run = glued + (/^\d+/u.exec(number)?.[0] ?? '');
      const year = /^(?:19|20)\d\d/u.exec(run);
      if (year && run.length > 4) {
        const keep = run.length - 4;
        const digits = /^\d+/u.exec(number)?.[0] ?? '';
        number = run.slice(4) + number.slice(digits.length);
        start = start - glued.length + run.length - keep;
      }
    }
    hits.push({ start, end: start + number.length, number });
  }
  return hits;
}

/** A number ends a row when the next title (or the end, or its own repeat) follows with no space. */
function endsRow(text: string, hit: NumberHit, next: NumberHit | undefined): boolean {
  const after = text.slice(hit.end);
  if (after.trim() === '') return true;
  if (next && next.start === hit.end) return next.number === hit.number ? false : /^\d/u.test(after) === false;
  return /^[\p{Lu}\d"“(]/u.test(after) && !/^\s/u.test(after);
}

function cleanTitle(title: string): string {
  return title.replace(/^[\s;,.:\-–]+/u, '').replace(/[\s;,:\-–]+$/u, '').trim();
}

export function parseLegalBasis(source: string): { items: LegalBasis[]; leftover: string } {
  const text = source.replace(HEADER, '').trim();
  if (!text || /^Không có thông tin/u.test(text)) return { items: [], leftover: '' };
  const hits = numberHits(text);
  const items: LegalBasis[] = [];
  let cursor = 0;
  hits.forEach((hit, i) => {
    if (hit.start < cursor || !endsRow(text, hit, hits[i + 1])) return;
    let title = cleanTitle(text.slice(cursor, hit.start));
    // The number column sometimes repeats the kind: "Luật Các tổ chức tín dụngLuật số 32/2024/QH15".
    title = cleanTitle(title.replace(TRAILING_KIND, '')) || title;
    items.push({ title: title || hit.number, number: hit.number });
    cursor = hit.end;
  });
  const leftover = cleanTitle(text.slice(cursor));
  if (leftover) items.push({ title: leftover, number: '' });
  return { items, leftover };
}
