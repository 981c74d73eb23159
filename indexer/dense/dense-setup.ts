/**
 * Everything the dense side needs from a model folder: the embedding model (a Hugging-Face-layout
 * ONNX model: EMBEDDING_MODEL_DIR, or the domain model `npm run index -- --retrain` writes under
 * DATA_DIR/model), loaded offline through transformers.js, and the index under DATA_DIR/index
 * built or refreshed incrementally. The product never trains a model itself.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Procedure } from '../../knowledge/schema.ts';
import { IndexError } from '../index-errors.ts';
import { buildIndex, type BuildReport } from './build-index.ts';
import { createDenseSearcher, type DenseSearcher } from './dense-searcher.ts';
import { TransformersEmbeddings } from './transformers-embeddings.ts';

export interface DenseSetupOptions {
  onProgress?: (done: number, total: number) => void;
  log?: (message: string) => void;
}

export interface DenseSetup {
  searcher: DenseSearcher;
  embeddings: TransformersEmbeddings;
  report: BuildReport;
  modelId: string;
}

export interface DenseLocations {
  dataDir: string;
  embeddingModelDir?: string | undefined;
}

export function indexDir(locations: Pick<DenseLocations, 'dataDir'>): string {
  return path.join(locations.dataDir, 'index');
}

/** The model folder to use: EMBEDDING_MODEL_DIR, else the domain model under DATA_DIR/model. */
export function modelDir(locations: DenseLocations): string {
  return locations.embeddingModelDir ?? path.join(locations.dataDir, 'model');
}

export async function setUpDense(
  locations: DenseLocations,
  procedures: readonly Procedure[],
  options: DenseSetupOptions = {},
): Promise<DenseSetup> {
  const dir = modelDir(locations);
  if (!existsSync(path.join(dir, 'config.json'))) {
    throw new IndexError('model_missing', `${dir}: set EMBEDDING_MODEL_DIR or run \`npm run index -- --retrain\` to learn the domain model`);
  }
  const embeddings = await TransformersEmbeddings.load(dir);
  const built = await buildIndex({
    procedures,
    embeddings,
    dir: indexDir(locations),
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
