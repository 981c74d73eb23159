/**
 * The domain embedding model in memory: a vocabulary of analysed tokens (analyzer.ts) and one
 * vector per token. A text's embedding is the L2-normalised sum of its tokens' vectors — what
 * the exported ONNX graph computes under transformers.js' mean pooling + normalisation — so the
 * trainer, the exporter and the served model agree.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeTokens, type AnalyzerId } from '../../indexer/dense/embedding-analyzer.ts';
import { MODEL_CARD_FILE, type ModelCard, type TrainingRecord } from '../../indexer/dense/model-card.ts';
import { writeStaticEmbeddingOnnx } from './onnx-writer.ts';
import { vocabularyWithSpecials, writeEncoderConfig, writeWordPieceTokenizer } from './tokenizer-writer.ts';

/** Name of the domain model; its id in a manifest is `<name>@<fingerprint>`. */
export const DOMAIN_MODEL_NAME = 'tro-ly-static-vi';
/** Longest pre-analysed text the tokenizer keeps (tokens); chunks stay well below. */
export const DOMAIN_MAX_LENGTH = 4096;

/** A text as unique token ids with their counts. */
export interface TokenBag {
  ids: Int32Array;
  counts: Float32Array;
}

export class StaticModel {
  readonly idOf: Map<string, number>;

  constructor(
    /** Full vocabulary: special tokens first (their rows stay zero), then the learned tokens. */
    readonly vocabulary: readonly string[],
    /** Row-major [vocabulary.length × dims]. */
    readonly weights: Float32Array,
    readonly dims: number,
    readonly analyzer: AnalyzerId,
  ) {
    if (weights.length !== vocabulary.length * dims) throw new RangeError('weights do not match vocabulary × dims');
    this.idOf = new Map(vocabulary.map((token, id) => [token, id]));
  }

  static create(words: readonly string[], dims: number, analyzer: AnalyzerId): StaticModel {
    const vocabulary = vocabularyWithSpecials(words);
    return new StaticModel(vocabulary, new Float32Array(vocabulary.length * dims), dims, analyzer);
  }

  /** Tokens outside the vocabulary are dropped, as the tokenizer maps them to the zero [UNK] row. */
  bag(text: string): TokenBag {
    const counts = new Map<number, number>();
    for (const token of analyzeTokens(text, this.analyzer)) {
      const id = this.idOf.get(token);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return { ids: Int32Array.from(counts.keys()), counts: Float32Array.from(counts.values()) };
  }

  /** Un-normalised sum into `out` (length dims); returns its norm. */
  sum(bag: TokenBag, out: Float32Array): number {
    out.fill(0);
    const { weights, dims } = this;
    for (let k = 0; k < bag.ids.length; k++) {
      const row = bag.ids[k]! * dims;
      const count = bag.counts[k]!;
      for (let d = 0; d < dims; d++) out[d]! += count * weights[row + d]!;
    }
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += out[d]! * out[d]!;
    return Math.sqrt(norm);
  }

  /** The normalised embedding (zero vector when no token is known). */
  embed(text: string): Float32Array {
    const out = new Float32Array(this.dims);
    const norm = this.sum(this.bag(text), out);
    if (norm > 0) for (let d = 0; d < this.dims; d++) out[d]! /= norm;
    return out;
  }

  /** Writes a Hugging-Face-layout folder transformers.js loads: config, tokenizer, ONNX, model card. */
  writeTo(modelDir: string, training: TrainingRecord): void {
    const words = this.vocabulary.slice(5);
    const written = writeWordPieceTokenizer(modelDir, words, { preTokenizer: 'whitespace', maxLength: DOMAIN_MAX_LENGTH });
    if (written.length !== this.vocabulary.length) throw new Error('tokenizer vocabulary differs from the model');
    writeEncoderConfig(modelDir, { dims: this.dims, vocabSize: this.vocabulary.length, maxLength: DOMAIN_MAX_LENGTH });
    writeStaticEmbeddingOnnx(modelDir, {
      weights: this.weights,
      vocabSize: this.vocabulary.length,
      dims: this.dims,
      description: `${DOMAIN_MODEL_NAME}: static embeddings of ${this.analyzer} tokens learned from the procedure catalog`,
      metadata: { analyzer: this.analyzer },
    });
    const card: ModelCard = {
      name: DOMAIN_MODEL_NAME,
      kind: 'domain',
      queryPrefix: '',
      passagePrefix: '',
      analyzer: this.analyzer,
      training,
    };
    writeFileSync(path.join(modelDir, MODEL_CARD_FILE), `${JSON.stringify(card)}\n`);
  }
}
