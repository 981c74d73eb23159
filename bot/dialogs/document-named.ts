/**
 * Does a question name one of the papers a procedure asks for? "Giấy xác nhận của tổ chức y tế có
 * giá trị trong bao lâu?" asks how long that paper stays valid — a question about the dossier,
 * not about the marriage certificate the procedure issues.
 */
import { foldedPhrase, syllables, foldedKey } from '../../knowledge/language/normalize.ts';
import type { Procedure } from '../../knowledge/schema.ts';

/** Syllables in a row the question must share with a document's name. */
const MIN_RUN = 4;

/** The longest run of the question's syllables found in a row in the text (padded folded phrase). */
function longestRun(question: readonly string[], text: string): string {
  let best = '';
  for (let start = 0; start < question.length; start++) {
    for (let end = start + best.split(' ').length; end <= question.length; end++) {
      const run = question.slice(start, end).join(' ');
      if (!text.includes(` ${run} `)) break;
      if (run.length > best.length) best = run;
    }
  }
  return best;
}

/**
 * True when the question says at least MIN_RUN syllables in a row of one of the procedure's
 * documents, and those words are not also its result's ("giấy chứng nhận kết hôn" is both).
 */
export function namesDocument(question: string, procedure: Procedure): boolean {
  const words = syllables(foldedKey(question));
  const results = procedure.result.map(foldedPhrase);
  return procedure.documents.some((document) => {
    const run = longestRun(words, foldedPhrase(document.name));
    return run.split(' ').length >= MIN_RUN && !results.some((result) => result.includes(` ${run} `));
  });
}
