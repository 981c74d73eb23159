/**
 * Learns the domain embedding model from the catalog: static vectors over folded syllables and
 * syllable pairs (analyzer.ts), trained so that a procedure's chunks and the synthetic
 * citizen questions about it (synthetic-queries.ts) land near each other.
 *
 * - Vocabulary: tokens of the catalog's chunks seen in at least `minCount` chunks, capped by
 *   chunk frequency at `maxVocab`.
 * - Initialisation: random vectors scaled by IDF, so before any training the model is a random
 *   projection of TF-IDF (a lexical baseline), which training then bends towards questions.
 * - Loss: InfoNCE with in-batch negatives (one question per procedure per batch, temperature
 *   `temperature`); half the rounds put procedures of one sector together so negatives are hard.
 * - Optimiser: AdaGrad on the rows a batch touches. Plain Float32Array arithmetic, one thread.
 */
import { chunkProcedure, type Chunk } from '../../indexer/chunk.ts';
import type { Procedure } from '../../knowledge/schema.ts';
import { analyzeTokens, type AnalyzerId } from '../../indexer/dense/embedding-analyzer.ts';
import { StaticModel, type TokenBag } from './static-model.ts';
import { seededRandom, syntheticQueries, type Random, type SyntheticQueryOptions } from './synthetic-queries.ts';

export interface TrainOptions {
  dims?: number;
  maxVocab?: number;
  minCount?: number;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  temperature?: number;
  seed?: number;
  analyzer?: AnalyzerId;
  queries?: SyntheticQueryOptions;
  /** Stop after the epoch that crosses this budget. */
  timeBudgetMs?: number;
  onProgress?: (progress: TrainProgress) => void;
}

export interface TrainProgress {
  epoch: number;
  epochs: number;
  loss: number;
  ms: number;
}

export interface TrainResult {
  model: StaticModel;
  settings: Record<string, unknown>;
  stats: { vocabulary: number; chunks: number; pairs: number; epochs: number; finalLoss: number; ms: number };
}

const DEFAULTS = {
  dims: 128,
  maxVocab: 60_000,
  minCount: 2,
  epochs: 10,
  batchSize: 128,
  learningRate: 0.08,
  temperature: 0.05,
  seed: 20_260_601,
  analyzer: 'vi-folded-pairs/2' as AnalyzerId,
};

function buildVocabulary(chunks: readonly Chunk[], analyzer: AnalyzerId, minCount: number, maxVocab: number) {
  const chunkFrequency = new Map<string, number>();
  for (const chunk of chunks) {
    for (const token of new Set(analyzeTokens(chunk.text, analyzer))) {
      chunkFrequency.set(token, (chunkFrequency.get(token) ?? 0) + 1);
    }
  }
  const words = [...chunkFrequency.entries()]
    .filter(([, count]) => count >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxVocab)
    .map(([token]) => token);
  return { words, chunkFrequency };
}

function gaussian(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** One training step on B (question, chunk) pairs; returns the mean loss. */
class Trainer {
  private readonly accumulator: Float32Array;
  private readonly gradient: Float32Array;
  private readonly touched = new Set<number>();

  constructor(
    private readonly model: StaticModel,
    private readonly learningRate: number,
    private readonly temperature: number,
  ) {
    this.accumulator = new Float32Array(model.weights.length).fill(1e-6);
    this.gradient = new Float32Array(model.weights.length);
  }

  private encode(bags: TokenBag[]) {
    const { dims } = this.model;
    const unit = new Float32Array(bags.length * dims);
    const norms = new Float32Array(bags.length);
    const sum = new Float32Array(dims);
    bags.forEach((bag, i) => {
      const norm = this.model.sum(bag, sum) || 1;
      norms[i] = norm;
      for (let d = 0; d < dims; d++) unit[i * dims + d] = sum[d]! / norm;
    });
    return { unit, norms };
  }

  /** Back-propagates d(loss)/d(unit vector) through the normalisation into the token rows. */
  private backward(bags: TokenBag[], unit: Float32Array, norms: Float32Array, gradUnit: Float32Array): void {
    const { dims } = this.model;
    const gradSum = new Float32Array(dims);
    bags.forEach((bag, i) => {
      const offset = i * dims;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += gradUnit[offset + d]! * unit[offset + d]!;
      for (let d = 0; d < dims; d++) gradSum[d] = (gradUnit[offset + d]! - dot * unit[offset + d]!) / norms[i]!;
      for (let k = 0; k < bag.ids.length; k++) {
        const id = bag.ids[k]!;
        if (id < 5) continue; // special tokens stay zero
        const row = id * dims;
        const count = bag.counts[k]!;
        this.touched.add(id);
        for (let d = 0; d < dims; d++) this.gradient[row + d]! += count * gradSum[d]!;
      }
    });
  }

  step(queries: TokenBag[], passages: TokenBag[]): number {
    const { dims } = this.model;
    const size = queries.length;
    const q = this.encode(queries);
    const p = this.encode(passages);
    const gradQ = new Float32Array(size * dims);
    const gradP = new Float32Array(size * dims);
    const logits = new Float64Array(size);
    let loss = 0;
    for (let i = 0; i < size; i++) {
      let max = -Infinity;
      for (let j = 0; j < size; j++) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += q.unit[i * dims + d]! * p.unit[j * dims + d]!;
        logits[j] = dot / this.temperature;
        if (logits[j]! > max) max = logits[j]!;
      }
      let total = 0;
      for (let j = 0; j < size; j++) total += (logits[j] = Math.exp(logits[j]! - max));
      loss += -Math.log(logits[i]! / total);
      for (let j = 0; j < size; j++) {
        const g = (logits[j]! / total - (i === j ? 1 : 0)) / (size * this.temperature);
        if (Math.abs(g) < 1e-7) continue;
        for (let d = 0; d < dims; d++) {
          gradQ[i * dims + d]! += g * p.unit[j * dims + d]!;
          gradP[j * dims + d]! += g * q.unit[i * dims + d]!;
        }
      }
    }
    this.backward(queries, q.unit, q.norms, gradQ);
    this.backward(passages, p.unit, p.norms, gradP);
    this.apply();
    return loss / size;
  }

  /** AdaGrad on the touched rows; clears their gradient. */
  private apply(): void {
    const { dims, weights } = this.model;
    for (const id of this.touched) {
      const row = id * dims;
      for (let d = row; d < row + dims; d++) {
        const g = this.gradient[d]!;
        this.accumulator[d]! += g * g;
        weights[d]! -= (this.learningRate * g) / Math.sqrt(this.accumulator[d]!);
        this.gradient[d] = 0;
      }
    }
    this.touched.clear();
  }
}

/** Longest stretch of training before the event loop gets a turn (a server keeps answering /health). */
const YIELD_EVERY_MS = 50;

export async function trainStaticEmbedding(procedures: readonly Procedure[], options: TrainOptions = {}): Promise<TrainResult> {
  let lastYield = Date.now();
  const breathe = async () => {
    if (Date.now() - lastYield < YIELD_EVERY_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    lastYield = Date.now();
  };
  const started = Date.now();
  const settings = { ...DEFAULTS, ...options, onProgress: undefined };
  const { dims, maxVocab, minCount, epochs, batchSize, learningRate, temperature, seed, analyzer } = settings;
  const random = seededRandom(seed);

  const chunksByCode = new Map(procedures.map((procedure) => [procedure.code, chunkProcedure(procedure)]));
  const allChunks = [...chunksByCode.values()].flat();
  const { words, chunkFrequency } = buildVocabulary(allChunks, analyzer, minCount, maxVocab);
  const model = StaticModel.create(words, dims, analyzer);

  // IDF-scaled random vectors: the untrained model is a random projection of TF-IDF.
  const documents = allChunks.length;
  for (let id = 5; id < model.vocabulary.length; id++) {
    const idf = Math.log(1 + documents / (chunkFrequency.get(model.vocabulary[id]!) ?? 1));
    for (let d = 0; d < dims; d++) model.weights[id * dims + d] = (gaussian(random) * idf) / Math.sqrt(dims);
  }

  const chunkBag = new Map(allChunks.map((chunk) => [chunk.id, model.bag(chunk.text)]));
  const sectorOf = new Map(procedures.map((procedure) => [procedure.code, procedure.sector]));
  const trainer = new Trainer(model, learningRate, temperature);
  let finalLoss = Number.NaN;
  let pairs = 0;
  let epoch = 0;
  for (; epoch < epochs; epoch++) {
    // Per procedure: fresh questions, plus its name chunk asking for one of its other chunks.
    const perProcedure = new Map<string, Array<[TokenBag, TokenBag]>>();
    for (const procedure of procedures) {
      const chunks = chunksByCode.get(procedure.code)!;
      const list = syntheticQueries(procedure, chunks, random, settings.queries).map(
        (query) => [model.bag(query.text), chunkBag.get(query.chunkId)!] as [TokenBag, TokenBag],
      );
      const others = chunks.filter((chunk) => chunk.section !== 'name');
      if (others.length > 0 && chunks[0]) {
        const other = others[Math.floor(random() * others.length)]!;
        list.push([chunkBag.get(chunks[0].id)!, chunkBag.get(other.id)!]);
      }
      perProcedure.set(procedure.code, shuffle(list, random));
      await breathe();
    }
    let lossSum = 0;
    let steps = 0;
    const rounds = Math.max(...[...perProcedure.values()].map((list) => list.length));
    for (let round = 0; round < rounds; round++) {
      let codes = shuffle([...perProcedure.keys()].filter((code) => perProcedure.get(code)!.length > round), random);
      if (round % 2 === 1) {
        // Hard negatives: neighbours in a batch share a sector.
        const sectorRank = new Map(shuffle([...new Set(sectorOf.values())], random).map((s, i) => [s, i]));
        codes = codes.sort((a, b) => sectorRank.get(sectorOf.get(a)!)! - sectorRank.get(sectorOf.get(b)!)!);
      }
      for (let start = 0; start + 1 < codes.length; start += batchSize) {
        const batch = codes.slice(start, start + batchSize).map((code) => perProcedure.get(code)![round]!);
        if (batch.length < 2) continue;
        lossSum += trainer.step(batch.map(([q]) => q), batch.map(([, p]) => p));
        await breathe();
        steps += 1;
        pairs += batch.length;
      }
    }
    finalLoss = lossSum / Math.max(1, steps);
    options.onProgress?.({ epoch: epoch + 1, epochs, loss: finalLoss, ms: Date.now() - started });
    if (options.timeBudgetMs !== undefined && Date.now() - started > options.timeBudgetMs) {
      epoch += 1;
      break;
    }
  }
  return {
    model,
    settings: { ...settings, onProgress: undefined, timeBudgetMs: options.timeBudgetMs },
    stats: {
      vocabulary: model.vocabulary.length,
      chunks: allChunks.length,
      pairs,
      epochs: epoch,
      finalLoss,
      ms: Date.now() - started,
    },
  };
}
