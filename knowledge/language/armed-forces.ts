/**
 * Procedures of the armed forces' own people (vocabulary/armed-forces.json): a record whose legal
 * basis governs matters inside the police or the army is for them, and a message that names
 * neither force is not about it — "mất thẻ BHYT" is the citizens' card, not the police's.
 */
import type { Procedure } from '../schema.ts';
import { foldedPhrase } from './normalize.ts';
import { ARMED_FORCES } from './vocabulary.ts';

const BASIS = ARMED_FORCES.legalBasis.map((phrase) => ` ${phrase} `);
const MESSAGE = ARMED_FORCES.message.map((phrase) => ` ${phrase} `);

/** Per record object: a province's own version of a record is read anew. */
const ownByRecord = new WeakMap<Procedure, boolean>();

/** Whether a legal basis of the procedure is a text on matters inside the police or the army. */
export function isArmedForcesOwn(procedure: Procedure): boolean {
  let own = ownByRecord.get(procedure);
  if (own === undefined) {
    own = procedure.legalBasis.some((basis) => BASIS.some((phrase) => foldedPhrase(basis.title).includes(phrase)));
    ownByRecord.set(procedure, own);
  }
  return own;
}

/** Whether a message names the police or the army (read without accents). */
export function namesArmedForces(message: string): boolean {
  const padded = foldedPhrase(message);
  return MESSAGE.some((phrase) => padded.includes(phrase));
}
