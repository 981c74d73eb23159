/**
 * Abbreviations and chat spellings citizens type (vocabulary/abbreviations.json), keyed by the
 * folded token, expanded to the accented words they stand for. Applied token by token before
 * intent rules and retrieval.
 */
import { ABBREVIATIONS } from './vocabulary.ts';

export { ABBREVIATIONS };

/** Folded keys whose accented spelling is also an abbreviation ("đk", "đky"). */
export function expandAbbreviation(raw: string, folded: string): string | null {
  const expansion = ABBREVIATIONS[folded];
  if (!expansion) return null;
  // "đk"/"đky" fold to "dk"/"dky"; any other accented token is a real word ("khóng"? no — but
  // "kẻ"/"vì" must not turn into abbreviations), so only plain ASCII or đ-only tokens expand.
  const onlyDStroke = raw.replace(/đ/g, 'd') === folded;
  return onlyDStroke ? expansion : null;
}
