/**
 * npm run catalog:build [-- --source <export.jsonl.gz>] [--out <folder>] [--date YYYY-MM-DD]
 * Regenerates knowledge/national/procedures.jsonl.gz, manifest.json and the prebuilt lexical index from the national export
 * in ../shared/data (read-only, never committed). Exit 0 written, 1 failed, 2 source absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createProgress } from '../../cli/cli-support.ts';
import { formatReport } from '../../knowledge/import/import-report.ts';
import { NATIONAL_DIR } from '../../knowledge/national/national-file.ts';
import { generateNationalCatalog, OversizeError } from './generate-national.ts';
import { writeLexicalIndex } from './build-lexical-index.ts';

const DEFAULT_SOURCE = path.resolve(import.meta.dirname, '../../../shared/data/dvc-procedures.jsonl.gz');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string', default: DEFAULT_SOURCE },
      out: { type: 'string', default: NATIONAL_DIR },
      date: { type: 'string' },
    },
  });
  const source = values.source!;
  if (!existsSync(source)) {
    console.error(
      `Không tìm thấy dữ liệu thủ tục quốc gia: ${source}\n` +
        `  Cần thư mục ../shared cạnh mã nguồn (../shared/data/dvc-procedures.jsonl.gz), hoặc chỉ đường dẫn bằng --source.\n` +
        `National source data not found: ${source}\n` +
        `  The ../shared folder beside the checkout is needed (../shared/data/dvc-procedures.jsonl.gz), or pass --source <path>.\n` +
        `  The shipped catalog (knowledge/national/) is left as it is.`,
    );
    return 2;
  }
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    console.error(`--date phải có dạng YYYY-MM-DD / --date must look like 2026-11-30: ${values.date}`);
    return 2;
  }

  const started = Date.now();
  const progress = createProgress();
  let begun = false;
  const { manifest, report } = await generateNationalCatalog({
    source,
    outDir: values.out!,
    ...(values.date ? { date: values.date } : {}),
    onProgress(done, total) {
      if (!begun) {
        progress.start('Chuẩn hóa / normalizing', total);
        begun = true;
      }
      progress.update(done);
      if (done === total) progress.stop();
    },
  });
  console.log(formatReport(report));
  const out = path.relative(process.cwd(), values.out!) || '.';
  console.log(
    `Danh mục quốc gia / national catalog: ${manifest.records} thủ tục → ${path.join(out, manifest.file)} ` +
      `(${(manifest.bytes / 1024 / 1024).toFixed(2)} MB, sha256 ${manifest.sha256}, as of ${manifest.generatedOn}) ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  // The prebuilt lexical index must match the new records (else start-up builds it, slowly).
  const index = await writeLexicalIndex(values.out!);
  console.log(`Chỉ mục từ vựng / lexical index → ${path.join(out, path.basename(index.file))} (${(index.bytes / 1024 / 1024).toFixed(2)} MB)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof OversizeError) console.error(error.message);
    else console.error('Tạo danh mục quốc gia thất bại / catalog build failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
