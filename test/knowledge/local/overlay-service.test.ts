/**
 * The overlay service on a real database shared by two instances: a publish on one is applied
 * there at once and on the other at its next refreshIfChanged; a preview saves nothing; a revert
 * undoes exactly one version; a stale editor is refused; learned phrasings re-index, one refresh at a time.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../../../adapters/sql/db/db.ts';
import { openPgliteDb } from '../../../adapters/sql/db/pglite-db.ts';
import { migrate } from '../../../adapters/sql/migrations/migrate.ts';
import { createSqlLocalProcedureStore } from '../../../adapters/sql/sql-local-procedure-store.ts';
import { createSqlOverlayStore } from '../../../adapters/sql/sql-overlay-store.ts';
import { createSqlLearnedPhrasingStore } from '../../../adapters/sql/sql-learned-phrasing-store.ts';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';
import { createCatalog } from '../../../knowledge/catalog-store.ts';
import { createLocalizedCatalog, type LocalizedCatalog } from '../../../knowledge/local/localized-catalog.ts';
import { OverlayConflictError } from '../../../knowledge/local/overlay-store.ts';
import { OverlayInputError, OverlayNotFoundError, createOverlayService, type OverlayService } from '../../../knowledge/local/overlay-service.ts';
import type { Procedure } from '../../../knowledge/schema.ts';

const CODE = '1.004873';
const BASIS = 'Nghị quyết số 12/2025/NQ-HĐND';
const feeOf = (catalog: LocalizedCatalog) => catalog.get(CODE)!.channels[0]!.fees[0]!;

describe('overlay service', () => {
  let db: Db;
  const instances: Array<{ catalog: LocalizedCatalog; service: OverlayService; reindexed: Array<readonly Procedure[]> }> = [];
  beforeEach(async () => {
    db = await openPgliteDb(null);
    await migrate(db);
    instances.length = 0;
    for (let i = 0; i < 2; i += 1) {
      const catalog = createLocalizedCatalog(createCatalog(loadBundledCatalog()), { source: 'UBND tỉnh' });
      const reindexed: Array<readonly Procedure[]> = [];
      const service = createOverlayService(createSqlOverlayStore(db), () => catalog, 'UBND tỉnh', {
        store: createSqlLocalProcedureStore(db),
        changed: async (own) => void reindexed.push(own),
      });
      await service.refresh();
      instances.push({ catalog, service, reindexed });
    }
  });
  afterEach(async () => db.close());

  test('a publish on one instance reaches the other at its next check; nothing to do when nothing changed', async () => {
    const [one, two] = instances as [(typeof instances)[0], (typeof instances)[0]];
    expect(await two.service.refreshIfChanged()).toBe(false);
    await one.service.edit([{ code: CODE, channel: '*', fields: { feeVnd: 20_000, feeBasis: BASIS }, author: 'gs', reason: 'NQ' }]);
    expect(feeOf(one.catalog)).toMatchObject({ amountVnd: 20_000, basis: BASIS });
    expect(feeOf(two.catalog).kind).toBe('set_by_province');
    expect(await two.service.refreshIfChanged()).toBe(true);
    expect(feeOf(two.catalog)).toMatchObject({ amountVnd: 20_000, basis: BASIS });
    expect(await two.service.refreshIfChanged()).toBe(false);

    // The province's own procedures: the other instance re-indexes once, with the new list.
    const own = { ...loadBundledCatalog()[0]!, code: '9.100001', name: 'Thủ tục riêng của tỉnh (ví dụ)' };
    await one.service.saveProcedures([{ record: own, author: 'gs', reason: 'QĐ công bố' }]);
    expect(one.reindexed.map((list) => list.map((p) => p.code))).toEqual([['9.100001']]);
    expect(two.reindexed).toEqual([]);
    expect(await two.service.refreshIfChanged()).toBe(true);
    expect(two.reindexed.map((list) => list.map((p) => p.code))).toEqual([['9.100001']]);
    expect(two.catalog.get('9.100001')?.origin).toBe('local');
    expect(two.catalog.all().at(-1)?.code).toBe('9.100001');
  });

  test('preview saves nothing; revert undoes one version; a stale editor is refused', async () => {
    const { service, catalog } = instances[0]!;
    const preview = service.preview(CODE, '*', { feeVnd: 5_000, feeBasis: BASIS });
    expect(preview.channels[0]!.fees[0]!.amountVnd).toBe(5_000);
    expect(feeOf(catalog).kind).toBe('set_by_province');
    expect(service.published()).toEqual([]);

    const [v1] = await service.edit([{ code: CODE, channel: '*', fields: { feeVnd: 20_000, feeBasis: BASIS }, author: 'gs', reason: 'NQ 2025', expectedVersion: 0 }]);
    const [v2] = await service.edit([{ code: CODE, channel: '*', fields: { feeVnd: 30_000, feeBasis: BASIS }, author: 'gs', reason: 'NQ 2026', expectedVersion: 1 }]);
    await expect(service.edit([{ code: CODE, channel: '*', fields: { feeVnd: 1, feeBasis: BASIS }, author: 'gs', reason: 'cũ', expectedVersion: 1 }])).rejects.toBeInstanceOf(OverlayConflictError);
    const undo = await service.revert(v2!.id, 'gs', '');
    expect(undo).toMatchObject({ version: 3, revertOf: v2!.id, reason: 'Hoàn tác phiên bản 2', fields: { feeVnd: 20_000, feeBasis: BASIS } });
    expect(feeOf(catalog).amountVnd).toBe(20_000);
    await service.revert(v1!.id, 'gs', 'về dữ liệu quốc gia');
    expect(feeOf(catalog)).toEqual(catalog.base(CODE)!.channels[0]!.fees[0]);
    expect(catalog.get(CODE)).toBe(catalog.base(CODE));
  });
});

describe('overlay service: learned phrasings', () => {
  let db: Db;
  afterEach(async () => db.close());

  test('adding and removing re-index with the words by code; an overlay edit does not; refreshes run one at a time, the last one seeing every change', async () => {
    db = await openPgliteDb(null);
    await migrate(db);
    const catalog = createLocalizedCatalog(createCatalog(loadBundledCatalog()), { source: 'UBND tỉnh' });
    const calls: Array<Record<string, readonly string[]>> = [];
    let running = 0;
    let overlapped = false;
    const service = createOverlayService(createSqlOverlayStore(db), () => catalog, 'UBND tỉnh', {
      store: createSqlLocalProcedureStore(db),
      phrasings: { store: createSqlLearnedPhrasingStore(db), wordsOf: (text) => text.toLowerCase() },
      changed: async (_own, phrasings) => {
        running += 1;
        overlapped ||= running > 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        calls.push(Object.fromEntries(phrasings));
        running -= 1;
      },
    });
    await service.refresh();
    expect(calls).toEqual([]);

    const [a, b] = await Promise.all([
      service.addPhrasing({ text: 'Báo Tử', code: '1.000656' }, 'gs1'),
      service.addPhrasing({ text: 'Lấy Vợ', code: '1.000894', reason: 'hỏi nhiều' }, 'gs2'),
    ]);
    expect(a).toMatchObject({ code: '1.000656', text: 'Báo Tử', words: 'báo tử', author: 'gs1', reason: 'Thêm từ trang thống kê hỏi đáp' });
    expect(b).toMatchObject({ reason: 'hỏi nhiều' });
    expect(overlapped).toBe(false);
    expect(calls.at(-1)).toEqual({ '1.000656': ['báo tử'], '1.000894': ['lấy vợ'] });
    expect(service.phrasings().map((p) => p.id)).toEqual([a.id, b.id]);

    const before = calls.length;
    await service.edit([{ code: CODE, channel: '*', fields: { feeVnd: 20_000, feeBasis: BASIS }, author: 'gs', reason: 'NQ' }]);
    expect(calls.length).toBe(before);

    const removed = await service.removePhrasing(a.id, 'gs3', '');
    expect(removed.removed).toMatchObject({ by: 'gs3', reason: 'Gỡ từ trang thống kê hỏi đáp' });
    expect(calls.at(-1)).toEqual({ '1.000894': ['lấy vợ'] });
    await expect(service.removePhrasing(a.id, 'gs3', '')).rejects.toBeInstanceOf(OverlayNotFoundError);
    await expect(service.addPhrasing({ text: 'x', code: '0.000000' }, 'gs')).rejects.toBeInstanceOf(OverlayInputError);
  });
});
