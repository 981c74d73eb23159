/**
 * Everything the dense side needs, from configuration: the embedding model (EMBEDDING_MODEL_DIR,
 * else the domain model under DATA_DIR/model, trained on first use), loaded offline through
 * transformers.js, and the index under DATA_DIR/index built or refreshed incrementally.
 */
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Procedure } from '../knowledge/schema.ts';
import { buildIndex, type BuildReport } from './build.ts';
import { createDenseSearcher, type DenseSearcher } from './dense-retriever.ts';
import { ensureDomainModel } from './embedding/domain-model.ts';
import { TransformersEmbeddings } from './embedding/transformers-embeddings.ts';

export interface DenseSetupOptions {
  retrain?: boolean;
  onProgress?: (done: number, total: number) => void;
  log?: (message: string) => void;
}

export interface DenseSetup {
  searcher: DenseSearcher;
  embeddings: TransformersEmbeddings;
  report: BuildReport;
  modelId: string;
}

export function indexDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'index');
}

export async function setUpDense(
  config: Pick<Config, 'dataDir' | 'embeddingModelDir'>,
  procedures: readonly Procedure[],
  options: DenseSetupOptions = {},
): Promise<DenseSetup> {
  const modelDir =
    config.embeddingModelDir ??
    (await ensureDomainModel(path.join(config.dataDir, 'model'), procedures, { retrain: options.retrain, log: options.log }));
  const embeddings = await TransformersEmbeddings.load(modelDir);
  const built = await buildIndex({
    procedures,
    embeddings,
    dir: indexDir(config),
    onProgress: options.onProgress,
    log: options.log,
  });
  return {
    searcher: createDenseSearcher(procedures, built.index, built.manifest, embeddings),
    embeddings,
    report: built.report,
    modelId: embeddings.info.id,
  };
}
