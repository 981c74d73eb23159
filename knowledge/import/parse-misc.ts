/**
 * The smaller fields of a national record: levels, result, steps, subjects, agencies,
 * conditions and related procedures.
 */
import type { Level } from '../schema.ts';

export const NO_INFO = 'Không có thông tin';

/** "", "Không có thông tin", "Không", "Không có", "Không quy định." → nothing to say. */
export function isEmptyValue(text: string | undefined): boolean {
  const value = (text ?? '').trim().replace(/[.\s]+$/u, '');
  return value === '' || /^(?:Không có thông tin|Không|Không có|Không quy định|-+)$/iu.test(value);
}

const LEVEL_WORDS: [RegExp, Level][] = [
  [/Cấp bộ/iu, 'bo'],
  [/Cấp tỉnh/iu, 'tinh'],
  [/Cấp huyện/iu, 'huyen'],
  [/Cấp xã/iu, 'xa'],
];

/** "Cấp bộ, Cấp tỉnh, Cơ quan khác" → levels ['bo', 'tinh'] and others ['Cơ quan khác']. */
export function parseLevels(text: string): { levels: Level[]; others: string[] } {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const levels: Level[] = [];
  const others: string[] = [];
  for (const part of parts) {
    const level = LEVEL_WORDS.find(([pattern]) => pattern.test(part))?.[1];
    if (level && !levels.includes(level)) levels.push(level);
    else if (!level) others.push(part);
  }
  return { levels, others };
}

const RESULT_CODE = /Mã:\s*(?:[\d.]+G\d+-KQ|KQ\.[A-Z0-9]+\.\d+|\S+?(?=Từ khóa|$))/gu;
const FURNITURE = /(?:Chọn cơ quan thực hiện|Tỉnh\/ Thành phố|Hệ thống chỉ hiển thị)[\s\S]*$|Nộp hồ sơ\s*$/u;

/**
 * `ket_qua_xu_ly`: "Hộ chiếu …Mã: KQ.G01.000083Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan…Nộp hồ sơ"
 * → ["Hộ chiếu …"]. Several results are "Tên1Mã: …Tên2Mã: …".
 */
export function parseResults(text: string): string[] {
  let body = text.replace(FURNITURE, '').trim();
  let description = '';
  const tail = /Từ khóa([\s\S]*?)Mô tả([\s\S]*)$/u.exec(body);
  if (tail) {
    description = (tail[2] ?? '').trim();
    body = body.slice(0, tail.index);
  }
  const results = body
    .split(RESULT_CODE)
    .map((part) => part.trim())
    .filter((part) => !isEmptyValue(part));
  if (!isEmptyValue(description)) results.push(`Mô tả: ${description}`);
  return results;
}

/** `trinh_tu_thuc_hien` → one entry per "Bước n" (with its sub-lines), else one per line. */
export function parseSteps(text: string): string[] {
  if (isEmptyValue(text)) return [];
  const normalised = text.replace(/\r/g, '').replace(/\t/g, ' ');
  const byStep = normalised.split(/(?=(?:^|\n|\s)Bước\s*\d+\s*[:.)-]?)/u).map((s) => s.trim()).filter(Boolean);
  const pieces = byStep.length > 1 ? byStep : normalised.split('\n');
  return pieces.map((s) => s.replace(/[ \u00a0]+/g, ' ').replace(/\n\s*\n+/g, '\n').trim()).filter((s) => s.length > 0);
}

/** Splits on commas/semicolons/new lines outside parentheses: "Tổ chức (không bao gồm doanh nghiệp, HTX), Doanh nghiệp". */
export function splitList(text: string): string[] {
  if (isEmptyValue(text)) return [];
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === ',' || char === ';' || char === '\n')) {
      items.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  items.push(current);
  const cleaned = items.map((item) => item.trim().replace(/[.;]+$/u, '').trim()).filter((item) => item && !isEmptyValue(item));
  return [...new Set(cleaned)];
}

/** `yeu_cau_dieu_kien`: one condition per line; "Không có thông tin"/"Không" → none. */
export function parseConditions(text: string): string[] {
  if (isEmptyValue(text)) return [];
  return text
    .replace(/\r/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line && !isEmptyValue(line));
}

/** `thu_tuc_lien_quan`: codes of related procedures, plus names when only names are given. */
export function parseRelated(text: string): { codes: string[]; names: string[] } {
  if (isEmptyValue(text)) return { codes: [], names: [] };
  const codes = [...new Set(text.match(/\b\d\.\d{6}\b/gu) ?? [])];
  const names = [...text.matchAll(/#Tên thủ tục\d+(.*?)(?=#\d+Tên thủ tục|$)/gsu)]
    .map((m) => (m[1] ?? '').trim())
    .filter(Boolean);
  return { codes, names: [...new Set(names)] };
}

/** Addresses of `dia_chi_tiep_nhan`: one per line or semicolon. */
export function parseAddresses(text: string): string[] {
  if (isEmptyValue(text)) return [];
  return [...new Set(text.split(/\n|;/u).map((s) => s.trim()).filter((s) => s && !isEmptyValue(s)))];
}
