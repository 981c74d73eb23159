/**
 * Sentence embeddings from a local Hugging-Face-layout ONNX model through transformers.js,
 * behind langchain's `EmbeddingsInterface`. Nothing is ever downloaded: remote loading is off
 * and the model is read from its folder (`EMBEDDING_MODEL_DIR`, or the domain model under
 * DATA_DIR/model/). Mean pooling over the attention mask, then L2 normalisation, so the inner
 * product of two vectors is their cosine.
 *
 * Queries and passages get the model's prefixes ("query: " / "passage: " for e5-style models);
 * the domain model's text is pre-analysed first (analyzer.ts).
 */
import path from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { IndexError } from '../index-errors.ts';
import { analyzeForEmbedding } from './embedding-analyzer.ts';
import { describeModelDir, type EmbeddingModelInfo } from './model-card.ts';

export interface TransformersEmbeddingsOptions extends EmbeddingsParams {
  /** Texts per model call; padding costs grow with it for long passages. Default 32. */
  batchSize?: number;
}

/** transformers.js reads its file locations from a global `env`: loads are serialised. */
let loading: Promise<unknown> = Promise.resolve();

async function loadPipeline(info: EmbeddingModelInfo): Promise<FeatureExtractionPipeline> {
  const run = async () => {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = path.dirname(info.dir);
    try {
      return await pipeline('feature-extraction', path.basename(info.dir), {
        local_files_only: true,
        dtype: info.dtype,
      });
    } catch (error) {
      throw new IndexError('model_invalid', `${info.dir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const result = loading.then(run, run);
  loading = result.catch(() => undefined);
  return result;
}

export class TransformersEmbeddings extends Embeddings implements EmbeddingModelHandle {
  private constructor(
    readonly info: EmbeddingModelInfo,
    private readonly extractor: FeatureExtractionPipeline,
    private readonly batchSize: number,
    params: EmbeddingsParams,
  ) {
    super(params);
  }

  /** Loads the model folder offline and checks its output size against config.json. Throws IndexError. */
  static async load(modelDir: string, options: TransformersEmbeddingsOptions = {}): Promise<TransformersEmbeddings> {
    const info = describeModelDir(modelDir);
    const extractor = await loadPipeline(info);
    const { batchSize = 32, ...params } = options;
    const embeddings = new TransformersEmbeddings(info, extractor, batchSize, { maxConcurrency: 1, ...params });
    const [probe] = await embeddings.embedRaw(['kiểm tra']);
    if (probe?.length !== info.dims) {
      throw new IndexError('model_invalid', `${info.dir}: config.json says ${info.dims} dimensions, the model outputs ${probe?.length}`);
    }
    return embeddings;
  }

  get dims(): number {
    return this.info.dims;
  }

  /** The exact string the tokenizer sees for a text with a prefix. */
  prepare(text: string, prefix: string): string {
    const body = this.info.analyzer ? analyzeForEmbedding(text, this.info.analyzer) : text;
    return `${prefix}${body}`;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return this.embedRaw(documents.map((text) => this.prepare(text, this.info.passagePrefix)));
  }

  async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.embedRaw([this.prepare(document, this.info.queryPrefix)]);
    return vector!;
  }

  /** Embeds prepared strings; batches group texts of similar length to limit padding. */
  private async embedRaw(texts: string[]): Promise<number[][]> {
    const order = texts.map((text, index) => ({ index, length: text.length })).sort((a, b) => a.length - b.length);
    const out: number[][] = new Array(texts.length);
    for (let start = 0; start < order.length; start += this.batchSize) {
      const batch = order.slice(start, start + this.batchSize);
      const tensor = await this.caller.call(() =>
        this.extractor(batch.map(({ index }) => texts[index]!), { pooling: 'mean', normalize: true }),
      );
      const data = tensor.data as Float32Array;
      const dims = tensor.dims[1]!;
      batch.forEach(({ index }, row) => {
        const vector = Array.from(data.subarray(row * dims, (row + 1) * dims));
        // A text with no known token pools to 0/0: return the zero vector (it matches nothing).
        out[index] = vector.every(Number.isFinite) ? vector : new Array<number>(dims).fill(0);
      });
      tensor.dispose();
    }
    return out;
  }

  async dispose(): Promise<void> {
    await this.extractor.dispose();
  }
}

/** What the index needs from an embedder: langchain's interface plus the model's identity. */
export interface EmbeddingModelHandle {
  readonly info: EmbeddingModelInfo;
  embedDocuments(documents: string[]): Promise<number[][]>;
  embedQuery(document: string): Promise<number[]>;
  dispose(): Promise<void>;
}
