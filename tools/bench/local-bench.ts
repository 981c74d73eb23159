/**
 * Local data benchmark, over the shipped national catalog (2,642 records) and the curated ones:
 * importing a 2,000-row .xlsx (one row per procedure and channel, all valid) into an in-memory
 * PGlite through the overlay service, then a supervisor's one-entry publish (saved, re-read and
 * applied to the catalog), then the re-index after the province adds its own procedures (50).
 * Medians of 5 (publish) and 3 (re-index).
 */
import { performance } from 'node:perf_hooks';
import { openPgliteDb } from '../../adapters/sql/db/pglite-db.ts';
import { migrate } from '../../adapters/sql/migrations/migrate.ts';
import { createSqlLocalProcedureStore } from '../../adapters/sql/sql-local-procedure-store.ts';
import { createSqlOverlayStore } from '../../adapters/sql/sql-overlay-store.ts';
import { LexicalScorer } from '../../indexer/lexical/lexical-scorer.ts';
import { loadBundledCatalog } from '../../knowledge/catalog/index.ts';
import { createCatalog } from '../../knowledge/catalog-store.ts';
import { createLocalizedCatalog } from '../../knowledge/local/localized-catalog.ts';
import { importOverlay } from '../../knowledge/local/overlay-import.ts';
import { createOverlayService } from '../../knowledge/local/overlay-service.ts';
import { writeOverlaySheet } from '../../knowledge/local/overlay-sheet.ts';
import type { OverlayEntry } from '../../knowledge/local/overlay.ts';
import { loadBundledNational } from '../../knowledge/national/load-bundled-national.ts';
import type { Procedure } from '../../knowledge/schema.ts';

const ROWS = 2_000;
const OWN = 50;
const BASIS = 'Nghị quyết số 12/2025/NQ-HĐND (bench)';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runLocalBench(): Promise<Record<string, number>> {
  const national = (await loadBundledNational()).procedures;
  const base = createCatalog([...national, ...loadBundledCatalog()]);
  const db = await openPgliteDb(null);
  try {
    await migrate(db);
    const catalog = createLocalizedCatalog(base, { source: 'bench' });
    const service = createOverlayService(createSqlOverlayStore(db), () => catalog, 'bench', { store: createSqlLocalProcedureStore(db) });
    await service.refresh();

    // One row per (procedure, channel) the records have, until ROWS.
    const rows: OverlayEntry[] = [];
    const keys = new Set<string>();
    for (const procedure of base.all()) {
      for (const channel of procedure.channels) {
        const key = `${procedure.code}|${channel.method}`; // some records list one method twice
        if (keys.has(key)) continue;
        keys.add(key);
        if (rows.length < ROWS) rows.push({ code: procedure.code, channel: channel.method, fields: { feeVnd: 10_000 + rows.length, feeBasis: BASIS, hours: 'Thứ 2–thứ 6, 7h30–17h' }, version: 0, at: new Date() });
      }
    }
    const file = await writeOverlaySheet(rows, 'xlsx');
    const imported = performance.now();
    const report = await importOverlay(service, file, 'xlsx', { author: 'bench', fileName: 'bench.xlsx' });
    const importMs = performance.now() - imported;
    if (report.applied !== rows.length || report.rejected.length) throw new Error(`import: ${JSON.stringify({ ...report, rejected: report.rejected.slice(0, 3) })}`);

    const publishes: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      await service.edit([{ code: rows[0]!.code, channel: rows[0]!.channel, fields: { feeVnd: 20_000 + i, feeBasis: BASIS }, author: 'bench', reason: 'bench' }]);
      publishes.push(performance.now() - started);
      if (catalog.get(rows[0]!.code)!.channels.find((c) => c.method === rows[0]!.channel)!.fees.every((f) => f.amountVnd !== 20_000 + i)) throw new Error('publish not applied');
    }

    const template = loadBundledCatalog()[0]!;
    const own: Procedure[] = Array.from({ length: OWN }, (_, i) => ({ ...template, code: `9.2${String(i).padStart(5, '0')}`, name: `Thủ tục riêng của tỉnh số ${i + 1} (bench)`, origin: 'local' }));
    await service.saveProcedures(own.map((record) => ({ record, author: 'bench', reason: 'bench' })));
    const reindexes: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      await LexicalScorer.build(catalog.all());
      reindexes.push(performance.now() - started);
    }
    return {
      catalog_records: catalog.size,
      import_rows: rows.length,
      import_xlsx_ms: Math.round(importMs),
      publish_one_median_ms: Math.round(median(publishes)),
      reindex_with_own_median_ms: Math.round(median(reindexes)),
    };
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await runLocalBench());
}
