/**
 * Citizens' wordings a supervisor attached to a procedure (from the insights page): each is
 * stored with who, when and why, and its topic words (folded, like vocabulary/asked-phrasings.json)
 * join that procedure's `asked` field in the lexical index, so the next citizen who asks the same
 * way is answered. Removing one keeps the row (who removed it, when, why): the table is the audit log.
 */
import { z } from 'zod';
import { maskPersonalData } from '../personal-data.ts';
import { OverlayInputError, type OverlayIssue } from './overlay-errors.ts';

export const MAX_PHRASING_LENGTH = 300;
export const MAX_PHRASING_REASON_LENGTH = 500;

export interface LearnedPhrasing {
  id: number;
  /** The procedure the citizen meant. */
  code: string;
  /** The citizen's wording as the supervisor added it (phone and ID numbers masked). */
  text: string;
  /** Its topic words, folded: what the index reads. */
  words: string;
  author: string;
  reason: string;
  at: Date;
  /** Set once removed: who, why, when. */
  removed?: { by: string; reason: string; at: Date };
}

export interface NewLearnedPhrasing {
  code: string;
  text: string;
  words: string;
  author: string;
  reason: string;
}

/** The same topic words are already attached to that procedure. */
export class LearnedPhrasingExistsError extends Error {
  constructor(readonly existing: LearnedPhrasing) {
    super(`phrasing "${existing.words}" already attached to ${existing.code} (#${existing.id})`);
    this.name = 'LearnedPhrasingExistsError';
  }
}

export interface LearnedPhrasingStore {
  /** Stores a new phrasing; throws LearnedPhrasingExistsError when (code, words) is already active. */
  add(phrasing: NewLearnedPhrasing): Promise<LearnedPhrasing>;
  /** Marks one removed (null: no such phrasing, or removed already). */
  remove(id: number, by: string, reason: string): Promise<LearnedPhrasing | null>;
  /** The phrasings not removed, oldest first. */
  active(): Promise<LearnedPhrasing[]>;
  get(id: number): Promise<LearnedPhrasing | null>;
  /** Increases with every add and removal (0: none yet): another instance compares it to notice changes. */
  revision(): Promise<number>;
}

const PhrasingInputSchema = z.object({
  text: z
    .string({ error: 'ghi cách hỏi của người dân' })
    .trim()
    .min(1, 'ghi cách hỏi của người dân')
    .max(MAX_PHRASING_LENGTH, `cách hỏi dài quá ${MAX_PHRASING_LENGTH} ký tự`),
  code: z.string({ error: 'chọn thủ tục người dân muốn hỏi' }).trim().min(1, 'chọn thủ tục người dân muốn hỏi').max(40, 'mã thủ tục không hợp lệ'),
  reason: z.string({ error: 'lý do phải là chữ' }).trim().max(MAX_PHRASING_REASON_LENGTH, `lý do dài quá ${MAX_PHRASING_REASON_LENGTH} ký tự`).default(''),
}, { error: 'gửi {"text": cách hỏi, "code": mã thủ tục, "reason": lý do (không bắt buộc)}' });

export interface PhrasingInput {
  text: string;
  code: string;
  reason: string;
}

/**
 * A supervisor's request checked: the text present and bounded, the code in the catalog, the text
 * saying something beyond question words. Throws OverlayInputError listing each problem by field.
 */
export function checkPhrasing(input: unknown, exists: (code: string) => boolean, wordsOf: (text: string) => string): PhrasingInput & { words: string } {
  const parsed = PhrasingInputSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issues: OverlayIssue[] = parsed.error.issues.map((issue) => ({ column: String(issue.path[0] ?? 'body'), message: issue.message }));
    throw new OverlayInputError(issues);
  }
  const issues: OverlayIssue[] = [];
  const text = maskPersonalData(parsed.data.text.replace(/\s+/g, ' '));
  const words = wordsOf(text);
  if (!words) issues.push({ column: 'text', message: 'cách hỏi chỉ có từ hỏi chung chung, không có từ nào nói về thủ tục' });
  if (!exists(parsed.data.code)) issues.push({ column: 'code', message: `không có thủ tục mã "${parsed.data.code}" trong danh mục` });
  if (issues.length) throw new OverlayInputError(issues);
  return { text, code: parsed.data.code, reason: parsed.data.reason, words };
}

/** The active phrasings' words by procedure code. */
export function phrasingsByCode(phrasings: readonly LearnedPhrasing[]): ReadonlyMap<string, readonly string[]> {
  const byCode = new Map<string, string[]>();
  for (const p of phrasings) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p.words]);
  return byCode;
}
