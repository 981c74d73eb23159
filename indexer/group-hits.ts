/**
 * Turns a ranked list of procedures into retrieval hits with near-duplicates folded together:
 * the first member of a group to appear takes the group's place, unless another member sits at
 * a level the question names (or the caller prefers), or names the agency the question names
 * ("… thuộc thẩm quyền của Thủ tướng Chính phủ" for a question about the Prime Minister's
 * approval), which then leads instead.
 */
import type { Level, Procedure } from '../knowledge/schema.ts';
import { nearDuplicateKey } from './near-duplicates.ts';
import type { RetrievalHit } from './retriever.ts';
import { foldedKey, syllables } from '../knowledge/language/normalize.ts';

export interface RankedDoc {
  doc: number;
  score: number;
}

/** Words that tell near-duplicates apart without naming anyone ("thuộc thẩm quyền của …"). */
const CONNECTIVES = new Set(['thuoc', 'tham', 'quyen', 'cua', 'do', 'cho', 'tai', 'thuc', 'hien', 'cap', 'phep', 'giai', 'quyet', 'quan', 'ly', 'li', 'va', 'o']);

const foldedWords = (text: string) => syllables(foldedKey(text));

const distinguishing = new WeakMap<Procedure, string[]>();

/** The words of a member's name that its group key lacks: its level or agency, as named. */
function distinguishingWords(procedure: Procedure): string[] {
  let words = distinguishing.get(procedure);
  if (!words) {
    const shared = new Set(nearDuplicateKey(procedure.name).split(' '));
    words = [...new Set(foldedWords(procedure.name))].filter((word) => !shared.has(word) && !CONNECTIVES.has(word));
    distinguishing.set(procedure, words);
  }
  return words;
}

export function groupHits(
  ranked: readonly RankedDoc[],
  procedures: readonly Procedure[],
  groupOf: readonly number[][],
  preferredLevels: readonly Level[],
  limit: number,
  /** The question, so that a member naming the agency it names can lead its group. */
  question = '',
): RetrievalHit[] {
  const asked = new Set(foldedWords(question));
  const agencyMatch = (member: number) => distinguishingWords(procedures[member]!).filter((word) => asked.has(word)).length;
  const seen = new Set<number[]>();
  const hits: RetrievalHit[] = [];
  for (const { doc, score } of ranked) {
    const group = groupOf[doc]!;
    if (seen.has(group)) continue;
    seen.add(group);
    let lead = doc;
    let candidates = group;
    if (preferredLevels.length > 0) {
      const atLevel = group.filter((member) => procedures[member]!.levels.some((l) => preferredLevels.includes(l)));
      if (atLevel.length > 0) {
        candidates = atLevel;
        if (!atLevel.includes(doc)) lead = atLevel[0]!;
      }
    }
    if (candidates.length > 1 && asked.size > 0) {
      let best = agencyMatch(lead);
      for (const member of candidates) {
        const match = agencyMatch(member);
        if (match > best) [lead, best] = [member, match];
      }
    }
    hits.push({
      procedure: procedures[lead]!,
      score,
      variants: group.filter((member) => member !== lead).map((member) => procedures[member]!.code),
    });
    if (hits.length >= limit) break;
  }
  return hits;
}
