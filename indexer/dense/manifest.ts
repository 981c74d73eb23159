/**
 * The index folder's manifest: which model built the vectors (id, dimensions, prefixes), the
 * chunker version, the catalog checksum, and per procedure its checksum and the hnswlib labels
 * of its chunks. Checked on load — an index is never paired with the wrong model silently.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { IndexError } from '../index-errors.ts';

export const MANIFEST_FILE = 'manifest.json';
export const VECTORS_FILE = 'vectors.hnsw';

export const ChunkEntrySchema = z.object({ label: z.number().int().nonnegative(), section: z.string() });

export const ManifestSchema = z.object({
  format: z.literal(1),
  model: z.object({ id: z.string(), dims: z.number().int().positive(), queryPrefix: z.string(), passagePrefix: z.string() }),
  chunkerVersion: z.number().int(),
  catalogChecksum: z.string(),
  capacity: z.number().int().positive(),
  nextLabel: z.number().int().nonnegative(),
  procedures: z.record(z.string(), z.object({ checksum: z.string(), chunks: z.array(ChunkEntrySchema) })),
  builtAt: z.string(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export function readManifest(dir: string): Manifest | null {
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new IndexError('index_corrupt', `${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) throw new IndexError('index_corrupt', `${file}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** Written to a temporary file and renamed, so a crash never leaves half a manifest. */
export function writeManifest(dir: string, manifest: Manifest): void {
  const file = path.join(dir, MANIFEST_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(manifest)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** Throws a clear IndexError when the index was built by another model or with other dimensions. */
export function assertManifestMatches(manifest: Manifest, model: { id: string; dims: number }): void {
  if (manifest.model.dims !== model.dims) {
    throw new IndexError('index_dims_mismatch', `index has ${manifest.model.dims} dimensions, model ${model.id} has ${model.dims}`);
  }
  if (manifest.model.id !== model.id) {
    throw new IndexError('index_model_mismatch', `index built with ${manifest.model.id}, configured model is ${model.id}`);
  }
}
