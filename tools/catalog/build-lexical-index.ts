/**
 * npm run catalog:index [-- --dir <folder>]
 * Writes the prebuilt lexical index of the default full catalog (the shipped national records
 * under the curated ones, no imported records) beside the national catalog, so `npm start` loads
 * it instead of analysing every procedure. `npm run catalog:build` and `npm run train:decision`
 * (the learned phrasings are indexed) run it; run it after a change to the analyzer or the
 * vocabulary — test/indexer/lexical/prebuilt-index.test.ts fails while the shipped one is stale.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadBundledCatalog } from '../../knowledge/catalog/index.ts';
import { createCatalog } from '../../knowledge/catalog-store.ts';
import { loadBundledNational } from '../../knowledge/national/load-bundled-national.ts';
import { NATIONAL_DIR } from '../../knowledge/national/national-file.ts';
import { PREBUILT_LEXICAL_FILE, prebuildLexical } from '../../indexer/lexical/prebuilt-index.ts';

/** The procedures `npm start` indexes on a fresh database with CATALOG=full, in its order. */
export async function defaultFullCatalog(dir: string = NATIONAL_DIR) {
  const national = await loadBundledNational({ dir });
  return createCatalog([...national.procedures, ...loadBundledCatalog()]).all();
}

export async function writeLexicalIndex(dir: string = NATIONAL_DIR): Promise<{ file: string; bytes: number; procedures: number }> {
  const procedures = await defaultFullCatalog(dir);
  const { bytes } = prebuildLexical(procedures);
  const file = path.join(dir, PREBUILT_LEXICAL_FILE);
  await writeFile(file, bytes);
  return { file, bytes: bytes.length, procedures: procedures.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: NATIONAL_DIR } } });
  const started = Date.now();
  writeLexicalIndex(values.dir!).then(
    ({ file, bytes, procedures }) => {
      console.log(`Chỉ mục từ vựng / lexical index: ${procedures} thủ tục → ${path.relative(process.cwd(), file)} (${(bytes / 1024 / 1024).toFixed(2)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error('Tạo chỉ mục thất bại / index build failed:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
