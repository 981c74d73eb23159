/**
 * Small things a message may mention besides its intent: an administrative level, a dossier
 * code, a choice among offered options ("số 2", "cái đầu tiên"), or a "what about …" frame that
 * carries the previous question over to a new procedure.
 */
import type { Level } from '../../knowledge/schema.ts';
import type { AnalyzedMessage } from '../../knowledge/language/message-tokens.ts';

const LEVEL_PATTERNS: Array<[Level, RegExp]> = [
  ['xa', /\b(cap xa|o xa|uy ban nhan dan xa|ubnd xa|xa phuong|o phuong|tai phuong|cap phuong|ubnd phuong|uy ban nhan dan phuong|thi tran|cap co so)\b/],
  ['huyen', /\b(cap huyen|quan huyen|o huyen|o quan|uy ban nhan dan huyen|ubnd huyen|ubnd quan)\b/],
  ['tinh', /\b(cap tinh|o tinh|so tu phap|so ke hoach|so xay dung|so tai nguyen|so giao thong|cong an tinh|phong xuat nhap canh)\b/],
  ['bo', /\b(cap bo|cap trung uong|trung uong|bo tu phap|bo cong an|cuc)\b/],
];

/** Levels the citizen named ("ở xã", "cấp tỉnh"). */
export function mentionedLevels(analysis: AnalyzedMessage): Level[] {
  return LEVEL_PATTERNS.filter(([, pattern]) => pattern.test(analysis.folded)).map(([level]) => level);
}

/** Dossier codes: spaces, lowercase and missing dots tolerated (knowledge/dossiers/dossier-code.ts). */
export { DOSSIER_CODE_EXAMPLE, findDossierCode } from '../../knowledge/dossiers/dossier-code.ts';

const ORDINALS: Array<[RegExp, number]> = [
  [/^(so |cai |muc |lua chon |chon )?(1|mot|thu nhat|dau tien|dau)$/, 0],
  [/^(so |cai |muc |lua chon |chon )?(2|hai|thu hai)$/, 1],
  [/^(so |cai |muc |lua chon |chon )?(3|ba|thu ba)$/, 2],
  [/^(so |cai |muc |lua chon |chon )?(4|bon|thu tu)$/, 3],
  [/^(cai )?(cuoi|cuoi cung)$/, -1],
];

/** "2", "số 2", "cái thứ hai", "cái đầu" → index (-1 for "the last one"), else null. */
export function chosenOrdinal(analysis: AnalyzedMessage): number | null {
  const text = analysis.folded
    .replace(/\b(a|nhe|nha|ha|di|thi|la|em|anh|chi|ban|oi)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, index] of ORDINALS) if (pattern.test(text)) return index;
  return null;
}

/** "thế còn …", "còn … thì sao", "vậy còn …", "… thì sao": the previous question, another subject. */
export function isCarryOver(analysis: AnalyzedMessage): boolean {
  const text = analysis.folded;
  return /^(the con|vay con|con|the|vay|the thi|con neu)\b/.test(text) || /\b(thi sao|the nao|sao a|thi the nao)\s*$/.test(text);
}

/**
 * "à không, ý em là cấp lại", "nhầm, đăng ký tạm trú cơ": the message corrects what the
 * conversation is about, so what it says applies to the procedure under discussion.
 */
export function isCorrection(analysis: AnalyzedMessage): boolean {
  const text = analysis.folded;
  return (
    /^(a |a, |ah |uh )?(khong|ko|k|hong|nham|xin loi)\b/.test(text) ||
    /\b(y (minh |em |e |toi |tui |to |t |m )?la|noi nham|ghi nham|go nham|chu (khong|ko|k) phai)\b/.test(text)
  );
}
