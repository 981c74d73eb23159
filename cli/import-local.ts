/**
 * npm run import:local -- <file.csv|file.xlsx|file.json>
 * Imports the province's local data (the overlay template, README "Địa phương hoá / Local data";
 * a .json file: an array of the province's own procedures as whole records)
 * into the database (PGlite under DATA_DIR, or DATABASE_URL): rows that pass are applied as new
 * versions in one transaction, each bad row is reported (row, column, what is wrong) and changes
 * nothing. A running server picks the change up within LOCAL_REFRESH_SECONDS.
 * Exit codes: 0 every row applied or unchanged, 1 some rows rejected (see the report), 2 bad file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readableInputPath } from './cli-support.ts';
import { loadConfig } from '../config.ts';
import { openDb } from '../adapters/sql/db/open-db.ts';
import { formatImportReport, formatOf, importLocalProcedures, importOverlay } from '../knowledge/local/overlay-import.ts';
import { OverlaySheetError } from '../knowledge/local/overlay-sheet.ts';
import { openOverlayService } from '../deps/local-deps.ts';

async function main(argv: string[]): Promise<number> {
  const inputPath = await readableInputPath(argv, 'npm run import:local -- <tệp .csv | .xlsx | .json>');
  if (!inputPath) return 2;
  const format = formatOf(inputPath);
  if (!format) {
    console.error('Tệp phải có đuôi .csv, .xlsx hoặc .json / the file must be .csv, .xlsx or .json');
    return 2;
  }
  const config = loadConfig();
  const db = await openDb(config);
  try {
    const { overlay } = await openOverlayService(config, db);
    const fileName = path.basename(inputPath);
    const bytes = await readFile(inputPath);
    const from = { author: 'import:local', fileName };
    const report = format === 'json' ? await importLocalProcedures(overlay, bytes, from) : await importOverlay(overlay, bytes, format, from);
    console.log(formatImportReport(report, format === 'json' ? 'records' : 'rows'));
    return report.rejected.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof OverlaySheetError) {
      console.error(error.vi);
      process.exit(2);
    }
    console.error('Nhập dữ liệu địa phương thất bại / local data import failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
