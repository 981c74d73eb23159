/**
 * Matters outside the catalog (vocabulary/outside-catalog.json): military service, vaccination,
 * diplomas, work permits… A message that names one is not about a procedure we hold, unless a
 * procedure's name says the same words (the catalog wins: a province may add its own).
 */
import { foldedKey } from './normalize.ts';
import { OUTSIDE_CATALOG } from './vocabulary.ts';

export interface OutsideTopic {
  /** What the matter is called, for the reply ("nghĩa vụ quân sự"). */
  label: string;
  /** The phrase the message said (folded). */
  phrase: string;
}

/** The first matter outside the catalog the text names, if any. */
export function outsideCatalogTopic(text: string): OutsideTopic | null {
  const padded = ` ${foldedKey(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  for (const topic of OUTSIDE_CATALOG) {
    const phrase = topic.phrases.find((p) => padded.includes(` ${p} `));
    if (phrase) return { label: topic.label, phrase };
  }
  return null;
}

/** The procedure's name says the matter's words itself: the catalog holds it after all. */
export function nameSays(name: string, topic: OutsideTopic): boolean {
  return ` ${foldedKey(name).replace(/[^\p{L}\p{N}]+/gu, ' ')} `.includes(` ${topic.phrase} `);
}
