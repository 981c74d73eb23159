/**
 * The intents the bot recognises. The names are part of the public API (HTTP `intent`).
 * Facets of one procedure: the documents, the fee, the processing time, where and how to submit,
 * the conditions (who may ask, what they must meet, "có được … không") and the result (what is
 * issued and how long it is valid).
 */
export const FACET_INTENTS = ['documents', 'fee', 'processing_time', 'how_to', 'conditions', 'result'] as const;
export type FacetIntent = (typeof FACET_INTENTS)[number];

export const INTENTS = [
  ...FACET_INTENTS,
  /** A procedure named with no facet. */
  'overview',
  /** Where is my dossier (tra cứu hồ sơ). */
  'status',
  /** Talk to an officer. */
  'handoff',
  'greeting',
  'thanks',
  /** Understood, but not about administrative procedures. */
  'out_of_scope',
  /** Nothing understood. */
  'fallback',
] as const;
export type Intent = (typeof INTENTS)[number];

export function isFacetIntent(value: unknown): value is FacetIntent {
  return typeof value === 'string' && (FACET_INTENTS as readonly string[]).includes(value);
}

export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}

/** Intents that answer about one procedure. */
export type ProcedureIntent = FacetIntent | 'overview';

export function isProcedureIntent(value: unknown): value is ProcedureIntent {
  return value === 'overview' || isFacetIntent(value);
}
