/**
 * Near-duplicate procedures: the same procedure published at several levels (cấp tỉnh / cấp xã)
 * or by several agencies under one name. They share a key — the folded name without level
 * words — and the retriever shows one of them, listing the others as variants; a level named in
 * the question (or preferred by the caller) decides which one leads.
 */
import type { Level, Procedure } from '../knowledge/schema.ts';
import { foldedKey } from '../knowledge/language/normalize.ts';

/** Level words in a name; "TW" is how some names write trung ương ("… (cấp TW)" beside "… (cấp tỉnh)"). */
const LEVEL_WORDS = /\b(?:(?:thuc hien\s+)?(?:tai|o|thuoc)\s+)?(?:cap\s+(?:tinh|xa|huyen|bo|trung uong|tw|co so)|trung uong)\b/g;

/**
 * The authority a procedure is published for, at the end of its name: "… thuộc thẩm quyền (cấp
 * phép / giải quyết) của Chủ tịch UBND cấp tỉnh", "… do Chủ tịch UBND cấp tỉnh phân cấp cho …".
 */
const AUTHORITY_CLAUSE = /\b(?:thuoc tham quyen|do (?:chu tich )?(?:ubnd|uy ban nhan dan)\b.*\bphan cap)\b.*$/;

/**
 * The immigration agency that runs a procedure, at the end of its name: "… tại Công an cấp tỉnh",
 * "… tại Phòng Quản lý xuất nhập cảnh Công an tỉnh, thành phố trực thuộc Trung ương" beside
 * "… tại Cục Quản lý xuất nhập cảnh, Bộ Công an" — the provincial and the central desk of one
 * procedure (the record's levels tell which is which).
 */
const IMMIGRATION_AGENCY =
  /\btai (?:(?:phong quan l[iy] xuat nhap canh )?cong an (?:cap tinh|tinh thanh pho truc thuoc trung uong)|cuc quan l[iy] xuat nhap canh(?: bo cong an)?)$/;

/** "cho người nước ngoài tại Việt Nam": the names of one procedure write "tại Việt Nam" or not. */
const FOREIGNER_IN_VIETNAM = /\bnuoc ngoai tai viet nam\b/g;

/** A procedure's own code written into its name: "Cấp giấy phép môi trường (cấp Tỉnh) ( 1.010727 )". */
const OWN_CODE = /\(\s*\d\.\d{6}\s*\)/g;

export function nearDuplicateKey(name: string): string {
  return foldedKey(name)
    .replace(OWN_CODE, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(AUTHORITY_CLAUSE, ' ')
    .trim()
    .replace(IMMIGRATION_AGENCY, ' ')
    .replace(FOREIGNER_IN_VIETNAM, 'nuoc ngoai')
    .replace(LEVEL_WORDS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Groups procedure indexes by near-duplicate key; every index maps to its group's members. */
export function groupNearDuplicates(procedures: readonly Procedure[]): number[][] {
  const byKey = new Map<string, number[]>();
  procedures.forEach((procedure, index) => {
    const key = nearDuplicateKey(procedure.name);
    const members = byKey.get(key);
    if (members) members.push(index);
    else byKey.set(key, [index]);
  });
  const groupOf: number[][] = new Array(procedures.length);
  for (const members of byKey.values()) for (const index of members) groupOf[index] = members;
  return groupOf;
}

const LEVEL_PATTERNS: Array<[Level, RegExp]> = [
  ['xa', /\b(?:cap xa|ubnd (?:xa|phuong)|uy ban nhan dan (?:xa|phuong)|xa phuong|phuong xa)\b/],
  ['huyen', /\b(?:cap huyen|ubnd (?:huyen|quan)|uy ban nhan dan (?:huyen|quan))\b/],
  ['tinh', /\b(?:cap tinh|ubnd tinh|uy ban nhan dan tinh|so \p{L}+)\b/u],
  ['bo', /\b(?:cap bo|cap trung uong|cap tw|trung uong|bo \p{L}+ \p{L}+)\b/u],
];

/**
 * Levels a question names ("ở cấp xã", "UBND phường", "cấp tỉnh"). Since 1 July 2025 there is
 * no district level (cấp huyện) any more and its procedures passed to the communes, so a
 * question that still says "cấp huyện" also means cấp xã.
 */
export function levelsNamedIn(question: string): Level[] {
  const folded = foldedKey(question).replace(/[^\p{L}\p{N}]+/gu, ' ');
  const named = LEVEL_PATTERNS.filter(([, pattern]) => pattern.test(folded)).map(([level]) => level);
  if (named.includes('huyen') && !named.includes('xa')) named.push('xa');
  return named;
}
