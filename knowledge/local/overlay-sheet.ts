/**
 * The import/export template of the local overlay: a UTF-8 CSV with a header row or the first
 * sheet of an .xlsx, one row per (procedure, channel, commune) — read with csv-parse and exceljs, written
 * with csv-stringify and exceljs. A cell is checked for its form here (a number where a number
 * goes); what the values mean is checked against the record by the overlay service.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';

/** exceljs is loaded on first use, not at server start-up (a fifth of a second of imports). */
const loadExcel = async () => (await import('exceljs')).default;
import { EVERY_COMMUNE_PROCEDURE, FIELD_COLUMNS, type OverlayEntry, type OverlayFields } from './overlay.ts';
import { foldedKey } from '../language/normalize.ts';

export type SheetFormat = 'csv' | 'xlsx';

/**
 * The template's columns, in order. `name` (the procedure's name) is written for reading and
 * ignored on import. `commune` (optional): the row is that xã/phường's one-stop shop.
 */
export const TEMPLATE_COLUMNS = ['code', 'name', 'channel', 'commune', 'fee_vnd', 'fee_label', 'fee_basis', 'processing_days', 'address', 'hours', 'phone', 'online_url', 'note', 'reason'] as const;
type Column = (typeof TEMPLATE_COLUMNS)[number];

const FIELD_OF = Object.fromEntries(Object.entries(FIELD_COLUMNS).map(([field, column]) => [column, field])) as Record<string, keyof OverlayFields>;

/** One row of a sheet: where it was, and its values still to be validated (numbers parsed). */
export interface SheetRow {
  /** The spreadsheet row number (the header is row 1). */
  row: number;
  code: string;
  channel: string;
  /** The xã/phường of a one-stop-shop row ('' = none). */
  commune: string;
  fields: Record<string, unknown>;
  reason?: string;
}

/** One problem found in a file, in Vietnamese: row, column and what is wrong. */
export interface SheetIssue {
  row: number;
  column: string;
  message: string;
}

/** The file itself cannot be read as the template (not CSV/xlsx, no header, unknown columns). */
export class OverlaySheetError extends Error {
  constructor(readonly vi: string) {
    super(vi);
    this.name = 'OverlaySheetError';
  }
}

export const MAX_SHEET_ROWS = 20_000;

/** "1000000", "1.000.000", "1,000,000", "1 000 000" → 1000000; anything else → null. */
function wholeNumber(text: string): number | null {
  const compact = text.trim();
  if (/^\d+$/.test(compact)) return Number(compact);
  if (/^\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*$/u.test(compact)) return Number(compact.replace(/[.,\s]/gu, ''));
  return null;
}

function readRows(table: string[][], firstRow: number): { rows: SheetRow[]; issues: SheetIssue[] } {
  const [header, ...body] = table;
  if (!header) throw new OverlaySheetError('Tệp không có dòng tiêu đề (code, channel, fee_vnd, …).');
  const columns = header.map((h) => h.trim().toLowerCase());
  const unknown = columns.filter((c) => c && !(TEMPLATE_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) throw new OverlaySheetError(`Cột không có trong mẫu: ${unknown.join(', ')}. Các cột của mẫu: ${TEMPLATE_COLUMNS.join(', ')}.`);
  for (const required of ['code', 'channel']) if (!columns.includes(required)) throw new OverlaySheetError(`Thiếu cột ${required}.`);
  const twice = columns.filter((c, i) => c && columns.indexOf(c) !== i);
  if (twice.length) throw new OverlaySheetError(`Cột bị lặp: ${[...new Set(twice)].join(', ')}.`);
  if (body.length > MAX_SHEET_ROWS) throw new OverlaySheetError(`Tệp có quá ${MAX_SHEET_ROWS} dòng; chia thành nhiều tệp.`);

  const rows: SheetRow[] = [];
  const issues: SheetIssue[] = [];
  const seen = new Map<string, number>();
  /** One spelling per commune in a file: the first row's ("phuong ben nghe" later = "Phường Bến Nghé"). */
  const spellings = new Map<string, string>();
  body.forEach((cells, index) => {
    const row = firstRow + 1 + index;
    const value = (column: Column) => {
      const at = columns.indexOf(column);
      return at >= 0 ? (cells[at] ?? '').trim() : '';
    };
    if (cells.every((cell) => !cell.trim())) return; // a blank line
    const fields: Record<string, unknown> = {};
    let bad = false;
    for (const [column, field] of Object.entries(FIELD_OF)) {
      const text = value(column as Column);
      if (!text) continue; // empty = keep the national value
      if (field === 'feeVnd' || field === 'processingDays') {
        const number = wholeNumber(text);
        if (number === null) {
          issues.push({ row, column, message: field === 'feeVnd' ? `"${text}" không phải số tiền nguyên (đồng), ví dụ 1000000 hoặc 1.000.000` : `"${text}" không phải số ngày nguyên` });
          bad = true;
        } else fields[field] = number;
      } else fields[field] = text;
    }
    // A code typed into a number cell loses its trailing zeros (1.001190 → 1.00119): give them back.
    const typed = value('code');
    const code = /^\d+\.\d{1,5}$/.test(typed) ? typed.replace(/\.(\d+)$/, (_m, d: string) => `.${d.padEnd(6, '0')}`) : typed;
    const channel = value('channel') || '*';
    const typedCommune = value('commune').replace(/\s+/gu, ' ');
    const commune = typedCommune ? spellings.get(foldedKey(typedCommune)) ?? typedCommune : '';
    if (commune) spellings.set(foldedKey(commune), commune);
    const key = `${code}|${channel}|${foldedKey(commune)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({ row, column: commune ? 'commune' : 'code', message: commune ? `trùng mã thủ tục, kênh và xã/phường với dòng ${earlier}` : `trùng mã thủ tục và kênh với dòng ${earlier}` });
      return;
    }
    seen.set(key, row);
    if (bad) return;
    const reason = value('reason');
    rows.push({ row, code, channel, commune, fields, ...(reason ? { reason } : {}) });
  });
  return { rows, issues };
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && 'result' in value && value.result !== undefined) return String(value.result);
  return cell.text ?? '';
}

/** The rows of a template file, with the problems of form found in them; throws OverlaySheetError for an unreadable file. */
export async function readOverlaySheet(bytes: Buffer, format: SheetFormat): Promise<{ rows: SheetRow[]; issues: SheetIssue[] }> {
  if (format === 'csv') {
    let table: string[][];
    try {
      table = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (error) {
      throw new OverlaySheetError(`Không đọc được tệp CSV (UTF-8, dấu phẩy ngăn cách): ${error instanceof Error ? error.message : String(error)}`);
    }
    return readRows(table, 1);
  }
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new OverlaySheetError('Không đọc được tệp .xlsx (tệp hỏng hoặc không phải định dạng Excel .xlsx).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new OverlaySheetError('Tệp .xlsx không có trang tính nào.');
  const table: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(sheet.columnCount, TEMPLATE_COLUMNS.length); c += 1) cells.push(cellText(row.getCell(c)));
    table.push(cells);
  }
  return readRows(table, 1);
}

/** Template rows of the published overlay (the procedure names for reading). */
function templateRows(entries: readonly OverlayEntry[], nameOf: (code: string) => string | undefined): string[][] {
  return entries.map((entry) => {
    const f = entry.fields;
    const cell = (value: string | number | undefined) => (value === undefined ? '' : String(value));
    return [entry.code, entry.code === EVERY_COMMUNE_PROCEDURE ? 'Mọi thủ tục cấp xã' : nameOf(entry.code) ?? '', entry.channel, entry.commune ?? '', cell(f.feeVnd), cell(f.feeLabel), cell(f.feeBasis), cell(f.processingDays), cell(f.address), cell(f.hours), cell(f.phone), cell(f.onlineUrl), cell(f.note), ''];
  });
}

/** The overlay in the template: CSV (UTF-8 with BOM, as spreadsheet programs want) or .xlsx. */
export async function writeOverlaySheet(entries: readonly OverlayEntry[], format: SheetFormat, nameOf: (code: string) => string | undefined = () => undefined): Promise<Buffer> {
  const rows = templateRows(entries, nameOf);
  if (format === 'csv') return Buffer.from(`\uFEFF${stringify([[...TEMPLATE_COLUMNS], ...rows], { record_delimiter: '\r\n' })}`, 'utf8');
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet('du_lieu_dia_phuong');
  sheet.addRow([...TEMPLATE_COLUMNS]).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow(row.map((value, i) => ((TEMPLATE_COLUMNS[i] === 'fee_vnd' || TEMPLATE_COLUMNS[i] === 'processing_days') && value ? Number(value) : value)));
    added.getCell(1).numFmt = '@';
  }
  sheet.getColumn(1).numFmt = '@'; // procedure codes like 1.004873 stay text, never a number
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
