/**
 * npm run import -- <path>
 * Imports national procedure records (.jsonl, .jsonl.gz, JSON array, or a folder of .json files)
 * into the configured database (PGlite under DATA_DIR, or DATABASE_URL) and prints the report.
 */
import { loadConfig } from '../config.ts';
import type { Db } from '../adapters/sql/db/db.ts';
import { openDb } from '../adapters/sql/db/open-db.ts';
import { createSqlProcedureStore } from '../adapters/sql/sql-procedure-store.ts';
import type { Procedure } from '../knowledge/schema.ts';
import { formatReport } from '../knowledge/import/import-report.ts';
import { loadNationalProcedures } from '../knowledge/import/load-national.ts';
import { ImportInputError } from '../knowledge/import/read-records.ts';
import { createProgress, readableInputPath, type Progress } from './cli-support.ts';

const UPSERT_CHUNK = 200;

async function upsertAll(db: Db, procedures: Procedure[], progress: Progress) {
  const repository = createSqlProcedureStore(db);
  const total = { inserted: 0, updated: 0, unchanged: 0 };
  progress.start('Ghi CSDL / upsert', procedures.length);
  for (let start = 0; start < procedures.length; start += UPSERT_CHUNK) {
    const summary = await repository.upsertMany(procedures.slice(start, start + UPSERT_CHUNK));
    total.inserted += summary.inserted;
    total.updated += summary.updated;
    total.unchanged += summary.unchanged;
    progress.update(Math.min(start + UPSERT_CHUNK, procedures.length));
  }
  progress.stop();
  return { total, count: await repository.count() };
}

async function main(argv: string[]): Promise<number> {
  const inputPath = await readableInputPath(argv, 'npm run import -- <tệp .jsonl | .jsonl.gz | .json | thư mục>');
  if (!inputPath) return 2;

  const progress = createProgress();
  let started = false;
  const { procedures, report } = await loadNationalProcedures(inputPath, {
    onProgress(done, total) {
      if (!started) {
        progress.start('Đọc bản ghi / parsing', total);
        started = true;
      }
      progress.update(done);
      if (done === total) progress.stop();
    },
  });

  const db = await openDb(loadConfig()); // openDb applies pending migrations
  try {
    const { total, count } = await upsertAll(db, procedures, progress);
    console.log(formatReport(report));
    console.log(
      `CSDL / database (${db.kind}): thêm mới / inserted ${total.inserted}, cập nhật / updated ${total.updated}, không đổi / unchanged ${total.unchanged}; tổng số thủ tục / total procedures ${count}`,
    );
  } finally {
    await db.close();
  }
  if (report.imported === 0) {
    console.error('Không nhập được bản ghi nào / no record could be imported.');
    return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ImportInputError) {
      console.error(`${error.vietnamese}\n${error.message}`);
      process.exit(2);
    }
    console.error('Nhập dữ liệu thất bại / import failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
