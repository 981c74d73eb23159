/**
 * "Đơn xin cấp lại làm theo mẫu nào?": beside the documents, the record's own lines that say
 * which form to use (its steps and notes cite "Mẫu số 05.KT …", where the documents list may only
 * name a file), the ones nearest the question's words first ("cấp lại" before "cấp"). Quoted as
 * the record says them and cited; nothing when the question asks for no form or the record
 * cites none.
 */
import type { Procedure } from '../../knowledge/schema.ts';
import { textReply, type Reply } from '../replies.ts';
import { withCitation } from './answer.ts';
import { bullets, quoteName } from './format.ts';
import { adjacentPairs, quotePassage, recordPassages, wordsOf, type Asked, type Passage } from './passages.ts';

/** A question asking which form ("mẫu nào", "theo mẫu gì", "tờ khai mẫu …"), folded. */
const ASKS_FORM = /(?:^| )(?:mau (?:nao|gi|don|to khai|so)|(?:theo|dung|lam) mau|to khai mau)(?: |$)/;
/** A line citing a form. */
const CITES_FORM = /(?:^| )(?:mau so|theo mau|mau don|mau to khai)(?: |$)/;
/** A line about the application itself (the form filed), not the result issued. */
const APPLICATION = /(?:^| )(?:don|to khai|phieu)(?: |$)/;
/** Lines quoted at most. */
const MAX_LINES = 2;

export function asksForForm(asked: Asked): boolean {
  return ASKS_FORM.test(asked.text);
}

/**
 * The record's lines citing a form, those about the application when any are (not the result's
 * form), the nearest the question's words first and only those about as near as the nearest.
 */
export function formLines(procedure: Procedure, asked: Asked): Passage[] {
  const askedWords = new Set(asked.topic.filter((w) => w.length > 1));
  const askedPairs = new Set(adjacentPairs(asked.topic));
  const citing = recordPassages(procedure)
    .filter((p) => p.source === 'steps' || p.source === 'notes' || p.source === 'conditions')
    .map((passage, order) => ({ passage, order, words: wordsOf(passage.text) }))
    .filter(({ words }) => CITES_FORM.test(` ${words.join(' ')} `));
  const applications = citing.filter(({ words }) => APPLICATION.test(` ${words.join(' ')} `));
  const scored = (applications.length > 0 ? applications : citing).map(({ passage, order, words }) => {
    const shared = [...new Set(words)].filter((w) => askedWords.has(w)).length;
    const pairs = adjacentPairs(words).filter((pair) => askedPairs.has(pair)).length;
    return { passage, order, score: shared + 2 * pairs };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  return scored
    .filter((s) => s.score >= best - 1)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_LINES)
    .map((s) => s.passage);
}

export function composeFormsAsked(procedure: Procedure, asked: Asked): Reply[] {
  if (!asksForForm(asked)) return [];
  const lines = formLines(procedure, asked);
  if (lines.length === 0) return [];
  const body = `Về mẫu đơn, tờ khai, dữ liệu thủ tục ${quoteName(procedure.name)} ghi:\n${bullets(lines.map(quotePassage))}`;
  return [textReply(withCitation(body, procedure))];
}
