/**
 * npm run export:local -- <file.csv|file.xlsx|file.json>
 * Writes the published local data in the import template (README "Địa phương hoá / Local data"),
 * or — to a .json file — the province's own procedures as whole records, to review offline and
 * import again. Exit codes: 0 written, 2 bad file name.
 */
import { writeFile } from 'node:fs/promises';
import { loadConfig } from '../config.ts';
import { openDb } from '../adapters/sql/db/open-db.ts';
import { formatOf } from '../knowledge/local/overlay-import.ts';
import { writeOverlaySheet } from '../knowledge/local/overlay-sheet.ts';
import { openOverlayService } from '../deps/local-deps.ts';

async function main(argv: string[]): Promise<number> {
  const outputPath = argv.find((arg) => !arg.startsWith('-'));
  const format = outputPath ? formatOf(outputPath) : null;
  if (!outputPath || !format) {
    console.error('Cách dùng / usage: npm run export:local -- <tệp .csv | .xlsx | .json>');
    return 2;
  }
  const config = loadConfig();
  const db = await openDb(config);
  try {
    const { overlay, catalog } = await openOverlayService(config, db);
    if (format === 'json') {
      const own = overlay.localProcedures();
      await writeFile(outputPath, `${JSON.stringify(own, null, 2)}\n`);
      console.log(`Đã ghi ${own.length} thủ tục vào ${outputPath}.`);
      return 0;
    }
    const entries = overlay.published();
    await writeFile(outputPath, await writeOverlaySheet(entries, format, (code) => catalog.get(code)?.name));
    console.log(`Đã ghi ${entries.length} dòng vào ${outputPath}.`);
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Xuất dữ liệu địa phương thất bại / local data export failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
