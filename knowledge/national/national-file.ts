/**
 * The shipped national catalog's file format, shared by its generator (tools/catalog/) and its
 * loader: one Procedure per line sorted by code, keys in sorted order, gzip with a zero mtime —
 * so the same records always give the same bytes — beside a manifest carrying its sha256.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { canonicalJson } from '../checksum.ts';
import type { Procedure } from '../schema.ts';

/** Where the shipped catalog lives in the repository. */
export const NATIONAL_DIR = path.resolve(import.meta.dirname);
export const NATIONAL_FILE = 'procedures.jsonl.gz';
export const MANIFEST_FILE = 'manifest.json';

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 in lowercase hex');

export const NationalManifestSchema = z.object({
  /** The records file, beside the manifest. */
  file: z.string().min(1),
  records: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: Sha256Schema,
  /** The national export it was generated from (never shipped). */
  source: z.object({ file: z.string().min(1), sha256: Sha256Schema, records: z.number().int().nonnegative() }),
  /** The as-of date: every record's lastUpdated, and the day fee rates are checked for staleness against. */
  generatedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  generator: z.string().min(1),
});
export type NationalManifest = z.infer<typeof NationalManifestSchema>;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Records sorted by code (code-unit order, not locale), one canonical JSON object a line, gzipped. */
export function encodeNationalRecords(procedures: readonly Procedure[]): Buffer {
  const sorted = [...procedures].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const text = sorted.map((procedure) => `${canonicalJson(procedure)}\n`).join('');
  const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
  // Bytes 4–7 of a gzip header are the mtime; zlib leaves them 0, and they must stay 0.
  gz.writeUInt32LE(0, 4);
  return gz;
}

/** The manifest as written: two-space JSON in the schema's key order, with a final newline. */
export function formatManifest(manifest: NationalManifest): string {
  return `${JSON.stringify(NationalManifestSchema.parse(manifest), null, 2)}\n`;
}
