/**
 * Dense retrieval over the hnswlib index: the question is embedded (with the model's query
 * prefix), its nearest chunks are found, and chunk hits are aggregated per procedure (the best
 * chunk's similarity, plus a little for each further matching chunk).
 */
import path from 'node:path';
import type { Procedure } from '../../knowledge/schema.ts';
import type { EmbeddingModelHandle } from './transformers-embeddings.ts';
import { IndexError } from '../index-errors.ts';
import { VECTORS_FILE, assertManifestMatches, readManifest, type Manifest } from './manifest.ts';
import type { RankedDoc } from '../group-hits.ts';
import { VectorIndex } from './vector-index.ts';

export interface DenseSearcher {
  /** Procedures (by position in `procedures`) best first. */
  rank(question: string, limit: number): Promise<RankedDoc[]>;
}

/** Each further chunk of the same procedure among the hits adds this share of its similarity. */
const EXTRA_CHUNK_SHARE = 0.1;
/** Chunks fetched per procedure wanted. */
const CHUNKS_PER_RESULT = 6;

export function createDenseSearcher(
  procedures: readonly Procedure[],
  index: VectorIndex,
  manifest: Manifest,
  embeddings: EmbeddingModelHandle,
): DenseSearcher {
  const position = new Map(procedures.map((procedure, i) => [procedure.code, i]));
  const docOfLabel = new Map<number, number>();
  for (const [code, entry] of Object.entries(manifest.procedures)) {
    const doc = position.get(code);
    if (doc === undefined) continue;
    for (const chunk of entry.chunks) docOfLabel.set(chunk.label, doc);
  }
  return {
    async rank(question, limit) {
      const vector = await embeddings.embedQuery(question);
      if (!vector.some((value) => value !== 0)) return [];
      const hits = index.search(vector, Math.max(limit * CHUNKS_PER_RESULT, 60));
      const best = new Map<number, number>();
      const extra = new Map<number, number>();
      for (const { label, similarity } of hits) {
        const doc = docOfLabel.get(label);
        if (doc === undefined) continue;
        const previous = best.get(doc);
        if (previous === undefined) best.set(doc, similarity);
        else extra.set(doc, (extra.get(doc) ?? 0) + EXTRA_CHUNK_SHARE * Math.max(0, similarity));
      }
      return [...best.entries()]
        .map(([doc, similarity]) => ({ doc, score: similarity + (extra.get(doc) ?? 0) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
    },
  };
}

/** Opens a built index without building: a missing index or another model's index is an error. */
export function openDenseIndex(dir: string, embeddings: EmbeddingModelHandle): { index: VectorIndex; manifest: Manifest } {
  const manifest = readManifest(dir);
  if (!manifest) throw new IndexError('index_missing', dir);
  assertManifestMatches(manifest, embeddings.info);
  const live = Object.values(manifest.procedures).reduce((sum, entry) => sum + entry.chunks.length, 0);
  return { index: VectorIndex.read(path.join(dir, VECTORS_FILE), manifest.model.dims, live), manifest };
}
