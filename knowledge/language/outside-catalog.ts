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
  /** What the law says of the matter, with its basis, when the list knows it precisely (a paper no longer issued). */
  note?: string;
}

/** A text folded as messages and names are read here: "ly hôn" is "li hon", as "lý" is "lí". */
const folded = (text: string) => foldedKey(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The list's phrases folded the same way as the text they are looked for in. */
const TOPICS = OUTSIDE_CATALOG.map((topic) => ({ ...topic, phrases: topic.phrases.map(folded) }));

/** The first matter outside the catalog the text names, if any. */
export function outsideCatalogTopic(text: string): OutsideTopic | null {
  const padded = ` ${folded(text)} `;
  for (const topic of TOPICS) {
    const phrase = topic.phrases.find((p) => padded.includes(` ${p} `));
    if (phrase) return { label: topic.label, phrase, ...(topic.note ? { note: topic.note } : {}) };
  }
  return null;
}

/** The procedure's name says the matter's words itself: the catalog holds it after all. */
export function nameSays(name: string, topic: OutsideTopic): boolean {
  return ` ${folded(name)} `.includes(` ${topic.phrase} `);
}
