/**
 * The citizens' wordings the lexical index reads into each procedure's `asked` field: the shipped
 * ones (vocabulary/asked-phrasings.json) plus those supervisors attach at run time from the
 * insights page (knowledge/local/learned-phrasings.ts). Kept out of fields.ts, whose source is part
 * of the prebuilt index's code fingerprint.
 */
import { learnedPhrasings, type PhrasingsOf } from './fields.ts';

/** `base` plus more wordings by code; `base` itself when there are none (so the shipped index still matches). */
export function withPhrasings(extra: ReadonlyMap<string, readonly string[]>, base: PhrasingsOf = learnedPhrasings): PhrasingsOf {
  if (extra.size === 0) return base;
  return (code) => {
    const more = extra.get(code);
    return more ? [...base(code), ...more] : base(code);
  };
}
