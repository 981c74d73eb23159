/**
 * The dense side end to end with real parts: the domain model learned from the bundled catalog,
 * written as tokenizer.json + ONNX, loaded offline through transformers.js, embedded into an
 * hnswlib index with its manifest — then incremental rebuilds and the manifest checks.
 * Also an "external" Hugging-Face-layout model (BERT pre-tokenizer, e5-style prefixes) that the
 * test writes itself, loaded through the EMBEDDING_MODEL_DIR path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';
import type { Procedure } from '../../../knowledge/schema.ts';
import { buildIndex } from '../../../indexer/dense/build-index.ts';
import { createDenseSearcher, openDenseIndex } from '../../../indexer/dense/dense-searcher.ts';
import { ensureDomainModel } from '../../../tools/training/domain-model.ts';
import { writeStaticEmbeddingOnnx } from '../../../tools/training/onnx-writer.ts';
import { writeEncoderConfig, writeWordPieceTokenizer } from '../../../tools/training/tokenizer-writer.ts';
import { TransformersEmbeddings } from '../../../indexer/dense/transformers-embeddings.ts';
import { IndexError } from '../../../indexer/index-errors.ts';
import { readManifest } from '../../../indexer/dense/manifest.ts';

const work = mkdtempSync(path.join(tmpdir(), 'tro-ly-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('domain model + hnswlib index', () => {
  const procedures = loadBundledCatalog();
  let embeddings: TransformersEmbeddings;
  const indexDir = path.join(work, 'index');

  beforeAll(async () => {
    const modelDir = await ensureDomainModel(path.join(work, 'model'), procedures, { train: { epochs: 4, dims: 64 } });
    embeddings = await TransformersEmbeddings.load(modelDir);
  }, 120_000);
  afterAll(async () => embeddings?.dispose());

  test('a full build writes vectors and a manifest naming the model, dims and every procedure', async () => {
    const built = await buildIndex({ procedures, embeddings, dir: indexDir });
    expect(built.report).toMatchObject({ embedded: procedures.length, unchanged: 0, removed: 0, fullRebuild: true });
    const manifest = readManifest(indexDir)!;
    expect(manifest.model).toMatchObject({ id: embeddings.info.id, dims: 64 });
    expect(Object.keys(manifest.procedures).sort()).toEqual(procedures.map((p) => p.code).sort());
    expect(manifest.catalogChecksum).toMatch(/^[0-9a-f]{32}$/);
  });

  test('the dense searcher finds procedures by citizen wording, with or without diacritics', async () => {
    const { index, manifest } = openDenseIndex(indexDir, embeddings);
    const searcher = createDenseSearcher(procedures, index, manifest, embeddings);
    for (const question of ['làm hộ chiếu', 'lam ho chieu', 'đăng ký kết hôn', 'dang ky ket hon']) {
      const top = (await searcher.rank(question, 3)).map((hit) => procedures[hit.doc]!.name.toLowerCase());
      expect(top.join(' | '), question).toMatch(/hộ chiếu|kết hôn/);
    }
  });

  test('an unchanged catalog re-embeds nothing; one changed procedure re-embeds only it; a deleted one leaves', async () => {
    const again = await buildIndex({ procedures, embeddings, dir: indexDir });
    expect(again.report).toMatchObject({ embedded: 0, unchanged: procedures.length, removed: 0, fullRebuild: false });

    const changed: Procedure[] = procedures.map((p, i) => (i === 0 ? { ...p, aliases: [...p.aliases, 'tên gọi mới'] } : p));
    const oneChanged = await buildIndex({ procedures: changed, embeddings, dir: indexDir });
    expect(oneChanged.report).toMatchObject({ embedded: 1, unchanged: procedures.length - 1, removed: 0 });

    const gone = changed[1]!;
    const fewer = changed.filter((p) => p.code !== gone.code);
    const afterDelete = await buildIndex({ procedures: fewer, embeddings, dir: indexDir });
    expect(afterDelete.report).toMatchObject({ embedded: 0, removed: 1 });
    expect(readManifest(indexDir)!.procedures[gone.code]).toBeUndefined();

    const { index, manifest } = openDenseIndex(indexDir, embeddings);
    const searcher = createDenseSearcher(fewer, index, manifest, embeddings);
    const hits = await searcher.rank(gone.name, 10);
    expect(hits.map((hit) => fewer[hit.doc]!.code)).not.toContain(gone.code);
    expect(index.count).toBe(Object.values(manifest.procedures).reduce((n, e) => n + e.chunks.length, 0));
  });

  test('an index built by another model is refused with a clear error, never used silently', async () => {
    const other = { ...embeddings, info: { ...embeddings.info, id: 'another-model@0000' } } as unknown as TransformersEmbeddings;
    expect(() => openDenseIndex(indexDir, other)).toThrow(IndexError);
    try {
      openDenseIndex(indexDir, other);
    } catch (error) {
      expect((error as IndexError).code).toBe('index_model_mismatch');
      expect((error as IndexError).vi).toMatch(/mô hình nhúng khác/);
    }
    expect(() => openDenseIndex(path.join(work, 'nowhere'), embeddings)).toThrow(/index_missing|Chưa có chỉ mục/);
  });
});

describe('an external Hugging-Face-layout model from EMBEDDING_MODEL_DIR', () => {
  test('loads offline through transformers.js with e5 prefixes, and embeds unit vectors', async () => {
    const dir = path.join(work, 'tiny-multilingual-e5');
    const words = ['hộ', 'chiếu', 'kết', 'hôn', 'khai', 'sinh', 'query', 'passage', ':', '##s'];
    const dims = 8;
    const vocabulary = writeWordPieceTokenizer(dir, words, { preTokenizer: 'bert', maxLength: 128 });
    writeEncoderConfig(dir, { dims, vocabSize: vocabulary.length, maxLength: 128 });
    const weights = new Float32Array(vocabulary.length * dims);
    for (let i = 5 * dims; i < weights.length; i++) weights[i] = Math.sin(i * 1.7);
    writeStaticEmbeddingOnnx(dir, { weights, vocabSize: vocabulary.length, dims });

    const model = await TransformersEmbeddings.load(dir);
    try {
      expect(model.info).toMatchObject({ kind: 'external', dims, queryPrefix: 'query: ', passagePrefix: 'passage: ', analyzer: null });
      const [a, b] = await model.embedDocuments(['hộ chiếu', 'kết hôn']);
      const q = await model.embedQuery('hộ chiếu');
      for (const v of [a!, b!, q]) expect(Math.hypot(...v)).toBeCloseTo(1, 4);
      const cos = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
      expect(cos(q, a!)).toBeGreaterThan(cos(q, b!));
    } finally {
      await model.dispose();
    }
  }, 60_000);

  test('a folder without a model is a clear startup error', async () => {
    await expect(TransformersEmbeddings.load(path.join(work, 'empty'))).rejects.toMatchObject({ code: 'model_missing' });
  });
});
