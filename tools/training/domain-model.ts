/**
 * The default embedding model: learned from the catalog (train-static.ts), written as a
 * Hugging-Face-layout folder (tokenizer.json + ONNX + config) under DATA_DIR/model and served
 * through transformers.js like any other model. Trained when the folder is missing, or when
 * `retrain` is asked for; a catalog that later changes keeps the model (its vocabulary covers
 * the words the catalog used) until the next `npm run index -- --retrain`.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Procedure } from '../../knowledge/schema.ts';
import { checksumOf } from '../../knowledge/checksum.ts';
import { DEFAULT_ANALYZER } from '../../indexer/dense/embedding-analyzer.ts';
import { readModelCard } from '../../indexer/dense/model-card.ts';
import { trainStaticEmbedding, type TrainOptions } from './train-static.ts';

/**
 * A fixed number of epochs (not a time budget), so the same catalog always gives the same model
 * whatever the machine's load; about 100 s for the 2,642 national records on 2 cores.
 */
export const DEFAULT_TRAINING_EPOCHS = 6;

export interface EnsureDomainModelOptions {
  retrain?: boolean;
  train?: TrainOptions;
  log?: (message: string) => void;
}

/** True when the folder's model card names the analysis this code applies (else: retrain). */
function trainedWithCurrentAnalysis(dir: string): boolean {
  try {
    return readModelCard(dir)?.analyzer === DEFAULT_ANALYZER;
  } catch {
    return false; // a card of an older analysis version no longer parses
  }
}

/** Returns the model folder, training it first when needed. */
export async function ensureDomainModel(dir: string, procedures: readonly Procedure[], options: EnsureDomainModelOptions = {}): Promise<string> {
  const ready = existsSync(path.join(dir, 'config.json')) && existsSync(path.join(dir, 'onnx', 'model.onnx'));
  if (ready && !options.retrain && trainedWithCurrentAnalysis(dir)) return dir;
  options.log?.(`training the domain embedding model on ${procedures.length} procedures`);
  const { model, settings, stats } = await trainStaticEmbedding(procedures, { epochs: DEFAULT_TRAINING_EPOCHS, ...options.train });
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.join(staging, 'onnx'), { recursive: true });
  const codes = procedures.map((procedure) => procedure.code).sort();
  model.writeTo(staging, {
    trainedAt: new Date().toISOString(),
    codes,
    catalogChecksum: checksumOf(codes),
    settings,
    stats,
  });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  renameSync(staging, dir);
  options.log?.(`domain model written to ${dir} (${stats.vocabulary} tokens, ${stats.epochs} epochs, ${(stats.ms / 1000).toFixed(0)} s)`);
  return dir;
}
