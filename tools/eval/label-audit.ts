/**
 * How far the evaluation's gold labels agree with the questions' own words. A portal question
 * that spells out a catalog procedure's full name ("Thủ tục gia hạn thời gian lưu lại lãnh thổ
 * Việt Nam cho phương tiện vận tải thủy của Campuchia") but is labelled with a different
 * procedure cannot be ranked right by reading it; `npm run eval:retrieval` prints how many such
 * questions there are, so its figures can be read against that ceiling. The check uses only the
 * question, the catalog and the label — never a retriever's output.
 */
import type { Procedure } from '../../knowledge/schema.ts';
import { nearDuplicateKey } from '../../indexer/near-duplicates.ts';
import { foldedPhrase } from '../../knowledge/language/normalize.ts';
import type { FaqQuestion } from './faq-eval.ts';

/** Shorter names ("Đăng ký", "Xóa đăng ký") are too generic to count as naming a procedure. */
const MIN_NAME_SYLLABLES = 4;

export interface LabelDisagreement {
  index: number;
  question: string;
  /** The procedure whose full name the question spells out (the longest such name). */
  named: Procedure;
  goldCodes: string[];
}

export interface LabelAudit {
  /** Questions that spell out at least one procedure's full name. */
  naming: number;
  /** …of which the gold is neither that procedure nor one of its near-duplicates. */
  disagreements: LabelDisagreement[];
}

/** Folded words, without a leading "thủ tục" (names and keys here are already folded). */
const words = (text: string) => foldedPhrase(text).replace(/^ thu tuc /, ' ');

export function auditGoldLabels(procedures: readonly Procedure[], questions: ReadonlyArray<Pick<FaqQuestion, 'question' | 'goldCodes'>>): LabelAudit {
  const names = procedures
    .map((procedure) => ({ procedure, key: nearDuplicateKey(procedure.name), text: words(nearDuplicateKey(procedure.name)) }))
    .filter(({ text }) => text.trim().split(' ').length >= MIN_NAME_SYLLABLES);
  const keyOf = new Map(procedures.map((procedure) => [procedure.code, nearDuplicateKey(procedure.name)]));
  let naming = 0;
  const disagreements: LabelDisagreement[] = [];
  questions.forEach(({ question, goldCodes }, index) => {
    const text = words(question);
    const said = names.filter((name) => text.includes(name.text));
    if (said.length === 0) return;
    naming += 1;
    const longest = Math.max(...said.map((name) => name.text.length));
    const named = said.filter((name) => name.text.length === longest);
    const goldKeys = new Set(goldCodes.map((code) => keyOf.get(code)));
    if (named.some((name) => goldKeys.has(name.key))) return;
    disagreements.push({ index, question, named: named[0]!.procedure, goldCodes });
  });
  return { naming, disagreements };
}
