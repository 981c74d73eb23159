/**
 * Bulk import and export of the local overlay on a real database: good rows applied, every bad
 * one reported by row and column, nothing lost; export → import is a round trip in CSV and xlsx.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../../../adapters/sql/db/db.ts';
import { openPgliteDb } from '../../../adapters/sql/db/pglite-db.ts';
import { migrate } from '../../../adapters/sql/migrations/migrate.ts';
import { createSqlOverlayStore } from '../../../adapters/sql/sql-overlay-store.ts';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';
import { createCatalog } from '../../../knowledge/catalog-store.ts';
import { createLocalizedCatalog, type LocalizedCatalog } from '../../../knowledge/local/localized-catalog.ts';
import { formatImportReport, importOverlay } from '../../../knowledge/local/overlay-import.ts';
import { createOverlayService, type OverlayService } from '../../../knowledge/local/overlay-service.ts';
import { OverlaySheetError, TEMPLATE_COLUMNS, readOverlaySheet, writeOverlaySheet } from '../../../knowledge/local/overlay-sheet.ts';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/local/vi-du.csv');
const source = { author: 'giamsat', fileName: 'vi-du.csv' };
const bundled = loadBundledCatalog();
/** A record whose code ends in 0 (none of the curated ones does), as a number cell would lose it. */
const endsInZero = { ...bundled.find((p) => p.code === '1.001022')!, code: '1.001020' };

describe('importOverlay', () => {
  let db: Db;
  let catalog: LocalizedCatalog;
  let service: OverlayService;
  beforeEach(async () => {
    db = await openPgliteDb(null);
    await migrate(db);
    catalog = createLocalizedCatalog(createCatalog([...bundled, endsInZero]), { source: 'UBND tỉnh' });
    service = createOverlayService(createSqlOverlayStore(db), () => catalog, 'UBND tỉnh');
    await service.refresh();
  });
  afterEach(async () => db.close());

  test('a file with bad rows: the good rows are applied, each bad one is reported precisely, none is lost', async () => {
    const report = await importOverlay(service, await readFile(fixture), 'csv', source);
    expect(report).toEqual({
      rows: 8,
      applied: 3,
      unchanged: 0,
      rejected: [
        { row: 4, column: 'fee_vnd', message: '"1,5" không phải số tiền nguyên (đồng), ví dụ 1000000 hoặc 1.000.000' },
        { row: 5, column: 'code', message: 'không có thủ tục mã "9.999999" trong danh mục' },
        { row: 6, column: 'channel', message: 'kênh phải là truc_tiep, truc_tuyen, buu_chinh hoặc *' },
        { row: 7, column: 'online_url', message: 'đường dẫn phải bắt đầu bằng http:// hoặc https://' },
        { row: 8, column: 'code', message: 'trùng mã thủ tục và kênh với dòng 2' },
      ],
    });
    // Every data row is either applied or reported.
    expect(report.applied + report.unchanged + new Set(report.rejected.map((i) => i.row)).size).toBe(report.rows);
    expect(formatImportReport(report)).toContain('  Dòng 4, cột fee_vnd: "1,5" không phải số tiền nguyên');
    expect(service.published().map((e) => [e.code, e.channel, e.fields])).toEqual([
      ['1.000656', '*', { feeVnd: 50_000, feeLabel: 'Lệ phí đăng ký khai tử quá hạn', feeBasis: 'Nghị quyết số 12/2025/NQ-HĐND (ví dụ)', onlineUrl: 'https://dichvucong.example.vn/khai-tu', note: 'Mang theo giấy báo tử.' }],
      ['1.004873', '*', { feeVnd: 20_000, feeBasis: 'Nghị quyết số 12/2025/NQ-HĐND ngày 10/7/2025 của HĐND tỉnh (ví dụ)' }],
      ['1.004873', 'truc_tiep', { processingDays: 2, address: 'Bộ phận một cửa UBND phường (ví dụ), số 2 Lý Thái Tổ', hours: 'Thứ 2 đến thứ 6, 7h30–11h30 và 13h30–17h', phone: '0222 3822 123' }],
    ]);
    // The catalog already answers with them, and the history names the file.
    expect(catalog.get('1.004873')!.channels[0]!.fees[0]!.amountVnd).toBe(20_000);
    expect((await service.history('1.004873')).map((v) => [v.author, v.reason])).toEqual([
      ['giamsat', 'Nhập từ tệp vi-du.csv'],
      ['giamsat', 'Nhập từ tệp vi-du.csv'],
    ]);
    // The same file again changes nothing.
    expect(await importOverlay(service, await readFile(fixture), 'csv', source)).toMatchObject({ applied: 0, unchanged: 3 });
  });

  test.each(['csv', 'xlsx'] as const)('export in %s and import again: the same entries, nothing changed', async (format) => {
    await importOverlay(service, await readFile(fixture), 'csv', source);
    const before = service.published().map(({ code, channel, fields }) => ({ code, channel, fields }));
    const exported = await writeOverlaySheet(service.published(), format, (code) => catalog.get(code)?.name);
    const read = await readOverlaySheet(exported, format);
    expect(read.issues).toEqual([]);
    expect(read.rows.map(({ code, channel, fields }) => ({ code, channel, fields }))).toEqual(before);
    expect(await importOverlay(service, exported, format, { author: 'giamsat', fileName: `x.${format}` })).toEqual({ rows: 3, applied: 0, unchanged: 3, rejected: [] });
    expect(service.published().map(({ code, channel, fields }) => ({ code, channel, fields }))).toEqual(before);
  });

  test('an xlsx typed by hand: a code entered as a number keeps its zeros; an emptied row removes the entry', async () => {
    await importOverlay(service, await readFile(fixture), 'csv', source);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['code', 'channel', 'fee_vnd', 'fee_basis', 'address']);
    sheet.addRow([1.00102, '*', 150000, 'Nghị quyết số 12/2025/NQ-HĐND', null]); // 1.001020 as Excel stores it
    sheet.addRow(['1.004873', 'truc_tiep', null, null, null]);
    const report = await importOverlay(service, Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx', { author: 'giamsat', fileName: 'tay.xlsx' });
    expect(report).toEqual({ rows: 2, applied: 2, unchanged: 0, rejected: [] });
    expect(service.current('1.001020', '*')?.fields).toEqual({ feeVnd: 150_000, feeBasis: 'Nghị quyết số 12/2025/NQ-HĐND' });
    expect(service.current('1.004873', 'truc_tiep')).toBeUndefined();
    expect(catalog.get('1.004873')!.local!.places).toEqual([]);
  });

  test('a file that is not the template is refused whole, saying why', async () => {
    await expect(readOverlaySheet(Buffer.from('code,channel,fee_vdn\n1.004873,*,1000\n'), 'csv')).rejects.toThrow(new OverlaySheetError(`Cột không có trong mẫu: fee_vdn. Các cột của mẫu: ${TEMPLATE_COLUMNS.join(', ')}.`));
    await expect(readOverlaySheet(Buffer.from('fee_vnd\n1000\n'), 'csv')).rejects.toThrow('Thiếu cột code.');
    await expect(readOverlaySheet(Buffer.from('not a zip'), 'xlsx')).rejects.toBeInstanceOf(OverlaySheetError);
    expect(await createSqlOverlayStore(db).latestId()).toBe(0);
  });
});
