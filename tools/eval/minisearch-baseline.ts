/**
 * The baseline the issue measures against: plain folded BM25 (MiniSearch) over the procedure
 * text with the name boosted — no syllable pairs, no synonyms, no name coverage.
 */
import MiniSearch from 'minisearch';
import type { Procedure } from '../../knowledge/schema.ts';
import { procedureFields } from '../../indexer/lexical/fields.ts';
import type { ProcedureRetriever, RetrievalHit } from '../../indexer/retriever.ts';
import { foldedKey } from '../../knowledge/language/normalize.ts';

export function createMiniSearchBaseline(procedures: readonly Procedure[]): ProcedureRetriever {
  const search = new MiniSearch<{ id: number; name: string; body: string }>({
    fields: ['name', 'body'],
    processTerm: (term) => foldedKey(term),
    tokenize: (text) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean),
    searchOptions: { boost: { name: 3 } },
  });
  search.addAll(
    procedures.map((procedure, id) => {
      const fields = procedureFields(procedure);
      const { name, ...rest } = fields;
      return { id, name, body: Object.values(rest).join(' . ') };
    }),
  );
  return {
    async search(query, options = {}): Promise<RetrievalHit[]> {
      return search
        .search(query)
        .slice(0, options.limit ?? 10)
        .map((result) => ({ procedure: procedures[result.id as number]!, score: result.score, variants: [] }));
    },
  };
}
