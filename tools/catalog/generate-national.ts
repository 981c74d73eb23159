/**
 * Generates the shipped national catalog: runs the importer (knowledge/import/) over the national
 * export and writes the normalized records plus their manifest (see knowledge/national/national-file.ts).
 * The same source, as-of date and importer always give the same bytes.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportReport } from '../../knowledge/import/import-report.ts';
import { loadNationalProcedures } from '../../knowledge/import/load-national.ts';
import { todayIso } from '../../knowledge/import/to-procedure.ts';
import {
  MANIFEST_FILE,
  NATIONAL_FILE,
  NationalManifestSchema,
  encodeNationalRecords,
  formatManifest,
  sha256Hex,
  type NationalManifest,
} from '../../knowledge/national/national-file.ts';

/** The shipped file must stay small enough for a repository; it is about 2.3 MB today. */
export const MAX_BYTES = 5 * 1024 * 1024;

export interface GenerateOptions {
  /** The national export (.jsonl.gz), e.g. ../shared/data/dvc-procedures.jsonl.gz. */
  source: string;
  /** Folder receiving procedures.jsonl.gz and manifest.json. */
  outDir: string;
  /**
   * As-of date (lastUpdated of every record, day stale fee rates are judged against). Default: the
   * date of the manifest already in outDir when it was made from the same source bytes, so a rebuild
   * reproduces the shipped file; otherwise today.
   */
  date?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  manifest: NationalManifest;
  report: ImportReport;
}

export class OversizeError extends Error {
  constructor(readonly bytes: number) {
    super(`Danh mục quốc gia quá lớn (${bytes} byte > ${MAX_BYTES}) / national catalog too large (${bytes} bytes > ${MAX_BYTES})`);
    this.name = 'OversizeError';
  }
}

async function previousManifest(outDir: string): Promise<NationalManifest | null> {
  try {
    const parsed = NationalManifestSchema.safeParse(JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Writes through a temporary name so an interrupted run never leaves half a file. */
async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

export async function generateNationalCatalog(options: GenerateOptions): Promise<GenerateResult> {
  const sourceSha = sha256Hex(await readFile(options.source));
  const previous = await previousManifest(options.outDir);
  const date = options.date ?? (previous?.source.sha256 === sourceSha ? previous.generatedOn : todayIso());

  const { procedures, report } = await loadNationalProcedures(options.source, {
    today: date,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (procedures.length === 0) throw new Error(`không chuyển được bản ghi nào / no record could be converted from ${options.source}`);
  const gz = encodeNationalRecords(procedures);
  if (gz.length > MAX_BYTES) throw new OversizeError(gz.length);

  const manifest: NationalManifest = {
    file: NATIONAL_FILE,
    records: procedures.length,
    bytes: gz.length,
    sha256: sha256Hex(gz),
    source: { file: path.basename(options.source), sha256: sourceSha, records: report.records },
    generatedOn: date,
    generator: 'tools/catalog/build-national-catalog.ts',
  };
  await mkdir(options.outDir, { recursive: true });
  await writeAtomically(path.join(options.outDir, NATIONAL_FILE), gz);
  await writeAtomically(path.join(options.outDir, MANIFEST_FILE), formatManifest(manifest));
  return { manifest, report };
}
