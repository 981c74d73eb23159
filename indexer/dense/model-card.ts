/**
 * What the index needs to know about an embedding model folder, besides the files
 * transformers.js reads: a stable id, the output dimensions, the query/passage prefixes and —
 * for the domain model — the text analysis it was trained with.
 *
 * The optional sidecar `embedding-card.json` carries those settings. The domain model always
 * writes one (with its training record); for another Hugging-Face-layout model, drop one next
 * to config.json to set prefixes, or rely on the default: models whose name contains "e5" get
 * "query: " / "passage: ", others none.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { IndexError } from '../index-errors.ts';
import { ANALYZER_IDS, type AnalyzerId } from './embedding-analyzer.ts';

export const MODEL_CARD_FILE = 'embedding-card.json';

export const TrainingRecordSchema = z.object({
  trainedAt: z.string(),
  /** Codes of the procedures the model was trained on (decides when to retrain). */
  codes: z.array(z.string()),
  catalogChecksum: z.string(),
  settings: z.record(z.string(), z.unknown()),
  stats: z.record(z.string(), z.unknown()),
});
export type TrainingRecord = z.infer<typeof TrainingRecordSchema>;

export const ModelCardSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(['domain', 'external']).default('external'),
  queryPrefix: z.string().default(''),
  passagePrefix: z.string().default(''),
  analyzer: z.enum(ANALYZER_IDS).nullable().default(null),
  training: TrainingRecordSchema.optional(),
});
export type ModelCard = z.infer<typeof ModelCardSchema>;

export interface EmbeddingModelInfo {
  /** `<name>@<fingerprint>`: what the index manifest records and checks. */
  id: string;
  name: string;
  kind: 'domain' | 'external';
  dir: string;
  /** `hidden_size` from config.json; the loader checks it against a probe embedding. */
  dims: number;
  queryPrefix: string;
  passagePrefix: string;
  analyzer: AnalyzerId | null;
  /** transformers.js dtype whose ONNX file is present. */
  dtype: 'fp32' | 'fp16' | 'q8';
  maxLength: number;
  training?: TrainingRecord;
}

const ONNX_FILES = [
  ['fp32', 'model.onnx'],
  ['q8', 'model_quantized.onnx'],
  ['fp16', 'model_fp16.onnx'],
] as const;

/** sha256 over the small files, and the ONNX file's size, head and tail (a multi-GB file is not read whole). */
function fingerprint(dir: string, onnxFile: string): string {
  const hash = createHash('sha256');
  for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', MODEL_CARD_FILE]) {
    const full = path.join(dir, file);
    if (existsSync(full)) hash.update(file).update(readFileSync(full));
  }
  const size = statSync(onnxFile).size;
  hash.update(`onnx:${size}`);
  const window = Math.min(size, 1 << 20);
  const buffer = Buffer.alloc(window);
  const fd = openSync(onnxFile, 'r');
  try {
    readSync(fd, buffer, 0, window, 0);
    hash.update(buffer);
    readSync(fd, buffer, 0, window, size - window);
    hash.update(buffer);
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex').slice(0, 16);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new IndexError('model_invalid', `${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function readModelCard(dir: string): ModelCard | null {
  const file = path.join(dir, MODEL_CARD_FILE);
  if (!existsSync(file)) return null;
  const parsed = ModelCardSchema.safeParse(readJson(file));
  if (!parsed.success) throw new IndexError('model_invalid', `${file}: ${parsed.error.message}`);
  return parsed.data;
}

/** Reads a model folder's description without loading the model. Throws IndexError. */
export function describeModelDir(dir: string): EmbeddingModelInfo {
  const resolved = path.resolve(dir);
  for (const file of ['config.json', 'tokenizer.json']) {
    if (!existsSync(path.join(resolved, file))) {
      throw new IndexError('model_missing', `${path.join(resolved, file)} not found`);
    }
  }
  const onnx = ONNX_FILES.find(([, file]) => existsSync(path.join(resolved, 'onnx', file)));
  if (!onnx) throw new IndexError('model_missing', `no onnx/model.onnx (or model_quantized.onnx) in ${resolved}`);
  const config = readJson(path.join(resolved, 'config.json')) as Record<string, unknown>;
  const dims = Number(config.hidden_size ?? config.dim ?? config.d_model);
  if (!Number.isInteger(dims) || dims <= 0) {
    throw new IndexError('model_invalid', `config.json has no hidden_size in ${resolved}`);
  }
  const tokenizerConfigFile = path.join(resolved, 'tokenizer_config.json');
  const tokenizerConfig = existsSync(tokenizerConfigFile)
    ? (readJson(tokenizerConfigFile) as Record<string, unknown>)
    : {};
  const card = readModelCard(resolved);
  const name = card?.name ?? (String(config._name_or_path ?? '') || path.basename(resolved));
  const e5 = /e5/i.test(`${name} ${path.basename(resolved)}`);
  const maxLength = Number(tokenizerConfig.model_max_length);
  return {
    id: `${name}@${fingerprint(resolved, path.join(resolved, 'onnx', onnx[1]))}`,
    name,
    kind: card?.kind ?? 'external',
    dir: resolved,
    dims,
    queryPrefix: card ? card.queryPrefix : e5 ? 'query: ' : '',
    passagePrefix: card ? card.passagePrefix : e5 ? 'passage: ' : '',
    analyzer: card?.analyzer ?? null,
    dtype: onnx[0],
    maxLength: Number.isFinite(maxLength) && maxLength > 0 && maxLength < 1e6 ? maxLength : 512,
    ...(card?.training ? { training: card.training } : {}),
  };
}
