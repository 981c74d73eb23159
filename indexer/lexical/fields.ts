/**
 * What of a procedure the lexical index reads, field by field, with the weight of a match in
 * each. The name and the citizen aliases say what a procedure *is*; `asked` holds how citizens
 * asked for it (phrasings learned from training questions, vocabulary/asked-phrasings.json);
 * documents, steps and the rest only say what it involves, so they count for less.
 */
import type { Procedure } from '../../knowledge/schema.ts';
import { LEVEL_LABELS } from '../../knowledge/schema.ts';
import { ASKED_PHRASINGS } from '../../knowledge/language/vocabulary.ts';
import { spelledOutName } from '../../knowledge/language/abbreviations.ts';

export const LEXICAL_FIELDS = ['name', 'aliases', 'asked', 'sector', 'agencies', 'subjects', 'documents', 'steps', 'conditions', 'result', 'legal'] as const;
export type LexicalField = (typeof LEXICAL_FIELDS)[number];

export const FIELD_WEIGHTS: Record<LexicalField, number> = {
  name: 4,
  aliases: 3,
  asked: 1,
  sector: 0.6,
  agencies: 0.5,
  subjects: 0.3,
  documents: 0.5,
  steps: 0.35,
  conditions: 0.35,
  result: 0.8,
  legal: 0.5,
};

/** Citizens' own wordings of a procedure, by code (default: the learned ASKED_PHRASINGS). */
export type PhrasingsOf = (code: string) => readonly string[];

export const learnedPhrasings: PhrasingsOf = (code) => ASKED_PHRASINGS[code] ?? [];

export function procedureFields(procedure: Procedure, phrasingsOf: PhrasingsOf = learnedPhrasings): Record<LexicalField, string> {
  return {
    name: procedure.name,
    // The name's acronyms spelled out ("thẻ BHYT" → "thẻ bảo hiểm y tế") read as an alias.
    aliases: [...procedure.aliases, spelledOutName(procedure.name) ?? ''].filter(Boolean).join(' . '),
    asked: phrasingsOf(procedure.code).join(' . '),
    sector: `${procedure.sector} . ${procedure.levels.map((level) => LEVEL_LABELS[level]).join(' . ')}`,
    agencies: [procedure.competentAgency, ...procedure.implementingAgencies, ...procedure.submitAt].join(' . '),
    subjects: procedure.subjects.join(' . '),
    documents: procedure.documents.map((d) => [d.name, d.form, d.condition].filter(Boolean).join(' . ')).join(' . '),
    steps: procedure.steps.join(' . '),
    conditions: procedure.conditions.join(' . '),
    result: procedure.result.join(' . '),
    legal: procedure.legalBasis.map((l) => `${l.title} . ${l.number}`).join(' . '),
  };
}
