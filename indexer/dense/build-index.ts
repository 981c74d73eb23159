/**
 * Builds or refreshes the dense index incrementally: a procedure is re-embedded only when its
 * checksum (record + chunker version) changed; a deleted procedure's vectors leave the index;
 * its checksum is recorded only after its vectors are in — the index file is written first,
 * then the manifest, every `saveEvery` procedures and at the end. A manifest built by another
 * model or chunker starts a full rebuild (loading such an index without building is an error,
 * see dense-retriever.ts).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Procedure } from '../../knowledge/schema.ts';
import { checksumOf } from '../../knowledge/checksum.ts';
import { CHUNKER_VERSION, chunkProcedure } from '../chunk.ts';
import type { EmbeddingModelHandle } from './transformers-embeddings.ts';
import { MANIFEST_FILE, VECTORS_FILE, readManifest, writeManifest, type Manifest } from './manifest.ts';
import { VectorIndex } from './vector-index.ts';

export interface BuildOptions {
  procedures: readonly Procedure[];
  embeddings: EmbeddingModelHandle;
  dir: string;
  /** Procedures embedded per model call batch. */
  batchProcedures?: number;
  /** Write index + manifest after this many embedded procedures. */
  saveEvery?: number;
  onProgress?: (done: number, total: number) => void;
  log?: (message: string) => void;
}

export interface BuildReport {
  embedded: number;
  unchanged: number;
  removed: number;
  chunks: number;
  fullRebuild: boolean;
  ms: number;
}

export interface BuiltIndex {
  index: VectorIndex;
  manifest: Manifest;
  report: BuildReport;
}

export function procedureChecksum(procedure: Procedure): string {
  return checksumOf({ procedure, chunker: CHUNKER_VERSION });
}

export function catalogChecksum(manifest: Manifest): string {
  return checksumOf(Object.entries(manifest.procedures).map(([code, entry]) => [code, entry.checksum]).sort());
}

function freshManifest(embeddings: EmbeddingModelHandle, capacity: number): Manifest {
  return {
    format: 1,
    model: {
      id: embeddings.info.id,
      dims: embeddings.info.dims,
      queryPrefix: embeddings.info.queryPrefix,
      passagePrefix: embeddings.info.passagePrefix,
    },
    chunkerVersion: CHUNKER_VERSION,
    catalogChecksum: '',
    capacity,
    nextLabel: 0,
    procedures: {},
    builtAt: new Date().toISOString(),
  };
}

export async function buildIndex(options: BuildOptions): Promise<BuiltIndex> {
  const started = Date.now();
  const { procedures, embeddings, dir, batchProcedures = 32, saveEvery = 256 } = options;
  mkdirSync(dir, { recursive: true });
  const vectorsFile = path.join(dir, VECTORS_FILE);
  const estimate = Math.max(1024, procedures.length * 12);

  let manifest = readManifest(dir);
  let fullRebuild = false;
  if (manifest && (manifest.model.id !== embeddings.info.id || manifest.model.dims !== embeddings.info.dims || manifest.chunkerVersion !== CHUNKER_VERSION)) {
    options.log?.(`${MANIFEST_FILE}: built with ${manifest.model.id} (chunker ${manifest.chunkerVersion}); rebuilding with ${embeddings.info.id}`);
    manifest = null;
  }
  let index: VectorIndex;
  if (manifest) {
    const live = Object.values(manifest.procedures).reduce((sum, entry) => sum + entry.chunks.length, 0);
    index = VectorIndex.read(vectorsFile, manifest.model.dims, live);
  } else {
    fullRebuild = true;
    manifest = freshManifest(embeddings, estimate);
    index = VectorIndex.create(embeddings.info.dims, estimate);
  }

  const current = new Map(procedures.map((procedure) => [procedure.code, procedure]));
  let removed = 0;
  for (const [code, entry] of Object.entries(manifest.procedures)) {
    if (current.has(code)) continue;
    for (const chunk of entry.chunks) index.remove(chunk.label);
    delete manifest.procedures[code];
    removed += 1;
  }

  const stale = procedures.filter((procedure) => manifest.procedures[procedure.code]?.checksum !== procedureChecksum(procedure));
  const unchanged = procedures.length - stale.length;
  let embedded = 0;
  let chunkCount = 0;
  let sinceSave = 0;
  const save = () => {
    manifest.capacity = index.capacity;
    manifest.catalogChecksum = catalogChecksum(manifest);
    manifest.builtAt = new Date().toISOString();
    index.write(vectorsFile);
    writeManifest(dir, manifest);
    sinceSave = 0;
  };

  for (let start = 0; start < stale.length; start += batchProcedures) {
    const batch = stale.slice(start, start + batchProcedures);
    const chunks = batch.map((procedure) => chunkProcedure(procedure));
    const vectors = await embeddings.embedDocuments(chunks.flat().map((chunk) => chunk.text));
    let row = 0;
    batch.forEach((procedure, i) => {
      const previous = manifest.procedures[procedure.code];
      for (const chunk of previous?.chunks ?? []) index.remove(chunk.label);
      const entries = chunks[i]!.map((chunk) => {
        const label = manifest.nextLabel++;
        index.add(label, vectors[row++]!);
        return { label, section: chunk.section };
      });
      manifest.procedures[procedure.code] = { checksum: procedureChecksum(procedure), chunks: entries };
      chunkCount += entries.length;
    });
    embedded += batch.length;
    sinceSave += batch.length;
    options.onProgress?.(embedded, stale.length);
    if (sinceSave >= saveEvery) save();
  }
  if (embedded > 0 || removed > 0 || fullRebuild || !manifest.catalogChecksum) save();
  return {
    index,
    manifest,
    report: { embedded, unchanged, removed, chunks: chunkCount, fullRebuild, ms: Date.now() - started },
  };
}
