/**
 * Turns a ranked list of procedures into retrieval hits with near-duplicates folded together:
 * the first member of a group to appear takes the group's place, unless another member sits at
 * a level the question names (or the caller prefers), which then leads instead.
 */
import type { Level, Procedure } from '../knowledge/schema.ts';
import type { RetrievalHit } from './retriever.ts';

export interface RankedDoc {
  doc: number;
  score: number;
}

export function groupHits(
  ranked: readonly RankedDoc[],
  procedures: readonly Procedure[],
  groupOf: readonly number[][],
  preferredLevels: readonly Level[],
  limit: number,
): RetrievalHit[] {
  const seen = new Set<number[]>();
  const hits: RetrievalHit[] = [];
  for (const { doc, score } of ranked) {
    const group = groupOf[doc]!;
    if (seen.has(group)) continue;
    seen.add(group);
    let lead = doc;
    if (preferredLevels.length > 0 && !procedures[doc]!.levels.some((l) => preferredLevels.includes(l))) {
      const better = group.find((member) => procedures[member]!.levels.some((l) => preferredLevels.includes(l)));
      if (better !== undefined) lead = better;
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
